package org.iscsismis.iscsi.target.scsi;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

import org.iscsismis.iscsi.target.pdu.Bytes;

/**
 * The vital product data pages (SPC-4 §7.8, SBC-3 §6.5): 00h supported pages, 80h unit serial number, 83h device
 * identification, B0h block limits, B1h block device characteristics, B2h logical block provisioning. Pages are
 * listed in ascending order.
 */
final class VpdPages {

    private static final int[] SUPPORTED = {0x00, 0x80, 0x83, 0xb0, 0xb1, 0xb2};

    private final InquiryData identity;
    private final String targetPortName;

    /** @param targetPortName the SCSI target port name, {@code <target iqn>,t,0x<portal group tag>} */
    VpdPages(InquiryData identity, String targetPortName) {
        this.identity = identity;
        this.targetPortName = targetPortName;
    }

    byte[] page(int code, LogicalUnit unit) {
        if (unit == null && code != 0x00) {
            throw ScsiError.of(AdditionalSense.LOGICAL_UNIT_NOT_SUPPORTED, "VPD page " + code + " of a LUN without a logical unit");
        }
        byte[] body = switch (code) {
            case 0x00 -> supported();
            case 0x80 -> unit.device().serial().getBytes(StandardCharsets.US_ASCII);
            case 0x83 -> identification(unit.device());
            case 0xb0 -> blockLimits(unit.device());
            case 0xb1 -> characteristics();
            case 0xb2 -> provisioning(unit.device());
            default -> throw ScsiError.invalidCdbField(2, -1, String.format("VPD page %02xh is not supported", code));
        };
        byte[] page = new byte[4 + body.length];
        page[1] = (byte) code;
        Bytes.put16(page, 2, body.length);
        System.arraycopy(body, 0, page, 4, body.length);
        return page;
    }

    private static byte[] supported() {
        byte[] b = new byte[SUPPORTED.length];
        for (int i = 0; i < SUPPORTED.length; i++) {
            b[i] = (byte) SUPPORTED[i];
        }
        return b;
    }

    /**
     * The logical unit's NAA designator (the same identifier the CIM volume's Name carries), the same NAA as a SCSI
     * name string ({@code naa.<hex>}, readable by tools that print designators as text), a T10 vendor ID designator,
     * and the target port: its SCSI name string and relative port identifier 1.
     */
    private byte[] identification(BlockDevice device) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        designator(out, 0x01, 0x03, device.designator());
        designator(out, 0x03, 0x08, nameString("naa." + Hex.of(device.designator())));
        byte[] t10 = (identity.vendor() + Hex.of(device.designator())).getBytes(StandardCharsets.US_ASCII);
        designator(out, 0x02, 0x01, t10);
        designator(out, 0x53, 0x98, nameString(targetPortName)); // iSCSI, UTF-8 / PIV, target port, SCSI name string
        designator(out, 0x51, 0x94, new byte[] {0, 0, 0, 1}); // iSCSI, binary / PIV, target port, relative port
        return out.toByteArray();
    }

    /** A SCSI name string designator's value: UTF-8, NUL-terminated, padded to a multiple of four bytes. */
    private static byte[] nameString(String name) {
        byte[] bytes = name.getBytes(StandardCharsets.UTF_8);
        byte[] padded = new byte[(bytes.length + 4) / 4 * 4];
        System.arraycopy(bytes, 0, padded, 0, bytes.length);
        return padded;
    }

    private static void designator(ByteArrayOutputStream out, int protocolAndCodeSet, int associationAndType, byte[] value) {
        out.write(protocolAndCodeSet);
        out.write(associationAndType);
        out.write(0);
        out.write(value.length);
        out.writeBytes(value);
    }

    private static byte[] blockLimits(BlockDevice device) {
        int bs = device.blockSize();
        byte[] b = new byte[0x3c];
        b[1] = (byte) BlockLimits.maxCompareAndWriteBlocks(bs);
        Bytes.put16(b, 2, Math.max(1, 4096 / bs));
        Bytes.put32(b, 4, BlockLimits.maxTransferBlocks(bs));
        Bytes.put32(b, 8, BlockLimits.OPTIMAL_TRANSFER_BYTES / bs);
        Bytes.put32(b, 12, BlockLimits.maxTransferBlocks(bs));
        if (device.thin()) {
            Bytes.put32(b, 16, 0xffff_ffffL);
            Bytes.put32(b, 20, BlockLimits.MAX_UNMAP_DESCRIPTORS);
            Bytes.put32(b, 24, device.blocksPerChunk());
            Bytes.put32(b, 28, 0x8000_0000L); // UGAVALID, alignment 0
        }
        Bytes.put64(b, 32, BlockLimits.maxWriteSameBlocks(bs));
        Bytes.put32(b, 40, BlockLimits.maxAtomicBlocks(bs)); // atomic alignment and granularity 0: none required
        return b;
    }

    private static byte[] characteristics() {
        byte[] b = new byte[0x3c];
        Bytes.put16(b, 0, 0x0001); // non-rotating medium
        return b;
    }

    private static byte[] provisioning(BlockDevice device) {
        byte[] b = new byte[4];
        if (device.thin()) {
            b[1] = (byte) 0xe4; // LBPU, LBPWS, LBPWS10, LBPRZ
            b[2] = 0x02; // thin provisioned
        }
        return b;
    }
}
