package org.iscsismis.iscsi.target.scsi;

import static org.iscsismis.iscsi.target.scsi.ScsiHarness.cdb;
import static org.iscsismis.iscsi.target.scsi.ScsiHarness.data;
import static org.iscsismis.iscsi.target.scsi.ScsiHarness.rw10;
import static org.iscsismis.iscsi.target.scsi.ScsiHarness.sense;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.iscsismis.iscsi.target.pdu.Bytes;
import org.junit.jupiter.api.Test;

/** The checks every command gets (opcode, CONTROL byte, unit attentions, reservations) and SPC-2/SPC-4 reservations. */
class GenericChecksTest {

    private final ScsiHarness h = new ScsiHarness(true, 1L << 20);
    private final Nexus other = h.target.connect("iqn.2026-12.org.iscsismis:other,i,0x000000000002");

    @Test
    void unsupportedOpcodesAndServiceActionsAreIllegalRequests() {
        assertEquals(AdditionalSense.INVALID_COMMAND_OPERATION_CODE, sense(h.run(cdb(0x04, 0, 0, 0, 0, 0))), "FORMAT UNIT");
        Reply sa = h.run(cdb(0x9e, 0x1f, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 32, 0, 0));
        assertEquals(AdditionalSense.INVALID_FIELD_IN_CDB, sense(sa));
        assertEquals(0xc0, sa.sense()[15] & 0xff & 0xc0, "SKSV and C/D: a field of the CDB");
        assertEquals(1, Bytes.u16(sa.sense(), 16), "pointing at the service action byte");
    }

    @Test
    void nacaAndLinkInTheControlByteAreRefused() {
        assertEquals(AdditionalSense.INVALID_FIELD_IN_CDB, sense(h.run(cdb(0x00, 0, 0, 0, 0, 0x04))));
        assertEquals(AdditionalSense.INVALID_FIELD_IN_CDB, sense(h.run(cdb(0x00, 0, 0, 0, 0, 0x01))));
    }

    @Test
    void aUnitAttentionIsReportedOnceAndInquiryPassesIt() {
        h.target.resetLogicalUnit(h.find(0));
        assertEquals(ScsiStatus.GOOD, h.run(cdb(0x12, 0, 0, 0, 36, 0)).status(), "INQUIRY neither reports nor clears it");
        assertEquals(AdditionalSense.BUS_DEVICE_RESET_FUNCTION_OCCURRED, sense(h.run(cdb(0, 0, 0, 0, 0, 0))));
        assertEquals(ScsiStatus.GOOD, h.run(cdb(0, 0, 0, 0, 0, 0)).status());
    }

    @Test
    void aChangedInventoryIsReportedAndReportLunsClearsIt() {
        h.add(true, 1L << 20);
        assertEquals(AdditionalSense.REPORTED_LUNS_DATA_HAS_CHANGED, sense(h.run(cdb(0, 0, 0, 0, 0, 0))));
        h.add(true, 1L << 20);
        assertEquals(ScsiStatus.GOOD, h.run(cdb(0xa0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0)).status());
        assertEquals(ScsiStatus.GOOD, h.run(cdb(0, 0, 0, 0, 0, 0)).status(), "REPORT LUNS cleared it");
        h.remove(0);
        assertEquals(AdditionalSense.LOGICAL_UNIT_NOT_SUPPORTED, sense(h.run(cdb(0, 0, 0, 0, 0, 0))), "LUN 0 is gone");
    }

    @Test
    void reserve6HoldsTheUnitForOneNexus() {
        assertEquals(ScsiStatus.GOOD, h.run(cdb(0x16, 0, 0, 0, 0, 0)).status());
        assertEquals(ScsiStatus.RESERVATION_CONFLICT, h.run(other, 0, rw10(0x28, 0, 1), new byte[0]).status());
        assertEquals(ScsiStatus.GOOD, h.run(other, 0, cdb(0x12, 0, 0, 0, 36, 0), new byte[0]).status(), "INQUIRY is allowed");
        assertEquals(ScsiStatus.GOOD, h.run(other, 0, cdb(0x17, 0, 0, 0, 0, 0), new byte[0]).status(), "a stranger's RELEASE does nothing");
        assertEquals(ScsiStatus.RESERVATION_CONFLICT, h.run(other, 0, rw10(0x28, 0, 1), new byte[0]).status());
        h.target.disconnect(h.nexus);
        assertEquals(ScsiStatus.GOOD, h.run(other, 0, rw10(0x28, 0, 1), new byte[0]).status(), "released with its nexus");
    }

    // ------------------------------------------------------------------ persistent reservations

    private Reply prOut(Nexus from, int serviceAction, int type, long key, long serviceActionKey) {
        byte[] list = new byte[24];
        Bytes.put64(list, 0, key);
        Bytes.put64(list, 8, serviceActionKey);
        return h.run(from, 0, cdb(0x5f, serviceAction, type, 0, 0, 0, 0, 0, 24, 0), list);
    }

    private byte[] prIn(int serviceAction) {
        return data(h.run(cdb(0x5e, serviceAction, 0, 0, 0, 0, 0, 0x10, 0, 0)));
    }

    @Test
    void registrationsAreCountedInThePrGeneration() {
        assertEquals(ScsiStatus.GOOD, prOut(h.nexus, 0, 0, 0, 0xabc).status());
        assertEquals(ScsiStatus.RESERVATION_CONFLICT, prOut(h.nexus, 0, 0, 0, 0xdef).status(), "registered: the old key is needed");
        assertEquals(ScsiStatus.GOOD, prOut(other, 6, 0, 0, 0x123).status(), "REGISTER AND IGNORE EXISTING KEY");
        byte[] keys = prIn(0);
        assertEquals(2, Bytes.u32(keys, 0), "PRgeneration");
        assertEquals(16, Bytes.u32(keys, 4));
        assertEquals(0xabc, Bytes.i64(keys, 8));
        assertEquals(ScsiStatus.GOOD, prOut(h.nexus, 0, 0, 0xabc, 0).status(), "unregister");
        assertEquals(8, Bytes.u32(prIn(0), 4));
    }

    @Test
    void writeExclusiveLetsOthersReadButNotWrite() {
        prOut(h.nexus, 0, 0, 0, 1);
        assertEquals(ScsiStatus.GOOD, prOut(h.nexus, 1, ReservationType.WRITE_EXCLUSIVE.code(), 1, 0).status());
        byte[] reservation = prIn(1);
        assertEquals(16, Bytes.u32(reservation, 4));
        assertEquals(1, Bytes.i64(reservation, 8));
        assertEquals(1, reservation[21]);
        assertEquals(ScsiStatus.GOOD, h.run(other, 0, rw10(0x28, 0, 1), new byte[0]).status());
        assertEquals(ScsiStatus.RESERVATION_CONFLICT, h.run(other, 0, rw10(0x2a, 0, 1), new byte[512]).status());
        assertEquals(ScsiStatus.GOOD, h.run(rw10(0x2a, 0, 1), new byte[512]).status(), "the holder writes");
        assertEquals(ScsiStatus.RESERVATION_CONFLICT, h.run(other, 0, cdb(0x16, 0, 0, 0, 0, 0), new byte[0]).status(),
                "RESERVE(6) while a persistent reservation exists");
    }

    @Test
    void exclusiveAccessRegistrantsOnlyAdmitsRegistrantsAndPreemptTakesItOver() {
        prOut(h.nexus, 0, 0, 0, 1);
        prOut(h.nexus, 1, ReservationType.EXCLUSIVE_ACCESS_REGISTRANTS_ONLY.code(), 1, 0);
        assertEquals(ScsiStatus.RESERVATION_CONFLICT, h.run(other, 0, rw10(0x28, 0, 1), new byte[0]).status());
        prOut(other, 0, 0, 0, 2);
        assertEquals(ScsiStatus.GOOD, h.run(other, 0, rw10(0x28, 0, 1), new byte[0]).status(), "a registrant may read");
        assertEquals(ScsiStatus.GOOD, prOut(other, 4, ReservationType.EXCLUSIVE_ACCESS.code(), 2, 1).status(), "PREEMPT key 1");
        assertEquals(AdditionalSense.REGISTRATIONS_PREEMPTED, sense(h.run(cdb(0, 0, 0, 0, 0, 0))), "told before anything else");
        assertEquals(1, Bytes.u32(prIn(0), 4) / 8, "key 1 is gone");
        assertEquals(ScsiStatus.RESERVATION_CONFLICT, h.run(rw10(0x28, 0, 1)).status(), "exclusive access for the new holder");
        assertEquals(ScsiStatus.GOOD, prOut(other, 3, 0, 2, 0).status(), "CLEAR");
        assertEquals(8, prIn(1).length, "no reservation");
    }

    @Test
    void refusedParameterLists() {
        assertEquals(AdditionalSense.PARAMETER_LIST_LENGTH_ERROR,
                sense(h.run(cdb(0x5f, 0, 0, 0, 0, 0, 0, 0, 20, 0), new byte[20])));
        byte[] aptpl = new byte[24];
        aptpl[20] = 1;
        assertEquals(AdditionalSense.INVALID_FIELD_IN_PARAMETER_LIST, sense(h.run(cdb(0x5f, 6, 0, 0, 0, 0, 0, 0, 24, 0), aptpl)));
        byte[] caps = prIn(2);
        assertEquals(8, Bytes.u16(caps, 0));
        assertEquals(0xea01, Bytes.u16(caps, 4), "all six reservation types");
    }
}
