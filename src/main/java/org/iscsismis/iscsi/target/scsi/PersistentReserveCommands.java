package org.iscsismis.iscsi.target.scsi;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.iscsismis.iscsi.target.pdu.Bytes;

/**
 * PERSISTENT RESERVE IN (READ KEYS, READ RESERVATION, REPORT CAPABILITIES, READ FULL STATUS) and PERSISTENT RESERVE
 * OUT (REGISTER, RESERVE, RELEASE, CLEAR, PREEMPT, PREEMPT AND ABORT, REGISTER AND IGNORE EXISTING KEY) of SPC-4
 * §6.15, 6.16, over {@link PersistentReservations}. Logical unit scope only; APTPL and SPEC_I_PT are refused,
 * ALL_TG_PT is accepted (the target has one port); REGISTER AND MOVE and REPLACE LOST RESERVATION are not supported.
 */
final class PersistentReserveCommands {

    private static final int PARAMETER_LIST = 24;
    private static final int MAX_PARAMETER_LIST = 4096;

    private PersistentReserveCommands() {
    }

    static CommandHandler in(int serviceAction) {
        return (request, dataOut) -> {
            PersistentReservations pr = request.unit().persistent();
            byte[] d = switch (serviceAction) {
                case 0x00 -> readKeys(pr);
                case 0x01 -> readReservation(pr);
                case 0x02 -> reportCapabilities();
                case 0x03 -> readFullStatus(pr);
                default -> throw new IllegalArgumentException("service action " + serviceAction);
            };
            return Reply.data(d, request.cdb().u16(7));
        };
    }

    private static byte[] readKeys(PersistentReservations pr) {
        List<Long> keys = pr.keys();
        byte[] d = new byte[8 + 8 * keys.size()];
        Bytes.put32(d, 0, pr.generation());
        Bytes.put32(d, 4, 8L * keys.size());
        for (int i = 0; i < keys.size(); i++) {
            Bytes.put64(d, 8 + 8 * i, keys.get(i));
        }
        return d;
    }

    private static byte[] readReservation(PersistentReservations pr) {
        ReservationType type = pr.type();
        byte[] d = new byte[type == null ? 8 : 24];
        Bytes.put32(d, 0, pr.generation());
        if (type != null) {
            Bytes.put32(d, 4, 16);
            Bytes.put64(d, 8, pr.reservationKey());
            d[21] = (byte) type.code(); // scope 0: logical unit
        }
        return d;
    }

    private static byte[] reportCapabilities() {
        byte[] d = new byte[8];
        Bytes.put16(d, 0, 8);
        d[2] = 0x04; // ATP_C: ALL_TG_PT is accepted
        d[3] = (byte) 0x80; // TMV: the type mask is valid
        int mask = 0;
        for (ReservationType t : ReservationType.values()) {
            mask |= t.maskBit();
        }
        Bytes.put16(d, 4, mask);
        return d;
    }

    /** One descriptor per registration, each with the registrant's iSCSI TransportID (SPC-4 §7.5.4.6). */
    private static byte[] readFullStatus(PersistentReservations pr) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ReservationType type = pr.type();
        for (PersistentReservations.Registration r : pr.registrations()) {
            byte[] transportId = transportId(r.initiatorPort());
            byte[] d = new byte[24];
            Bytes.put64(d, 0, r.key());
            d[12] = (byte) (0x02 | (r.holder() ? 0x01 : 0)); // ALL_TG_PT, R_HOLDER
            d[13] = (byte) (r.holder() && type != null ? type.code() : 0);
            Bytes.put16(d, 18, 1); // relative target port identifier
            Bytes.put32(d, 20, transportId.length);
            out.writeBytes(d);
            out.writeBytes(transportId);
        }
        byte[] d = new byte[8 + out.size()];
        Bytes.put32(d, 0, pr.generation());
        Bytes.put32(d, 4, out.size());
        System.arraycopy(out.toByteArray(), 0, d, 8, out.size());
        return d;
    }

    /** An iSCSI TransportID with the initiator port name (format 01b), NUL-terminated, padded to a multiple of four. */
    private static byte[] transportId(String initiatorPort) {
        byte[] name = initiatorPort.getBytes(StandardCharsets.UTF_8);
        int length = (name.length + 4) / 4 * 4;
        byte[] id = new byte[4 + length];
        id[0] = 0x45; // format 01b, protocol identifier 5h (iSCSI)
        Bytes.put16(id, 2, length);
        System.arraycopy(name, 0, id, 4, name.length);
        return id;
    }

    static CommandHandler out(int serviceAction) {
        return new CommandHandler() {
            @Override
            public int dataOutLength(ScsiRequest request) {
                Cdb cdb = request.cdb();
                if (cdb.bits(2, 4, 4) != 0) {
                    throw ScsiError.invalidCdbField(2, 7, "SCOPE " + cdb.bits(2, 4, 4) + ": only logical unit scope is supported");
                }
                long length = cdb.u32(5);
                if (length > MAX_PARAMETER_LIST) {
                    throw ScsiError.invalidCdbField(5, -1, "PARAMETER LIST LENGTH " + length + " is more than " + MAX_PARAMETER_LIST);
                }
                return (int) length;
            }

            @Override
            public Reply execute(ScsiRequest request, byte[] list) {
                return perform(request, serviceAction, list);
            }
        };
    }

    private static Reply perform(ScsiRequest request, int serviceAction, byte[] list) {
        if (list.length != PARAMETER_LIST) {
            throw ScsiError.of(AdditionalSense.PARAMETER_LIST_LENGTH_ERROR, "a PERSISTENT RESERVE OUT parameter list has "
                    + PARAMETER_LIST + " bytes, not " + list.length);
        }
        if ((list[20] & 0x08) != 0) {
            throw ScsiError.invalidParameter(20, 3, "SPEC_I_PT is not supported");
        }
        if ((list[20] & 0x01) != 0) {
            throw ScsiError.invalidParameter(20, 0, "APTPL is not supported: reservations do not persist across restarts");
        }
        long key = Bytes.i64(list, 0);
        long serviceActionKey = Bytes.i64(list, 8);
        String port = request.nexus().initiatorPort();
        PersistentReservations pr = request.unit().persistent();
        int lun = request.lun();
        PersistentReservations.UnitAttentionSink ua = (p, sense) -> request.target().raise(p, lun, sense);
        boolean done = switch (serviceAction) {
            case 0x00 -> pr.register(port, key, serviceActionKey, false, ua);
            case 0x06 -> pr.register(port, key, serviceActionKey, true, ua);
            case 0x01 -> pr.reserve(port, key, type(request.cdb()));
            case 0x02 -> pr.release(port, key, type(request.cdb()), ua);
            case 0x03 -> pr.clear(port, key, ua);
            case 0x04, 0x05 -> pr.preempt(port, key, serviceActionKey, type(request.cdb()), ua);
            default -> throw new IllegalArgumentException("service action " + serviceAction);
        };
        return done ? Reply.good() : Reply.status(ScsiStatus.RESERVATION_CONFLICT);
    }

    private static ReservationType type(Cdb cdb) {
        ReservationType type = ReservationType.of(cdb.bits(2, 0, 4));
        if (type == null) {
            throw ScsiError.invalidCdbField(2, 3, "TYPE " + cdb.bits(2, 0, 4) + " is not a persistent reservation type");
        }
        return type;
    }
}
