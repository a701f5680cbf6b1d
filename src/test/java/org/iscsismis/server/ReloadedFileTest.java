package org.iscsismis.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A private file read again when it changes, on a clock the test moves: at most once a second, a change of any kind
 * (in place, replaced whole, permissions) is noticed, and a file that became malformed, public or missing leaves the
 * last good contents in force.
 */
class ReloadedFileTest {

    private static final long SECOND = ReloadedFile.CHECK_INTERVAL_NANOS;

    @TempDir
    Path dir;
    private Path file;
    private final AtomicLong now = new AtomicLong(42);
    private final AtomicInteger reads = new AtomicInteger();

    @BeforeEach
    void create() throws Exception {
        file = dir.resolve("numbers");
        write(file, "1");
    }

    private static void write(Path f, String text) throws Exception {
        Files.writeString(f, text + "\n");
        Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rw-------"));
    }

    /** The file's one line as a number, through the same private-file check as the users and CHAP files. */
    private Integer load(Path f) {
        reads.incrementAndGet();
        String[] fields = PrivateFile.read(f, "test file", "echo 1 > FILE").get(0).fields();
        try {
            return Integer.valueOf(fields[0]);
        } catch (NumberFormatException e) {
            throw new ConfigurationException(f + ":1: not a number: " + fields[0]);
        }
    }

    private ReloadedFile<Integer> reloaded() {
        return new ReloadedFile<>(file, "test file", this::load, now::get);
    }

    @Test
    void aChangeCountsFromTheFirstUseASecondAfterTheLastLook() throws Exception {
        ReloadedFile<Integer> r = reloaded();
        write(file, "22");
        now.addAndGet(SECOND - 1);
        assertEquals(1, r.get(), "not looked at again within the second");
        now.addAndGet(1);
        assertEquals(22, r.get());
        assertEquals(22, r.get());
        assertEquals(2, reads.get(), "an unchanged file is not read again");
    }

    @Test
    void aFileReplacedWholeIsNoticed() throws Exception {
        ReloadedFile<Integer> r = reloaded();
        Path next = dir.resolve("numbers.new");
        write(next, "3");
        Files.move(next, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        now.addAndGet(SECOND);
        assertEquals(3, r.get());
    }

    @ParameterizedTest(name = "a {0} file")
    @ValueSource(strings = {"malformed", "missing"})
    void aFileThatCannotBeReadKeepsTheLastGoodContentsUntilItIsRepaired(String how) throws Exception {
        ReloadedFile<Integer> r = reloaded();
        if (how.equals("missing")) {
            Files.delete(file);
        } else {
            write(file, "not a number");
        }
        now.addAndGet(SECOND);
        assertEquals(1, r.get());
        write(file, "4");
        now.addAndGet(SECOND);
        assertEquals(4, r.get());
    }

    @Test
    void aFileOthersMayReadKeepsTheLastGoodContentsUntilItIsPrivateAgain() throws Exception {
        ReloadedFile<Integer> r = reloaded();
        write(file, "5");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        now.addAndGet(SECOND);
        assertEquals(1, r.get(), "a public file is not believed");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        now.addAndGet(SECOND);
        assertEquals(5, r.get(), "the mode alone changed, and that is noticed");
    }

    @Test
    void aBadFileAtStartStopsTheStart() throws Exception {
        write(file, "seven");
        assertThrows(ConfigurationException.class, this::reloaded);
    }
}
