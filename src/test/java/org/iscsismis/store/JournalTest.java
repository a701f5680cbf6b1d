package org.iscsismis.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The write-ahead log: the last value per key survives a reopen; a torn or corrupted tail is cut off, never read. */
class JournalTest {

    @TempDir
    Path dir;

    private Path file() {
        return dir.resolve("journal");
    }

    private static byte[] text(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void lastValuePerKeyInFirstPutOrderSurvivesAReopen() {
        try (Journal j = Journal.open(file())) {
            j.put("b", text("1"));
            j.put("a", text("2"));
            j.put("b", text("3"));
            j.put("c", text("4"));
            j.remove("c");
            j.remove("never-there");
            assertEquals(5, j.commits(), "the removal of an unknown key writes nothing");
        }
        try (Journal j = Journal.open(file())) {
            Map<String, byte[]> state = j.snapshot();
            assertEquals(List.of("b", "a"), List.copyOf(state.keySet()));
            assertArrayEquals(text("3"), state.get("b"));
            assertEquals(0, j.recovered().tornBytes());
        }
    }

    @Test
    void aTruncatedTailIsDroppedAndTheRecordsBeforeItKept() throws Exception {
        long whole;
        try (Journal j = Journal.open(file())) {
            j.put("kept", text("yes"));
            whole = j.sizeBytes();
            j.put("torn", text("a value the crash cut in half"));
        }
        try (RandomAccessFile f = new RandomAccessFile(file().toFile(), "rw")) {
            f.setLength(f.length() - 7);
        }
        try (Journal j = Journal.open(file())) {
            assertEquals(List.of("kept"), List.copyOf(j.snapshot().keySet()));
            assertEquals(1, j.recovered().records());
            assertTrue(j.recovered().tornBytes() > 0);
            assertEquals("a record cut short", j.recovered().tornReason());
            assertEquals(whole, Files.size(file()), "the torn tail is cut off the file");
            j.put("after", text("appended after the cut"));
        }
        try (Journal j = Journal.open(file())) {
            assertEquals(List.of("kept", "after"), List.copyOf(j.snapshot().keySet()));
        }
    }

    @Test
    void aCorruptedLastRecordFailsItsChecksumAndIsDropped() throws Exception {
        try (Journal j = Journal.open(file())) {
            j.put("kept", text("yes"));
            j.put("corrupt", text("flipped"));
        }
        try (RandomAccessFile f = new RandomAccessFile(file().toFile(), "rw")) {
            f.seek(f.length() - 2);
            int b = f.read();
            f.seek(f.length() - 2);
            f.write(b ^ 0x40);
        }
        try (Journal j = Journal.open(file())) {
            assertEquals(List.of("kept"), List.copyOf(j.snapshot().keySet()));
            assertEquals("a record failing its checksum", j.recovered().tornReason());
        }
    }

    @Test
    void garbageInPlaceOfALengthIsATornTailNotAHugeAllocation() throws Exception {
        try (Journal j = Journal.open(file())) {
            j.put("kept", text("yes"));
        }
        Files.write(file(), new byte[] {(byte) 0x7f, (byte) 0xff, (byte) 0xff, (byte) 0xff, 1, 2, 3, 4, 5},
                java.nio.file.StandardOpenOption.APPEND);
        try (Journal j = Journal.open(file())) {
            assertEquals(List.of("kept"), List.copyOf(j.snapshot().keySet()));
            assertTrue(j.recovered().tornReason().startsWith("a record length of"), j.recovered().tornReason());
        }
    }

    @Test
    void compactionKeepsTheStateAndShrinksTheFile() {
        try (Journal j = Journal.open(file())) {
            byte[] big = new byte[16 * 1024];
            for (int i = 0; i < 200; i++) {
                j.put("same", big); // 3.2 MB of history for one 16 KB value: compacted on the way
            }
            j.put("live", text("x"), true);
            j.liveValues(k -> text("live value of " + k));
            j.compact();
            assertTrue(j.sizeBytes() < 20 * 1024, "compacted to the live state: " + j.sizeBytes());
        }
        try (Journal j = Journal.open(file())) {
            assertEquals(16 * 1024, j.snapshot().get("same").length);
            assertArrayEquals(text("live value of live"), j.snapshot().get("live"));
            assertFalse(Files.exists(dir.resolve("journal.new")));
        }
    }
}
