package org.iscsismis.e2e;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The crash test's independent initiator against a server process: qemu-io writes a LUN and flushes it (SYNCHRONIZE
 * CACHE), and the write counts as acknowledged only when qemu-io ended with 0 and reported no failure; qemu-img reads
 * whole LUNs back. LUNs are found by the volume's NAA designator (its CIM Name), as any initiator would.
 */
final class CrashInitiator {

    private static final Pattern BANNER = Pattern.compile("iSCSI target (\\S+) on port (\\d+)");

    private final IscsiClients iscsi;
    private final Path scratch;
    private Map<String, Integer> lunsByNaa;
    /** The qemu-io of the write in flight, or null. */
    private volatile Process writer;
    private volatile boolean abandoned;

    private CrashInitiator(IscsiClients iscsi, Path scratch) {
        this.iscsi = iscsi;
        this.scratch = scratch;
    }

    /** The initiator of the target a server's start-up line names; {@code scratch} holds the images read back. */
    static CrashInitiator of(String banner, Path scratch) {
        Matcher m = BANNER.matcher(banner);
        assertTrue(m.find(), () -> "no iSCSI target in the start-up line: " + banner);
        return new CrashInitiator(new IscsiClients(Integer.parseInt(m.group(2)), m.group(1)), scratch);
    }

    /** The LUN of the volume whose Name (NAA designator) is {@code naa}; the LUNs are listed once per server start. */
    int lun(String naa) {
        if (lunsByNaa == null || !lunsByNaa.containsKey(naa)) {
            lunsByNaa = iscsi.lunsByNaa();
        }
        Integer lun = lunsByNaa.get(naa);
        assertTrue(lun != null, () -> "no LUN has the NAA designator " + naa + ": " + lunsByNaa);
        return lun;
    }

    /**
     * Writes {@code length} bytes of {@code pattern} at {@code offset} and flushes.
     *
     * @return true if the target acknowledged the write and the flush; false if it did not (its server died)
     */
    boolean write(int lun, long offset, int length, int pattern) {
        ProcessBuilder command = new ProcessBuilder("qemu-io", "-f", "raw", "-c",
                "write -P " + pattern + " " + offset + " " + length, "-c", "flush", iscsi.url(lun)).redirectErrorStream(true);
        try {
            Process p = command.start();
            writer = p;
            if (abandoned) {
                p.destroyForcibly(); // the server was killed while this one started
            }
            p.getOutputStream().close();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            return p.waitFor() == 0 && out.contains("wrote " + length + "/" + length) && !out.contains("failed");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run qemu-io: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } finally {
            writer = null;
        }
    }

    /**
     * Stops the write in flight, if any: once its server is killed, qemu's iSCSI driver would try to reconnect for
     * ever. The write then counts as not acknowledged.
     */
    void abandon() {
        abandoned = true;
        Process p = writer;
        if (p != null) {
            p.destroyForcibly();
        }
    }

    /** The whole LUN as an initiator reads it. */
    byte[] read(int lun) {
        Path image = scratch.resolve("lun-" + lun + ".img");
        try {
            Files.deleteIfExists(image);
            iscsi.read(lun, image);
            byte[] bytes = Files.readAllBytes(image);
            Files.delete(image);
            return bytes;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
