package org.iscsismis.iscsi.target.scsi;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import org.iscsismis.iscsi.disk.DiskPool;
import org.iscsismis.iscsi.disk.DiskRegistry;
import org.iscsismis.iscsi.disk.VirtualDisk;
import org.iscsismis.iscsi.target.pdu.Bytes;

/**
 * A SCSI target with logical units over real virtual disks, for running CDBs without a transport: {@link #run} goes
 * through the same generic checks and handlers the iSCSI sessions use.
 */
final class ScsiHarness implements LogicalUnitDirectory {

    static final int CHUNK = 4096;
    static final byte[] DESIGNATOR = {0x60, (byte) 0xa5, 0x34, (byte) 0x90, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12};

    final DiskRegistry registry = new DiskRegistry(CHUNK, d -> { });
    final DiskPool pool = registry.createPool("pool", 64L << 20);
    final AtomicBoolean writeProtected = new AtomicBoolean();
    private final List<LogicalUnit> units = new ArrayList<>();
    private long generation;
    final ScsiTarget target;
    final Nexus nexus;

    ScsiHarness(boolean thin, long... sizes) {
        for (long size : sizes) {
            add(thin, size);
        }
        target = ScsiTarget.blockTarget(this, new InquiryData("ISCSISMI", "test disk", "0.1"), "iqn.2026-12.org.iscsismis:test,t,0x1");
        nexus = target.connect("iqn.2026-12.org.iscsismis:initiator,i,0x000000000001");
    }

    LogicalUnit add(boolean thin, long size) {
        VirtualDisk disk = registry.createDisk(pool.id(), "d" + units.size(), size, 512);
        LogicalUnit unit = new LogicalUnit(units.size(), new BlockDevice(disk, DESIGNATOR, "SERIAL" + units.size(), thin,
                d -> writeProtected.get()));
        units.add(unit);
        generation++;
        return unit;
    }

    void remove(int lun) {
        units.removeIf(u -> u.lun() == lun);
        generation++;
    }

    VirtualDisk disk(int lun) {
        return find(lun).device().disk();
    }

    @Override
    public LogicalUnit find(int lun) {
        return units.stream().filter(u -> u.lun() == lun).findFirst().orElse(null);
    }

    @Override
    public List<LogicalUnit> all() {
        return List.copyOf(units);
    }

    @Override
    public long generation() {
        return generation;
    }

    /** Runs a CDB on LUN 0 from the harness's nexus. */
    Reply run(byte[] cdb, byte[] dataOut) {
        return run(nexus, 0, cdb, dataOut);
    }

    Reply run(byte[] cdb) {
        return run(cdb, new byte[0]);
    }

    Reply run(Nexus from, int lun, byte[] cdb, byte[] dataOut) {
        ScsiTask task = target.begin(from, LunAddress.encode(lun), pad(cdb), dataOut.length);
        if (task.earlyReply() != null) {
            return task.earlyReply();
        }
        if (task.dataOutLength() != dataOut.length) {
            throw new AssertionError(task.name() + " wants " + task.dataOutLength() + " bytes of Data-Out, the test gave " + dataOut.length);
        }
        return task.execute(dataOut);
    }

    /** The reply's data, read whole. */
    static byte[] data(Reply reply) {
        if (reply.dataIn() == null) {
            return new byte[0];
        }
        byte[] out = new byte[(int) reply.dataLength()];
        reply.dataIn().read(0, out, 0, out.length);
        return out;
    }

    /** The sense key, ASC and ASCQ of a CHECK CONDITION reply (fixed format). */
    static AdditionalSense sense(Reply reply) {
        if (reply.status() != ScsiStatus.CHECK_CONDITION) {
            throw new AssertionError("expected CHECK CONDITION, got " + reply.status());
        }
        byte[] s = reply.sense();
        for (AdditionalSense a : AdditionalSense.values()) {
            if (a.key().code() == (s[2] & 0xf) && a.asc() == (s[12] & 0xff) && a.ascq() == (s[13] & 0xff)) {
                return a;
            }
        }
        throw new AssertionError(String.format("unknown sense %x/%02x/%02x", s[2] & 0xf, s[12] & 0xff, s[13] & 0xff));
    }

    private static byte[] pad(byte[] cdb) {
        byte[] b = new byte[Math.max(16, cdb.length)];
        System.arraycopy(cdb, 0, b, 0, cdb.length);
        return b;
    }

    // ------------------------------------------------------------------ CDB builders

    static byte[] cdb(int... bytes) {
        byte[] b = new byte[bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            b[i] = (byte) bytes[i];
        }
        return b;
    }

    static byte[] rw10(int opcode, long lba, int blocks) {
        byte[] c = new byte[10];
        c[0] = (byte) opcode;
        Bytes.put32(c, 2, lba);
        Bytes.put16(c, 7, blocks);
        return c;
    }

    static byte[] rw16(int opcode, long lba, long blocks) {
        byte[] c = new byte[16];
        c[0] = (byte) opcode;
        Bytes.put64(c, 2, lba);
        Bytes.put32(c, 10, blocks);
        return c;
    }

    static byte[] filled(int length, int value) {
        byte[] b = new byte[length];
        java.util.Arrays.fill(b, (byte) value);
        return b;
    }
}
