package org.iscsismis.iscsi.target.scsi;

import static org.iscsismis.iscsi.target.scsi.ScsiHarness.cdb;
import static org.iscsismis.iscsi.target.scsi.ScsiHarness.data;
import static org.iscsismis.iscsi.target.scsi.ScsiHarness.sense;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import org.iscsismis.iscsi.target.pdu.Bytes;
import org.junit.jupiter.api.Test;

/** INQUIRY and its VPD pages, READ CAPACITY, REPORT LUNS, REPORT SUPPORTED OPERATION CODES, MODE SENSE, REQUEST SENSE. */
class InquiryAndCapacityTest {

    private final ScsiHarness thin = new ScsiHarness(true, 1L << 20);
    private final ScsiHarness full = new ScsiHarness(false, 1L << 20);

    @Test
    void standardInquiryClaimsSpc4Sbc3AndCommandQueueing() {
        byte[] d = data(thin.run(cdb(0x12, 0, 0, 0, 96, 0)));
        assertEquals(96, d.length);
        assertEquals(0x00, d[0], "direct access block device, connected");
        assertEquals(0x06, d[2], "SPC-4");
        assertEquals(0x12, d[3], "HISUP, response data format 2");
        assertEquals(0x02, d[7], "CMDQUE");
        assertEquals("ISCSISMI", new String(d, 8, 8, StandardCharsets.US_ASCII));
        assertEquals(0x04c0, Bytes.u16(d, 62), "SBC-3 version descriptor");
        assertEquals(36, data(thin.run(cdb(0x12, 0, 0, 0, 36, 0))).length, "allocation length cuts the data");
    }

    @Test
    void aLunWithoutLogicalUnitAnswersInquiryWithQualifier3() {
        byte[] d = data(thin.run(thin.nexus, 5, cdb(0x12, 0, 0, 0, 96, 0), new byte[0]));
        assertEquals(0x7f, d[0] & 0xff);
        assertEquals(AdditionalSense.LOGICAL_UNIT_NOT_SUPPORTED, sense(thin.run(thin.nexus, 5, cdb(0x00, 0, 0, 0, 0, 0), new byte[0])));
    }

    @Test
    void vpdPagesAreListedInAscendingOrder() {
        byte[] d = data(thin.run(cdb(0x12, 1, 0x00, 0, 255, 0)));
        assertArrayEquals(cdb(0x00, 0x80, 0x83, 0xb0, 0xb1, 0xb2), Arrays.copyOfRange(d, 4, 4 + d[3]));
        assertEquals(AdditionalSense.INVALID_FIELD_IN_CDB, sense(thin.run(cdb(0x12, 1, 0xc0, 0, 255, 0))));
        assertEquals(AdditionalSense.INVALID_FIELD_IN_CDB, sense(thin.run(cdb(0x12, 0, 0x80, 0, 255, 0))), "page without EVPD");
    }

    @Test
    void deviceIdentificationCarriesTheNaaBinaryAndAsAName() {
        byte[] d = data(thin.run(cdb(0x12, 1, 0x83, 0, 255, 0)));
        assertEquals(0x01, d[4], "binary code set");
        assertEquals(0x03, d[5], "logical unit, NAA");
        assertEquals(16, d[7]);
        assertArrayEquals(ScsiHarness.DESIGNATOR, Arrays.copyOfRange(d, 8, 24));
        String page = new String(d, StandardCharsets.ISO_8859_1);
        assertTrue(page.contains("naa." + Hex.of(ScsiHarness.DESIGNATOR)), page);
        assertTrue(page.contains("iqn.2026-12.org.iscsismis:test,t,0x1"), page);
        assertEquals("SERIAL0", new String(data(thin.run(cdb(0x12, 1, 0x80, 0, 255, 0))), 4, 7, StandardCharsets.US_ASCII));
    }

    @Test
    void blockLimitsAndProvisioningFollowThinness() {
        byte[] limits = data(thin.run(cdb(0x12, 1, 0xb0, 0, 255, 0)));
        assertEquals(0, limits[4] & 1, "WSNZ clear: WRITE SAME of zero blocks runs to the end");
        assertEquals(256, Bytes.u32(limits, 24), "MAXIMUM UNMAP BLOCK DESCRIPTOR COUNT");
        assertEquals(ScsiHarness.CHUNK / 512, Bytes.u32(limits, 28), "unmap granularity is the chunk");
        assertEquals(0, Bytes.u32(data(full.run(cdb(0x12, 1, 0xb0, 0, 255, 0))), 24), "no UNMAP when fully provisioned");
        byte[] lbp = data(thin.run(cdb(0x12, 1, 0xb2, 0, 255, 0)));
        assertEquals(0xe4, lbp[5] & 0xff, "LBPU, LBPWS, LBPWS10, LBPRZ");
        assertEquals(2, lbp[6], "thin provisioned");
        assertEquals(0, data(full.run(cdb(0x12, 1, 0xb2, 0, 255, 0)))[5]);
    }

    @Test
    void readCapacityReportsTheMediumAndLbpmeWhenThin() {
        byte[] rc10 = data(thin.run(cdb(0x25, 0, 0, 0, 0, 0, 0, 0, 0, 0)));
        assertEquals(2047, Bytes.u32(rc10, 0), "last LBA of 1 MiB in 512-byte blocks");
        assertEquals(512, Bytes.u32(rc10, 4));
        assertEquals(AdditionalSense.INVALID_FIELD_IN_CDB, sense(thin.run(cdb(0x25, 0, 0, 0, 0, 1, 0, 0, 0, 0))), "LBA without PMI");
        byte[] rc16 = data(thin.run(cdb(0x9e, 0x10, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 32, 0, 0)));
        assertEquals(2047, Bytes.i64(rc16, 0));
        assertEquals(0xc0, rc16[14] & 0xff, "LBPME and LBPRZ");
        assertEquals(0, data(full.run(cdb(0x9e, 0x10, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 32, 0, 0)))[14]);
    }

    @Test
    void reportLunsListsEveryUnitAndRefusesShortAllocation() {
        thin.add(true, 1L << 20);
        byte[] d = data(thin.run(cdb(0xa0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0)));
        assertEquals(16, Bytes.u32(d, 0));
        assertEquals(LunAddress.encode(1), Bytes.i64(d, 16));
        assertEquals(AdditionalSense.INVALID_FIELD_IN_CDB, sense(thin.run(cdb(0xa0, 0, 0, 0, 0, 0, 0, 0, 0, 15, 0, 0))));
        assertEquals(0, Bytes.u32(data(thin.run(cdb(0xa0, 0, 1, 0, 0, 0, 0, 0, 1, 0, 0, 0))), 0), "well-known LUNs: none");
    }

    @Test
    void reportSupportedOperationCodesComesFromTheTable() {
        byte[] all = data(thin.run(cdb(0xa3, 0x0c, 0, 0, 0, 0, 0, 0, 0x10, 0, 0, 0)));
        int descriptors = (int) Bytes.u32(all, 0) / 8;
        assertEquals(thin.target.commands().all().size(), descriptors);
        byte[] read10 = data(thin.run(cdb(0xa3, 0x0c, 0x01, 0x28, 0, 0, 0, 0, 1, 0, 0, 0)));
        assertEquals(0x03, read10[1], "supported");
        assertEquals(10, Bytes.u16(read10, 2));
        assertEquals(0x28, read10[4] & 0xff, "usage data starts with the opcode");
        assertEquals(0x01, data(thin.run(cdb(0xa3, 0x0c, 0x01, 0xff, 0, 0, 0, 0, 1, 0, 0, 0)))[1], "not supported");
        assertEquals(AdditionalSense.INVALID_FIELD_IN_CDB, sense(thin.run(cdb(0xa3, 0x0c, 0x01, 0x9e, 0, 0, 0, 0, 1, 0, 0, 0))),
                "9Eh has service actions");
        byte[] rc16 = data(thin.run(cdb(0xa3, 0x0c, 0x02, 0x9e, 0, 0x10, 0, 0, 1, 0, 0, 0)));
        assertEquals(16, Bytes.u16(rc16, 2));
    }

    @Test
    void modeSenseShowsWriteProtectionAndRefusesSavedValues() {
        byte[] current = data(thin.run(cdb(0x1a, 0, 0x3f, 0, 255, 0)));
        assertEquals(0x10, current[2] & 0xff, "DPOFUA, not write protected");
        assertEquals(8, current[3], "one short block descriptor");
        assertEquals(2048, Bytes.u32(current, 4));
        assertEquals(current.length - 1, current[0] & 0xff);
        thin.writeProtected.set(true);
        assertEquals(0x90, data(thin.run(cdb(0x1a, 0, 0x3f, 0, 255, 0)))[2] & 0xff, "WP");
        byte[] ten = data(thin.run(cdb(0x5a, 0x08, 0x0a, 0, 0, 0, 0, 0, 255, 0)));
        assertEquals(0x0a, ten[8], "DBD: the Control page follows the header");
        assertEquals(AdditionalSense.SAVING_PARAMETERS_NOT_SUPPORTED, sense(thin.run(cdb(0x1a, 0, 0xff, 0, 255, 0))));
        assertEquals(AdditionalSense.INVALID_FIELD_IN_CDB, sense(thin.run(cdb(0x1a, 0, 0x19, 0, 255, 0))), "no such page");
    }

    @Test
    void requestSenseReportsAndClearsAPendingUnitAttention() {
        thin.target.resetLogicalUnit(thin.find(0));
        byte[] first = data(thin.run(cdb(0x03, 0, 0, 0, 18, 0)));
        assertEquals(0x06, first[2], "UNIT ATTENTION");
        assertEquals(0x29, first[12]);
        byte[] second = data(thin.run(cdb(0x03, 0, 0, 0, 18, 0)));
        assertEquals(0x00, second[2], "NO SENSE once reported");
        assertEquals(0x72, data(thin.run(cdb(0x03, 1, 0, 0, 18, 0)))[0], "DESC: descriptor format");
    }
}
