package org.iscsismis.bench.storage;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import org.iscsismis.iscsi.disk.DiskRegistry;
import org.iscsismis.iscsi.disk.DiskStorage;
import org.iscsismis.iscsi.disk.Pauser;
import org.iscsismis.iscsi.disk.VirtualDisk;
import org.iscsismis.replication.CopyState;
import org.iscsismis.replication.EngineConfig;
import org.iscsismis.replication.Mode;
import org.iscsismis.replication.Operation;
import org.iscsismis.replication.PairSnapshot;
import org.iscsismis.replication.PairSpec;
import org.iscsismis.replication.ReplicationEngine;

/**
 * Disk data in files against disk data on the heap, in one run on one file system (the directory given, default
 * {@code target/storage-bench}), rounds interleaved so both see the same machine load; prints medians:
 * <ul>
 *   <li>background copy: a full clone of a 64 MiB source (1 024 chunks), heap and files, beside {@code dd} copying
 *   a 64 MiB file to another (page cache, as the engine's copy; and with {@code conv=fdatasync});</li>
 *   <li>host write latency: 4 KiB at random blocks of a 64 MiB source, with no pair and with a synchronous mirror,
 *   heap and files, and on files with a flush after each write, beside {@code dd bs=4k oflag=dsync};</li>
 *   <li>heap after a full GC with 1 GiB and with 100 GiB of thin file-backed disks, each partly written;</li>
 *   <li>the journal against H2's MVStore ({@link JournalVersusMvStore}).</li>
 * </ul>
 */
public final class StorageBenchmarks {

    private static final int CHUNK = DiskRegistry.DEFAULT_CHUNK_SIZE;
    private static final int CHUNKS = 1024;
    private static final int IO = 4096;
    private static final int ROUNDS = Integer.getInteger("rounds", 5);

    private StorageBenchmarks() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args.length > 0 ? args[0] : "target/storage-bench").toAbsolutePath();
        Files.createDirectories(dir);
        copyThroughput(dir);
        writeLatency(dir);
        heapWithData(dir);
        journal(dir);
    }

    // ------------------------------------------------------------------ copy

    private static void copyThroughput(Path dir) throws Exception {
        Path src = dir.resolve("dd-src");
        run("dd", "if=/dev/urandom", "of=" + src, "bs=64k", "count=" + CHUNKS, "status=none");
        double[] heap = new double[ROUNDS];
        double[] files = new double[ROUNDS];
        double[] dd = new double[ROUNDS];
        double[] ddSync = new double[ROUNDS];
        for (int i = -1; i < ROUNDS; i++) { // one unrecorded warm-up round
            double h = cloneMillis(null);
            double f = cloneMillis(dir);
            double d = run("dd", "if=" + src, "of=" + dir.resolve("dd-dst"), "bs=64k", "status=none");
            double ds = run("dd", "if=" + src, "of=" + dir.resolve("dd-dst"), "bs=64k", "conv=fdatasync", "status=none");
            if (i >= 0) {
                heap[i] = h;
                files[i] = f;
                dd[i] = d;
                ddSync[i] = ds;
            }
        }
        double mib = CHUNKS * (double) CHUNK / (1 << 20);
        System.out.printf("copy of %.0f MiB (medians of %d): heap %s, files %s, dd %s, dd conv=fdatasync %s%n", mib, ROUNDS,
                rate(heap, mib), rate(files, mib), rate(dd, mib), rate(ddSync, mib));
    }

    /** A clone's full copy on the heap ({@code dir} null) or in files under {@code dir}. */
    private static double cloneMillis(Path dir) throws Exception {
        try (Rig rig = Rig.open(dir, 1)) {
            long t0 = System.nanoTime();
            PairSnapshot p = rig.engine.createPair(PairSpec.clone(rig.source.id()).inPool(rig.pool, "copy"));
            PairSnapshot done = rig.engine.awaitCopyState(p.id(), CopyState.SYNCHRONIZED).get(120, TimeUnit.SECONDS);
            double ms = (System.nanoTime() - t0) / 1e6;
            if (done.chunksCopied() != CHUNKS) {
                throw new IllegalStateException("the clone copied " + done.chunksCopied() + " chunks, not " + CHUNKS);
            }
            rig.engine.modify(p.id(), Operation.DETACH);
            return ms;
        }
    }

    /** A filled 64 MiB source in a pool of four times that, its engine, on the heap or in files under a new directory. */
    private record Rig(Path files, DiskStorage storage, DiskRegistry registry, String pool, VirtualDisk source,
                       ReplicationEngine engine) implements AutoCloseable {

        static Rig open(Path dir, long seed) throws IOException {
            Path files = dir == null ? null : Files.createTempDirectory(dir, "rig");
            DiskStorage storage = files == null ? DiskStorage.heap(Long.MAX_VALUE) : DiskStorage.files(files, 0);
            DiskRegistry registry = new DiskRegistry(CHUNK, Pauser.parking(), storage);
            String pool = registry.createPool("bench", 4L * CHUNKS * CHUNK).id();
            VirtualDisk source = registry.createDisk(pool, "src", (long) CHUNKS * CHUNK, 4096);
            fill(source, seed);
            return new Rig(files, storage, registry, pool, source, new ReplicationEngine(registry, EngineConfig.defaults()));
        }

        @Override
        public void close() throws IOException {
            engine.close();
            registry.close();
            storage.close();
            deleteTree(files);
        }
    }

    // ------------------------------------------------------------------ host writes

    private static void writeLatency(Path dir) throws Exception {
        String[] cases = {"heap", "files", "files+flush", "heap syncMirror", "files syncMirror"};
        double[][] micros = new double[cases.length][ROUNDS];
        double[] dd = new double[ROUNDS];
        int writes = 2000;
        for (int i = -1; i < ROUNDS; i++) {
            for (int c = 0; c < cases.length; c++) {
                String name = cases[c];
                double us = writeMicros(name.startsWith("heap") ? null : dir, name.contains("syncMirror"), name.contains("flush"), writes);
                if (i >= 0) {
                    micros[c][i] = us;
                }
            }
            double ms = run("dd", "if=/dev/zero", "of=" + dir.resolve("dd-dsync"), "bs=4k", "count=" + writes,
                    "oflag=dsync", "status=none");
            if (i >= 0) {
                dd[i] = ms * 1000 / writes;
            }
        }
        for (int c = 0; c < cases.length; c++) {
            System.out.printf("host write of 4 KiB, %s: median %.1f µs/write%n", cases[c], median(micros[c]));
        }
        System.out.printf("dd bs=4k oflag=dsync: median %.1f µs/write%n", median(dd));
    }

    /** Mean microseconds per 4 KiB write at random blocks of a filled 64 MiB source. */
    private static double writeMicros(Path dir, boolean syncMirror, boolean flush, int writes) throws Exception {
        try (Rig rig = Rig.open(dir, 2)) {
            if (syncMirror) {
                PairSnapshot p = rig.engine.createPair(PairSpec.mirror(rig.source.id(), Mode.SYNCHRONOUS).inPool(rig.pool, "mirror"));
                rig.engine.awaitCopyState(p.id(), CopyState.SYNCHRONIZED).get(120, TimeUnit.SECONDS);
            }
            byte[] data = new byte[IO];
            Random r = new Random(3);
            r.nextBytes(data);
            long blocks = rig.source.sizeBytes() / IO;
            long t0 = System.nanoTime();
            for (int i = 0; i < writes; i++) {
                rig.source.write(r.nextLong(blocks) * IO, data);
                if (flush) {
                    rig.source.flush();
                }
            }
            return (System.nanoTime() - t0) / 1e3 / writes;
        }
    }

    // ------------------------------------------------------------------ heap

    /** Heap in use after full GCs: 1 disk of 1 GiB, then 100 disks of 1 GiB, each with 16 MiB written, in files. */
    private static void heapWithData(Path dir) throws Exception {
        long before = usedAfterGc();
        Path files = Files.createTempDirectory(dir, "heap");
        DiskStorage storage = DiskStorage.files(files, 0);
        DiskRegistry registry = new DiskRegistry(CHUNK, Pauser.parking(), storage);
        String pool = registry.createPool("bench", 200L << 30).id();
        long[] used = new long[101];
        for (int d = 1; d <= 100; d++) {
            VirtualDisk disk = registry.createDisk(pool, "d" + d, 1L << 30, 4096);
            byte[] chunk = new byte[CHUNK];
            Random r = new Random(d);
            for (int c = 0; c < 256; c++) { // 16 MiB, every 64th chunk of the disk
                r.nextBytes(chunk);
                disk.write((long) c * 64 * CHUNK, chunk);
            }
            if (d == 1 || d == 100) {
                used[d] = usedAfterGc() - before;
            }
        }
        long allocated = registry.disks().stream().mapToLong(VirtualDisk::allocatedBytes).sum();
        System.out.printf("heap over the empty JVM: 1 disk of 1 GiB (16 MiB written) %.2f MiB; 100 disks of 1 GiB"
                + " (1600 MiB written) %.2f MiB; data in files %d MiB%n", used[1] / 1048576.0, used[100] / 1048576.0,
                allocated >> 20);
        registry.close();
        storage.close();
        deleteTree(files);
    }

    private static long usedAfterGc() throws InterruptedException {
        Runtime rt = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(100); // let the collector settle; a measurement, not a test wait
        }
        return rt.totalMemory() - rt.freeMemory();
    }

    // ------------------------------------------------------------------ journal

    private static void journal(Path dir) {
        int commits = 500;
        double[] journal = new double[ROUNDS];
        double[] mv = new double[ROUNDS];
        for (int i = 0; i < ROUNDS; i++) {
            journal[i] = JournalVersusMvStore.journalCommitsPerSecond(dir, commits);
            mv[i] = JournalVersusMvStore.mvStoreCommitsPerSecond(dir, commits);
        }
        System.out.printf("forced commits of %d-byte records (medians of %d × %d): journal %.0f/s, MVStore %.0f/s%n",
                JournalVersusMvStore.RECORD, ROUNDS, commits, median(journal), median(mv));
        Path j = JournalVersusMvStore.journalOf10000(dir);
        Path m = JournalVersusMvStore.mvStoreOf10000(dir);
        double[] jr = new double[ROUNDS];
        double[] mr = new double[ROUNDS];
        for (int i = 0; i < ROUNDS; i++) {
            jr[i] = JournalVersusMvStore.journalRecoveryMillis(j);
            mr[i] = JournalVersusMvStore.mvStoreRecoveryMillis(m);
        }
        System.out.printf("open and read 10 000 records (medians of %d): journal %.1f ms (%d bytes), MVStore %.1f ms (%d bytes)%n",
                ROUNDS, median(jr), size(j), median(mr), size(m));
        JournalVersusMvStore.delete(j);
        JournalVersusMvStore.delete(m);
    }

    // ------------------------------------------------------------------ helpers

    private static void fill(VirtualDisk disk, long seed) {
        byte[] chunk = new byte[CHUNK];
        Random r = new Random(seed);
        for (int c = 0; c < CHUNKS; c++) {
            r.nextBytes(chunk);
            disk.write((long) c * CHUNK, chunk);
        }
    }

    /** Runs a command, failing on a non-zero exit; returns its wall time in milliseconds. */
    private static double run(String... command) throws IOException, InterruptedException {
        long t0 = System.nanoTime();
        Process p = new ProcessBuilder(command).inheritIO().start();
        if (p.waitFor() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " exited with " + p.exitValue());
        }
        return (System.nanoTime() - t0) / 1e6;
    }

    private static String rate(double[] millis, double mib) {
        double m = median(millis);
        return String.format("%.1f ms (%.0f MiB/s)", m, mib / m * 1000);
    }

    private static double median(double[] values) {
        return JournalVersusMvStore.median(values);
    }

    private static void deleteTree(Path root) throws IOException {
        if (root == null) {
            return;
        }
        try (var paths = Files.walk(root)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
