package org.iscsismis.iscsi.target.scsi;

import java.io.ByteArrayOutputStream;

import org.iscsismis.iscsi.target.pdu.Bytes;

/**
 * REPORT SUPPORTED OPERATION CODES (SPC-4 §6.35), generated from the {@link CommandTable}, so what is reported and
 * what is accepted cannot drift apart. Reporting options 000b (all), 001b (by opcode) and 010b (by opcode and service
 * action); RCTD adds command timeouts descriptors (no timeouts are kept: zeros).
 */
final class ReportSupportedOpcodesCommand implements CommandHandler {

    private static final int SUPPORTED = 0x03;
    private static final int NOT_SUPPORTED = 0x01;

    private final CommandTable table;

    ReportSupportedOpcodesCommand(CommandTable table) {
        this.table = table;
    }

    @Override
    public Reply execute(ScsiRequest request, byte[] dataOut) {
        Cdb cdb = request.cdb();
        boolean timeouts = cdb.bit(2, 7);
        int options = cdb.bits(2, 0, 3);
        int opcode = cdb.u8(3);
        int serviceAction = cdb.u16(4);
        byte[] d = switch (options) {
            case 0 -> all(timeouts);
            case 1 -> {
                if (table.hasServiceActions(opcode)) {
                    throw ScsiError.invalidCdbField(3, -1, String.format("opcode %02xh has service actions", opcode));
                }
                yield one(table.find(opcode, -1), timeouts);
            }
            case 2 -> {
                if (!table.hasServiceActions(opcode)) {
                    throw ScsiError.invalidCdbField(3, -1, String.format("opcode %02xh has no service actions", opcode));
                }
                yield one(table.find(opcode, serviceAction), timeouts);
            }
            default -> throw ScsiError.invalidCdbField(2, 2, "REPORTING OPTIONS " + options + " is not supported");
        };
        return Reply.data(d, cdb.u32(6));
    }

    private byte[] all(boolean timeouts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (CommandDescriptor c : table.all()) {
            byte[] descriptor = new byte[8];
            descriptor[0] = (byte) c.opcode();
            Bytes.put16(descriptor, 2, Math.max(0, c.serviceAction()));
            descriptor[5] = (byte) ((timeouts ? 0x02 : 0) | (c.serviceAction() >= 0 ? 0x01 : 0)); // CTDP, SERVACTV
            Bytes.put16(descriptor, 6, c.cdbLength());
            out.writeBytes(descriptor);
            if (timeouts) {
                out.writeBytes(timeoutsDescriptor());
            }
        }
        byte[] d = new byte[4 + out.size()];
        Bytes.put32(d, 0, out.size());
        System.arraycopy(out.toByteArray(), 0, d, 4, out.size());
        return d;
    }

    private static byte[] one(CommandDescriptor c, boolean timeouts) {
        if (c == null) {
            byte[] d = new byte[4];
            d[1] = NOT_SUPPORTED;
            return d;
        }
        byte[] usage = c.usage();
        byte[] d = new byte[4 + usage.length + (timeouts ? 12 : 0)];
        d[1] = (byte) ((timeouts ? 0x80 : 0) | SUPPORTED);
        Bytes.put16(d, 2, usage.length);
        System.arraycopy(usage, 0, d, 4, usage.length);
        if (timeouts) {
            System.arraycopy(timeoutsDescriptor(), 0, d, 4 + usage.length, 12);
        }
        return d;
    }

    private static byte[] timeoutsDescriptor() {
        byte[] t = new byte[12];
        Bytes.put16(t, 0, 0x0a);
        return t;
    }
}
