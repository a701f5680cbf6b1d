package org.iscsismis.iscsi.target.scsi;

import java.io.ByteArrayOutputStream;

import org.iscsismis.iscsi.target.pdu.Bytes;

/**
 * MODE SENSE(6) and MODE SENSE(10) (SPC-4 §6.11, 6.12) with the Caching (08h) and Control (0Ah) pages, or all pages
 * (3Fh). The header's device-specific parameter carries WP (the engine keeps the disk read-only) and DPOFUA. Nothing
 * is changeable, so the changeable values are all zeros; saved values are not kept (SAVING PARAMETERS NOT SUPPORTED).
 */
final class ModeSenseCommand implements CommandHandler {

    private static final int CACHING = 0x08;
    private static final int CONTROL = 0x0a;
    private static final int ALL_PAGES = 0x3f;
    private static final int PC_CHANGEABLE = 1;
    private static final int PC_SAVED = 3;

    private final boolean ten;

    ModeSenseCommand(boolean ten) {
        this.ten = ten;
    }

    @Override
    public Reply execute(ScsiRequest request, byte[] dataOut) {
        Cdb cdb = request.cdb();
        int pageControl = cdb.bits(2, 6, 2);
        int page = cdb.bits(2, 0, 6);
        int subpage = cdb.u8(3);
        boolean dbd = cdb.bit(1, 3);
        boolean longLba = ten && cdb.bit(1, 4);
        if (pageControl == PC_SAVED) {
            throw ScsiError.of(AdditionalSense.SAVING_PARAMETERS_NOT_SUPPORTED, "saved mode pages are not kept");
        }
        if (subpage != 0 && !(page == ALL_PAGES && subpage == 0xff)) {
            throw ScsiError.invalidCdbField(3, -1, "SUBPAGE CODE " + subpage + " is not supported");
        }
        ByteArrayOutputStream pages = new ByteArrayOutputStream();
        boolean changeable = pageControl == PC_CHANGEABLE;
        switch (page) {
            case CACHING -> pages.writeBytes(caching(changeable));
            case CONTROL -> pages.writeBytes(control(changeable));
            case ALL_PAGES -> {
                pages.writeBytes(caching(changeable));
                pages.writeBytes(control(changeable));
            }
            default -> throw ScsiError.invalidCdbField(2, 5, String.format("mode page %02xh is not supported", page));
        }
        BlockDevice device = request.device();
        byte[] descriptor = dbd ? new byte[0] : blockDescriptor(device, longLba);
        int deviceSpecific = 0x10 | (device.writeProtected() ? 0x80 : 0); // DPOFUA, WP
        int header = ten ? 8 : 4;
        byte[] d = new byte[header + descriptor.length + pages.size()];
        if (ten) {
            Bytes.put16(d, 0, d.length - 2);
            d[3] = (byte) deviceSpecific;
            d[4] = (byte) (longLba && !dbd ? 1 : 0);
            Bytes.put16(d, 6, descriptor.length);
        } else {
            d[0] = (byte) (d.length - 1);
            d[2] = (byte) deviceSpecific;
            d[3] = (byte) descriptor.length;
        }
        System.arraycopy(descriptor, 0, d, header, descriptor.length);
        System.arraycopy(pages.toByteArray(), 0, d, header + descriptor.length, pages.size());
        return Reply.data(d, ten ? cdb.u16(7) : cdb.u8(4));
    }

    private static byte[] blockDescriptor(BlockDevice device, boolean longLba) {
        if (longLba) {
            byte[] b = new byte[16];
            Bytes.put64(b, 0, device.blocks());
            Bytes.put32(b, 12, device.blockSize());
            return b;
        }
        byte[] b = new byte[8];
        Bytes.put32(b, 0, Math.min(device.blocks(), 0xffff_ffffL));
        Bytes.put24(b, 5, device.blockSize());
        return b;
    }

    /** Caching page: write cache disabled (every write is in memory when it completes), read cache enabled. */
    private static byte[] caching(boolean changeable) {
        byte[] p = new byte[20];
        p[0] = CACHING;
        p[1] = 18;
        return p;
    }

    /** Control page: fixed-format sense (D_SENSE 0), unrestricted reordering, no busy timeout limit. */
    private static byte[] control(boolean changeable) {
        byte[] p = new byte[12];
        p[0] = CONTROL;
        p[1] = 10;
        if (!changeable) {
            p[3] = 0x10; // QUEUE ALGORITHM MODIFIER 1: unrestricted reordering allowed
            Bytes.put16(p, 8, 0xffff); // BUSY TIMEOUT PERIOD: unlimited
        }
        return p;
    }
}
