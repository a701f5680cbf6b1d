package org.iscsismis.iscsi.disk;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** A disk behaves like a plain byte array under any mix of writes and trims, and its space accounting adds up. */
class VirtualDiskProperties {

    private static final int CHUNK = 4096;
    private static final int BLOCKS = 64; // 512-byte blocks: 8 chunks

    record Io(boolean trim, int block, int blocks, long seed) { }

    @Provide
    Arbitrary<List<Io>> ios() {
        Arbitrary<Io> io = Combinators.combine(Arbitraries.of(true, false, false, false), Arbitraries.integers().between(0, BLOCKS - 1),
                Arbitraries.integers().between(1, 20), Arbitraries.longs()).as((t, b, n, s) -> new Io(t, b, Math.min(n, BLOCKS - b), s));
        return io.list().ofMaxSize(40);
    }

    @Property(tries = 200)
    void diskEqualsAByteArrayModel(@ForAll("ios") List<Io> ios) {
        DiskRegistry registry = new DiskRegistry(CHUNK, d -> { });
        DiskPool pool = registry.createPool("p", 1L << 20);
        VirtualDisk disk = registry.createDisk(pool.id(), "d", BLOCKS * 512L, 512);
        byte[] model = new byte[BLOCKS * 512];
        apply(ios, disk, model);
        check(disk, pool, model);
    }

    /** The same in a sparse file, closed and reopened halfway: what was written before reads back after. */
    @Property(tries = 100)
    void fileDiskEqualsAByteArrayModelAcrossAReopen(@ForAll("ios") List<Io> ios, @ForAll("ios") List<Io> more) throws Exception {
        Path dir = Files.createTempDirectory("file-disk-properties");
        try {
            DiskRegistry registry = new DiskRegistry(CHUNK, d -> { }, DiskStorage.files(dir, 0));
            DiskPool pool = registry.createPool("p", 1L << 20);
            VirtualDisk disk = registry.createDisk(pool.id(), "d", BLOCKS * 512L, 512);
            byte[] model = new byte[BLOCKS * 512];
            apply(ios, disk, model);
            registry.close();
            DiskRegistry reopened = new DiskRegistry(CHUNK, d -> { }, DiskStorage.files(dir, 0));
            DiskPool samePool = reopened.restorePool(pool.id(), "p", 1L << 20);
            VirtualDisk sameDisk = reopened.restoreDisk(disk.id(), pool.id(), "d", BLOCKS * 512L, 512);
            check(sameDisk, samePool, model);
            apply(more, sameDisk, model);
            check(sameDisk, samePool, model);
            reopened.close();
        } finally {
            try (var files = Files.walk(dir)) {
                for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }

    private static void apply(List<Io> ios, VirtualDisk disk, byte[] model) {
        for (Io io : ios) {
            int off = io.block() * 512;
            int len = io.blocks() * 512;
            if (io.trim()) {
                disk.trim(off, len);
                Arrays.fill(model, off, off + len, (byte) 0);
            } else {
                byte[] data = new byte[len];
                new Random(io.seed()).nextBytes(data);
                disk.write(off, data);
                System.arraycopy(data, 0, model, off, len);
            }
        }
    }

    private static void check(VirtualDisk disk, DiskPool pool, byte[] model) {
        assertArrayEquals(model, disk.read(0, model.length));
        long allocated = 0;
        for (long c = 0; c < disk.chunkCount(); c++) {
            allocated += disk.isChunkAllocated(c) ? CHUNK : 0;
        }
        assertEquals(allocated, disk.allocatedBytes());
        assertEquals(allocated, pool.allocatedBytes());
    }
}
