package org.iscsismis.iscsi.disk;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.*;

class VirtualDiskTest {

    private static final int CHUNK = 4096 * 4;
    private final List<Duration> pauses = new ArrayList<>();
    private final DiskRegistry registry = new DiskRegistry(CHUNK, pauses::add);
    private final DiskPool pool = registry.createPool("p", 64L * CHUNK);

    private static byte[] pattern(int len, int seed) {
        byte[] b = new byte[len];
        for (int i = 0; i < len; i++) {
            b[i] = (byte) (seed * 31 + i * 7);
        }
        return b;
    }

    @Test
    void writtenBytesReadBackAndHolesReadAsZeros() {
        VirtualDisk d = registry.createDisk(pool.id(), "a", 8L * CHUNK, 512);
        byte[] data = pattern(3 * 512, 1);
        d.write(CHUNK - 512, data);
        assertArrayEquals(data, d.read(CHUNK - 512, data.length));
        assertArrayEquals(new byte[CHUNK], d.read(4L * CHUNK, CHUNK));
        assertEquals(2L * CHUNK, d.allocatedBytes(), "a write spanning two chunks allocates exactly two");
        assertEquals(2L * CHUNK, pool.allocatedBytes());
    }

    @ParameterizedTest
    @CsvSource({"512, 100, 512", "512, 512, 100", "4096, 512, 4096", "4096, 0, 512"})
    void misalignedIoIsRejected(int blockSize, long offset, int len) {
        VirtualDisk d = registry.createDisk(pool.id(), "a", 8L * CHUNK, blockSize);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> d.write(offset, new byte[len]));
        assertTrue(e.getMessage().contains("block size"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> d.read(offset, len));
        assertEquals(0, d.allocatedBytes());
    }

    @Test
    void outOfRangeIoIsRejected() {
        VirtualDisk d = registry.createDisk(pool.id(), "a", 2L * CHUNK, 512);
        assertThrows(IllegalArgumentException.class, () -> d.write(2L * CHUNK, new byte[512]));
        assertThrows(IllegalArgumentException.class, () -> d.write(2L * CHUNK - 512, new byte[1024]));
        assertThrows(IllegalArgumentException.class, () -> d.read(-512, 512));
        assertThrows(IllegalArgumentException.class, () -> registry.createDisk(pool.id(), "b", 1000, 512));
        assertThrows(IllegalArgumentException.class, () -> registry.createDisk(pool.id(), "b", 4096, 1024));
    }

    @Test
    void writeThatNeedsMoreThanThePoolHasFailsAndChangesNothing() {
        DiskPool small = registry.createPool("small", 2L * CHUNK);
        VirtualDisk d = registry.createDisk(small.id(), "a", 8L * CHUNK, 512);
        d.write(0, pattern(512, 1));
        byte[] before = d.read(0, 4 * CHUNK);
        PoolExhaustedException e = assertThrows(PoolExhaustedException.class,
                () -> d.write(0, pattern(3 * CHUNK, 2)));
        assertEquals(small.id(), e.poolId());
        assertEquals(2L * CHUNK, e.neededBytes());
        assertEquals(CHUNK, e.freeBytes());
        assertTrue(e.getMessage().contains(small.id()) && e.getMessage().contains(d.id()), e.getMessage());
        assertArrayEquals(before, d.read(0, 4 * CHUNK));
        assertEquals(CHUNK, small.allocatedBytes());
    }

    @Test
    void trimZeroesAndReturnsWholeChunksToThePool() {
        VirtualDisk d = registry.createDisk(pool.id(), "a", 8L * CHUNK, 512);
        d.write(0, pattern(3 * CHUNK, 3));
        d.trim(512, 2 * CHUNK);
        assertEquals(2L * CHUNK, d.allocatedBytes(), "the middle chunk is free again");
        assertArrayEquals(new byte[2 * CHUNK], d.read(512, 2 * CHUNK));
        assertArrayEquals(Arrays.copyOfRange(pattern(3 * CHUNK, 3), 0, 512), d.read(0, 512));
        registry.deleteDisk(d.id());
        assertEquals(0, pool.allocatedBytes());
        assertThrows(java.util.NoSuchElementException.class, () -> registry.disk(d.id()));
    }

    @Test
    void injectedFaultsFailIoWithTheDiskNamed() {
        VirtualDisk d = registry.createDisk(pool.id(), "a", 8L * CHUNK, 4096);
        d.faults().failWrites(true);
        DiskIoException e = assertThrows(DiskIoException.class, () -> d.write(0, new byte[4096]));
        assertEquals(d.id(), e.diskId());
        d.read(0, 4096);
        d.faults().failWrites(false).failReads(true);
        assertThrows(DiskIoException.class, () -> d.read(0, 4096));
        d.write(0, new byte[4096]);
        d.faults().clear().offline(true);
        assertThrows(DiskIoException.class, () -> d.read(0, 4096));
        assertThrows(DiskIoException.class, d::flush);
        d.faults().clear();
        d.flush();
        assertEquals(1, d.flushCount());
    }

    @Test
    void latencyGoesThroughTheInjectedPauser() {
        VirtualDisk d = registry.createDisk(pool.id(), "a", 8L * CHUNK, 4096);
        d.faults().latency(Duration.ofMillis(7));
        d.write(0, new byte[4096]);
        d.read(0, 4096);
        assertEquals(List.of(Duration.ofMillis(7), Duration.ofMillis(7)), pauses);
    }

    @Test
    void interceptorSeesEveryWriteAndCanVetoIt() {
        VirtualDisk d = registry.createDisk(pool.id(), "a", 8L * CHUNK, 512);
        List<String> seen = new ArrayList<>();
        d.setWriteInterceptor((disk, offset, length, origin) -> new WriteInterceptor.WriteScope() {
            @Override public boolean beforeApply(long first, long last) {
                seen.add("before " + first + ".." + last);
                if (offset == 0) {
                    throw new DiskIoException(disk.id(), "veto");
                }
                return true;
            }
            @Override public void afterApply(long off, long len) {
                seen.add("after " + off + "+" + len);
            }
        });
        assertThrows(DiskIoException.class, () -> d.write(0, pattern(512, 1)));
        d.write(CHUNK, pattern(CHUNK + 512, 1));
        assertEquals(List.of("before 0..0", "before 1..2", "after " + CHUNK + "+" + (CHUNK + 512)), seen);
        assertArrayEquals(new byte[512], d.read(0, 512), "the vetoed write changed nothing");
        assertTrue(d.isInUse());
        assertThrows(IllegalStateException.class, () -> registry.deleteDisk(d.id()));
    }

    @Test
    void engineCopiesAndDiscardsTakeTheHostWritePath() {
        VirtualDisk from = registry.createDisk(pool.id(), "from", 8L * CHUNK, 512);
        VirtualDisk to = registry.createDisk(pool.id(), "to", 8L * CHUNK, 512);
        from.write(0, pattern(CHUNK, 2));
        WriteOrigin engine = new WriteOrigin() { };
        List<String> seen = new ArrayList<>();
        to.setWriteInterceptor((disk, offset, length, origin) -> {
            seen.add((origin == engine ? "engine " : "host ") + offset + "+" + length);
            return new WriteInterceptor.WriteScope() {
                @Override public boolean beforeApply(long first, long last) {
                    return offset != 2L * CHUNK; // drop this one
                }
            };
        });
        assertTrue(to.copyFrom(from, 0, CHUNK, engine), "a whole chunk moved");
        assertFalse(to.copyFrom(from, CHUNK, CHUNK, engine), "two holes: nothing moved");
        assertFalse(to.copyFrom(from, 2L * CHUNK, 1024, engine), "dropped");
        to.faults().failWrites(true);
        to.discard(engine); // freeing space is not refused by a fault
        assertThrows(DiskIoException.class, () -> to.copyFrom(from, 0, CHUNK, engine));
        to.faults().clear();
        to.write(0, new byte[512]);
        assertEquals(List.of("engine 0+" + CHUNK, "engine " + CHUNK + "+" + CHUNK, "engine " + 2L * CHUNK + "+1024",
                "engine 0+" + 8L * CHUNK, "host 0+512"), seen);
        assertEquals(CHUNK, to.allocatedBytes(), "only the host write's chunk is stored after the discard");
    }

    @Test
    void aDiskNobodyHookedDropsEngineWrites() {
        VirtualDisk from = registry.createDisk(pool.id(), "from", 4L * CHUNK, 512);
        VirtualDisk to = registry.createDisk(pool.id(), "to", 4L * CHUNK, 512);
        from.write(0, pattern(CHUNK, 3));
        assertFalse(to.copyFrom(from, 0, CHUNK, new WriteOrigin() { }), "no relationship hooked it: a stale copy");
        assertArrayEquals(new byte[CHUNK], to.read(0, CHUNK));
        to.write(0, pattern(512, 4));
        assertArrayEquals(pattern(512, 4), to.read(0, 512));
    }

    @Test
    void sixteenWritersLoseNoWrite() throws Exception {
        VirtualDisk d = registry.createDisk(pool.id(), "a", 16L * CHUNK, 512);
        int threads = 16;
        int writesPerThread = 200;
        ExecutorService pool16 = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> futures = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int thread = t;
            futures.add(pool16.submit(() -> {
                start.await();
                for (int i = 0; i < writesPerThread; i++) {
                    // thread t owns block t of every chunk it writes: interleaved in shared chunks
                    long block = (long) (i % 16) * (CHUNK / 512) + thread;
                    byte[] b = new byte[512];
                    Arrays.fill(b, (byte) (thread + 1));
                    b[0] = (byte) i;
                    d.write(block * 512, b);
                }
                return null;
            }));
        }
        start.countDown();
        for (Future<?> f : futures) {
            f.get(20, java.util.concurrent.TimeUnit.SECONDS);
        }
        pool16.shutdown();
        for (int t = 0; t < threads; t++) {
            for (int c = 0; c < 16; c++) {
                byte[] b = d.read(((long) c * (CHUNK / 512) + t) * 512, 512);
                assertEquals((byte) (t + 1), b[1], "thread " + t + " chunk " + c);
                int lastI = ((writesPerThread - 1 - c) / 16) * 16 + c;
                assertEquals((byte) lastI, b[0]);
            }
        }
    }
}
