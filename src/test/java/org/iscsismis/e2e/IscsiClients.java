package org.iscsismis.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.iscsismis.iscsi.target.IscsiPortal;

/**
 * The independent iSCSI initiators the end-to-end tests drive against a server's portal: libiscsi's tools (Debian
 * libiscsi-bin: iscsi-ls, iscsi-inq, iscsi-readcapacity16) and qemu's iSCSI block driver (qemu-img, qemu-io; Debian
 * qemu-utils and qemu-block-extra).
 */
final class IscsiClients {

    private static final Duration TIMEOUT = Duration.ofSeconds(120);
    private static final Pattern LUN_LINE = Pattern.compile("Lun:(\\d+)\\s+Type:(\\S+) \\(Size:(\\d+)([kMGT]?)\\)");
    private static final Pattern NAA_NAME = Pattern.compile("Designator:\\[naa\\.([0-9A-F]{32})\\]");

    private final String portal;
    private final String target;

    IscsiClients(IscsiPortal portal) {
        this(portal.port(), portal.targetName());
    }

    /** The initiators of a target on a loopback port (a server process: its start-up line names both). */
    IscsiClients(int port, String target) {
        this.portal = "127.0.0.1:" + port;
        this.target = target;
    }

    String target() {
        return target;
    }

    String url(int lun) {
        return "iscsi://" + portal + "/" + target + "/" + lun;
    }

    /** {@code iscsi-ls -s}: discovery, then every LUN with its type and size. */
    Subprocess.Result ls() {
        return ok(List.of("iscsi-ls", "-s", "iscsi://" + portal));
    }

    /** One line of {@code iscsi-ls -s}: the LUN and the size as the tool prints it (e.g. 63 and "M"). */
    record LunLine(int lun, String type, long size, String unit) {
    }

    List<LunLine> lunLines() {
        List<LunLine> out = new ArrayList<>();
        Matcher m = LUN_LINE.matcher(ls().out());
        while (m.find()) {
            out.add(new LunLine(Integer.parseInt(m.group(1)), m.group(2), Long.parseLong(m.group(3)), m.group(4)));
        }
        return out;
    }

    /** {@code iscsi-inq -e 1 -c 131}: the Device Identification VPD page (83h) of a LUN. */
    Subprocess.Result deviceIdentification(int lun) {
        return ok(List.of("iscsi-inq", "-e", "1", "-c", "131", url(lun)));
    }

    /** The LUN's NAA designator as iscsi-inq prints its SCSI name string form, without the {@code naa.} prefix. */
    String naa(int lun) {
        Subprocess.Result r = deviceIdentification(lun);
        Matcher m = NAA_NAME.matcher(r.out());
        assertTrue(m.find(), () -> "no NAA designator for LUN " + lun + ": " + r);
        return m.group(1);
    }

    /** LUN by NAA designator, for every LUN iscsi-ls lists. */
    Map<String, Integer> lunsByNaa() {
        Map<String, Integer> out = new LinkedHashMap<>();
        for (LunLine line : lunLines()) {
            out.put(naa(line.lun()), line.lun());
        }
        return out;
    }

    Subprocess.Result readCapacity16(int lun) {
        return ok(List.of("iscsi-readcapacity16", url(lun)));
    }

    /** Copies a raw image file onto a LUN ({@code qemu-img convert -n}: the LUN keeps its size). */
    void write(Path image, int lun) {
        ok(List.of("qemu-img", "convert", "-n", "-f", "raw", "-O", "raw", image.toString(), url(lun)));
    }

    /** Copies a whole LUN into a raw image file. */
    void read(int lun, Path image) {
        ok(List.of("qemu-img", "convert", "-f", "raw", "-O", "raw", url(lun), image.toString()));
    }

    /** Runs qemu-io commands (e.g. {@code write -P 0x41 0 64k}) against a LUN. */
    Subprocess.Result qemuIo(int lun, String... commands) {
        List<String> command = new ArrayList<>(List.of("qemu-io", "-f", "raw"));
        for (String c : commands) {
            command.add("-c");
            command.add(c);
        }
        command.add(url(lun));
        return Subprocess.run(command, TIMEOUT);
    }

    static Subprocess.Result ok(List<String> command) {
        Subprocess.Result r = Subprocess.run(command, TIMEOUT);
        assertEquals(0, r.exitCode(), () -> String.join(" ", command) + " failed: " + r);
        return r;
    }

    /** The value after {@code key} on its own line of the output ({@code Total size:67108864}). */
    static String field(Subprocess.Result r, String key) {
        Matcher m = Pattern.compile("(?m)^" + Pattern.quote(key) + "\\s*(\\S+)").matcher(r.out());
        assertTrue(m.find(), () -> "no " + key + " in " + r);
        return m.group(1);
    }
}
