package org.iscsismis.bench.storage;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;

import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.iscsismis.store.Journal;

/**
 * The two candidates for the data directory's state records, on this machine's file system: our journal and H2's
 * MVStore. Both are asked the same: a durable commit per change (forced to the device before it is answered), with
 * records of 256 bytes (a pair record is about that size); then reopening a store of 10 000 records (what start-up
 * recovery reads). Interleaved rounds, medians (see docs/benchmarks.md, "Data directory").
 */
final class JournalVersusMvStore {

    static final int RECORD = 256;

    private JournalVersusMvStore() {
    }

    /** Forced commits per second over {@code n} single-record changes. */
    static double journalCommitsPerSecond(Path dir, int n) {
        Path file = dir.resolve("journal-commits");
        try (Journal journal = Journal.open(file)) {
            byte[] value = value(1);
            long t0 = System.nanoTime();
            for (int i = 0; i < n; i++) {
                journal.put("pair/" + (i % 1000), value);
            }
            return n / ((System.nanoTime() - t0) / 1e9);
        } finally {
            delete(file);
        }
    }

    static double mvStoreCommitsPerSecond(Path dir, int n) {
        Path file = dir.resolve("mvstore-commits");
        MVStore store = new MVStore.Builder().fileName(file.toString()).autoCommitDisabled().open();
        try {
            MVMap<String, byte[]> map = store.openMap("state");
            byte[] value = value(1);
            long t0 = System.nanoTime();
            for (int i = 0; i < n; i++) {
                map.put("pair/" + (i % 1000), value);
                store.commit();
                store.sync();
            }
            return n / ((System.nanoTime() - t0) / 1e9);
        } finally {
            store.close();
            delete(file);
        }
    }

    /** Milliseconds to open a journal of {@code records} distinct records and read them all. */
    static double journalRecoveryMillis(Path file) {
        long t0 = System.nanoTime();
        try (Journal journal = Journal.open(file)) {
            if (journal.snapshot().size() < 10_000) {
                throw new IllegalStateException("the journal lost records");
            }
            return (System.nanoTime() - t0) / 1e6;
        }
    }

    static double mvStoreRecoveryMillis(Path file) {
        long t0 = System.nanoTime();
        MVStore store = new MVStore.Builder().fileName(file.toString()).open();
        try {
            MVMap<String, byte[]> map = store.openMap("state");
            int n = 0;
            for (var e : map.entrySet()) {
                n += e.getValue().length > 0 ? 1 : 0;
            }
            if (n < 10_000) {
                throw new IllegalStateException("the store lost records");
            }
            return (System.nanoTime() - t0) / 1e6;
        } finally {
            store.close();
        }
    }

    /** A journal of 10 000 records (each forced as it is written; only the reading is measured). */
    static Path journalOf10000(Path dir) {
        Path file = dir.resolve("journal-10000");
        try (Journal journal = Journal.open(file)) {
            for (int i = 0; i < 10_000; i++) {
                journal.put("record/" + i, value(i));
            }
        }
        return file;
    }

    static Path mvStoreOf10000(Path dir) {
        Path file = dir.resolve("mvstore-10000");
        MVStore store = new MVStore.Builder().fileName(file.toString()).open();
        MVMap<String, byte[]> map = store.openMap("state");
        for (int i = 0; i < 10_000; i++) {
            map.put("record/" + i, value(i));
        }
        store.commit();
        store.close();
        return file;
    }

    static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    private static byte[] value(int seed) {
        byte[] b = new byte[RECORD];
        new Random(seed).nextBytes(b);
        return b;
    }

    static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
