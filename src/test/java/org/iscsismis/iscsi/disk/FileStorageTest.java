package org.iscsismis.iscsi.disk;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Disks in sparse files: thin on the file system, the same bytes after a reopen, the pool counted from the maps. */
class FileStorageTest {

    private static final int CHUNK = 64 * 1024;

    @TempDir
    Path dir;

    private DiskRegistry registry(long minFree) {
        return new DiskRegistry(CHUNK, d -> { }, DiskStorage.files(dir, minFree));
    }

    @Test
    void aLargeDiskTakesOnlyTheChunksWrittenOnTheFileSystem() throws Exception {
        DiskRegistry registry = registry(0);
        DiskPool pool = registry.createPool("p", 1L << 40);
        VirtualDisk disk = registry.createDisk(pool.id(), "big", 100L << 30, 4096);
        disk.write(0, filled(CHUNK, 'a'));
        disk.write(50L << 30, filled(4096, 'b'));
        Path image = dir.resolve(disk.id() + ".img");
        assertEquals(100L << 30, Files.size(image), "a raw image of the disk's size");
        long onDisk = allocatedOnFileSystem(image);
        assertTrue(onDisk <= 2L * CHUNK + 8192, "only the two chunks written take space, not " + onDisk);
        assertEquals(2L * CHUNK, disk.allocatedBytes());
        assertEquals(2L * CHUNK, pool.allocatedBytes());
        assertArrayEquals(filled(4096, 'b'), disk.read(50L << 30, 4096));
        assertArrayEquals(new byte[4096], disk.read((50L << 30) + 4096, 4096), "the rest of a new chunk reads as zeros");
        registry.close();
    }

    @Test
    void aReopenedDiskHoldsItsBytesAndItsPoolCountsThem() {
        DiskRegistry first = registry(0);
        DiskPool pool = first.createPool("p", 1L << 30);
        VirtualDisk disk = first.createDisk(pool.id(), "d", 16L * CHUNK, 512);
        disk.write(3L * CHUNK + 512, filled(1024, 'x'));
        disk.write(9L * CHUNK, filled(CHUNK, 'y'));
        disk.write(12L * CHUNK, filled(CHUNK, 'z'));
        disk.trim(12L * CHUNK, CHUNK);
        disk.flush();
        byte[] before = disk.read(0, 16 * CHUNK);
        first.close();

        DiskRegistry second = registry(0);
        DiskPool again = second.restorePool(pool.id(), "p", 1L << 30);
        VirtualDisk reopened = second.restoreDisk(disk.id(), pool.id(), "d", 16L * CHUNK, 512);
        assertArrayEquals(before, reopened.read(0, 16 * CHUNK));
        assertEquals(2L * CHUNK, reopened.allocatedBytes(), "the trimmed chunk stays free");
        assertEquals(2L * CHUNK, again.allocatedBytes());
        assertEquals("disk-2", second.createDisk(again.id(), "next", 8L * CHUNK, 512).id(), "numbering goes on after it");
        second.close();
    }

    @Test
    void aFreedChunkWrittenAgainShowsNoneOfItsOldBytes() {
        DiskRegistry registry = registry(0);
        DiskPool pool = registry.createPool("p", 1L << 30);
        VirtualDisk disk = registry.createDisk(pool.id(), "d", 4L * CHUNK, 512);
        disk.write(0, filled(CHUNK, 'o'));
        disk.trim(0, CHUNK);
        disk.write(512, filled(512, 'n'));
        byte[] expected = new byte[CHUNK];
        Arrays.fill(expected, 512, 1024, (byte) 'n');
        assertArrayEquals(expected, disk.read(0, CHUNK));
        registry.close();
    }

    @Test
    void aWriteThatWouldLeaveTooLittleFreeIsRefusedLikeAFullPoolAndChangesNothing() {
        DiskRegistry registry = registry(Long.MAX_VALUE / 2);
        DiskPool pool = registry.createPool("p", 1L << 30);
        VirtualDisk disk = registry.createDisk(pool.id(), "d", 4L * CHUNK, 512);
        PoolExhaustedException e = assertThrows(PoolExhaustedException.class, () -> disk.write(0, filled(512, 'a')));
        assertTrue(e.getMessage().contains("nearly full"), e.getMessage());
        assertEquals(0, disk.allocatedBytes());
        assertEquals(0, pool.allocatedBytes());
        assertEquals(0, pool.storageFreeBytes());
        registry.close();
    }

    @Test
    void deletingADiskRemovesItsFilesAndOrphansOfUnrecordedDisksAreCleanedUp() throws IOException {
        DiskRegistry registry = registry(0);
        DiskPool pool = registry.createPool("p", 1L << 30);
        VirtualDisk kept = registry.createDisk(pool.id(), "kept", 4L * CHUNK, 512);
        VirtualDisk gone = registry.createDisk(pool.id(), "gone", 4L * CHUNK, 512);
        VirtualDisk orphan = registry.createDisk(pool.id(), "orphan", 4L * CHUNK, 512);
        gone.write(0, filled(CHUNK, 'g'));
        registry.deleteDisk(gone.id());
        assertEquals(0, pool.allocatedBytes());
        assertFalse(Files.exists(dir.resolve(gone.id() + ".img")));
        registry.storage().removeOrphans(Set.of(kept.id()));
        assertFalse(Files.exists(dir.resolve(orphan.id() + ".map")));
        assertTrue(Files.exists(dir.resolve(kept.id() + ".map")));
        registry.close();
    }

    @Test
    void aTemporaryDirectoryIsRemovedWhenTheRegistryCloses() {
        DiskStorage storage = DiskStorage.temporaryFiles(0);
        DiskRegistry registry = new DiskRegistry(CHUNK, d -> { }, storage);
        VirtualDisk disk = registry.createDisk(registry.createPool("p", 1L << 30).id(), "d", 4L * CHUNK, 512);
        disk.write(0, filled(512, 't'));
        Path where = ((FileStorage) storage).directory();
        assertTrue(Files.isDirectory(where));
        assertFalse(storage.persistent());
        registry.close();
        assertFalse(Files.exists(where));
    }

    @Test
    void aChunkMapOfAnotherGeometryIsRefused() {
        DiskRegistry first = registry(0);
        DiskPool pool = first.createPool("p", 1L << 30);
        VirtualDisk disk = first.createDisk(pool.id(), "d", 4L * CHUNK, 512);
        first.close();
        DiskRegistry second = registry(0);
        second.restorePool(pool.id(), "p", 1L << 30);
        DiskIoException e = assertThrows(DiskIoException.class, () -> second.restoreDisk(disk.id(), pool.id(), "d", 8L * CHUNK, 512));
        assertTrue(e.getMessage().contains("does not describe"), e.getMessage());
    }

    static byte[] filled(int n, char c) {
        byte[] b = new byte[n];
        Arrays.fill(b, (byte) c);
        return b;
    }

    /** Bytes the file system allocated to the file (stat's blocks × block size). */
    static long allocatedOnFileSystem(Path file) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("stat", "-c", "%b %B", file.toString()).redirectErrorStream(true).start();
        String[] out = new String(p.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).trim().split(" ");
        assertEquals(0, p.waitFor());
        return Long.parseLong(out[0]) * Long.parseLong(out[1]);
    }
}
