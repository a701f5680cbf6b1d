package org.iscsismis.iscsi.target.scsi;

import static org.iscsismis.iscsi.target.scsi.ScsiHarness.cdb;
import static org.iscsismis.iscsi.target.scsi.ScsiHarness.data;
import static org.iscsismis.iscsi.target.scsi.ScsiHarness.filled;
import static org.iscsismis.iscsi.target.scsi.ScsiHarness.rw10;
import static org.iscsismis.iscsi.target.scsi.ScsiHarness.rw16;
import static org.iscsismis.iscsi.target.scsi.ScsiHarness.sense;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.iscsismis.iscsi.target.pdu.Bytes;
import org.junit.jupiter.api.Test;

/** UNMAP, WRITE SAME and GET LBA STATUS: thin provisioning that gives chunks back to the pool. */
class ProvisioningTest {

    private static final int BLOCKS = 2048; // 1 MiB: 256 chunks of 4 KiB (8 blocks each)
    private final ScsiHarness thin = new ScsiHarness(true, BLOCKS * 512L);
    private final ScsiHarness full = new ScsiHarness(false, BLOCKS * 512L);

    private static byte[] unmapList(long... lbaAndCount) {
        int n = lbaAndCount.length / 2;
        byte[] list = new byte[8 + 16 * n];
        Bytes.put16(list, 0, list.length - 2);
        Bytes.put16(list, 2, 16 * n);
        for (int i = 0; i < n; i++) {
            Bytes.put64(list, 8 + 16 * i, lbaAndCount[2 * i]);
            Bytes.put32(list, 16 + 16 * i, lbaAndCount[2 * i + 1]);
        }
        return list;
    }

    private static byte[] unmap(byte[] list) {
        return cdb(0x42, 0, 0, 0, 0, 0, 0, list.length >> 8, list.length & 0xff, 0);
    }

    @Test
    void unmapGivesWholeChunksBackToThePoolAndZeroesTheRest() {
        thin.run(rw10(0x2a, 0, 64), filled(64 * 512, 0x77));
        long allocated = thin.pool.allocatedBytes();
        assertEquals(8 * ScsiHarness.CHUNK, allocated);
        byte[] list = unmapList(4, 20); // blocks 4..23: half of chunk 0, chunk 1, chunk 2
        assertEquals(ScsiStatus.GOOD, thin.run(unmap(list), list).status());
        assertEquals(allocated - 2 * ScsiHarness.CHUNK, thin.pool.allocatedBytes(), "chunks 1 and 2 returned");
        byte[] expected = filled(64 * 512, 0x77);
        java.util.Arrays.fill(expected, 4 * 512, 24 * 512, (byte) 0);
        assertArrayEquals(expected, data(thin.run(rw10(0x28, 0, 64))), "unmapped blocks read as zeros (LBPRZ)");
    }

    @Test
    void anUnmapWithABadDescriptorTrimsNothing() {
        thin.run(rw10(0x2a, 0, 8), filled(8 * 512, 0x11));
        byte[] list = unmapList(0, 8, BLOCKS - 1, 2);
        assertEquals(AdditionalSense.LOGICAL_BLOCK_ADDRESS_OUT_OF_RANGE, sense(thin.run(unmap(list), list)));
        assertArrayEquals(filled(8 * 512, 0x11), data(thin.run(rw10(0x28, 0, 8))));
        byte[] shortList = new byte[5];
        assertEquals(AdditionalSense.PARAMETER_LIST_LENGTH_ERROR, sense(thin.run(unmap(shortList), shortList)));
        byte[] empty = new byte[0];
        assertEquals(ScsiStatus.GOOD, thin.run(unmap(empty), empty).status(), "a zero-length list is no error");
    }

    @Test
    void writeSameRepeatsABlockOrUnmaps() {
        assertEquals(ScsiStatus.GOOD, thin.run(rw10(0x41, 16, 16), filled(512, 0x2b)).status());
        assertArrayEquals(filled(16 * 512, 0x2b), data(thin.run(rw10(0x28, 16, 16))));
        byte[] ws = rw16(0x93, 16, 16);
        ws[1] = 0x08; // UNMAP
        long before = thin.pool.allocatedBytes();
        assertEquals(ScsiStatus.GOOD, thin.run(ws, filled(512, 0xff)).status());
        assertEquals(before - 2 * ScsiHarness.CHUNK, thin.pool.allocatedBytes());
        assertArrayEquals(new byte[16 * 512], data(thin.run(rw10(0x28, 16, 16))));
        ws[1] = 0x10; // ANCHOR
        assertEquals(AdditionalSense.INVALID_FIELD_IN_CDB, sense(thin.run(ws)));
    }

    @Test
    void writeSameOfZeroBlocksRunsToTheEnd() {
        assertEquals(ScsiStatus.GOOD, thin.run(rw10(0x41, BLOCKS - 4, 0), filled(512, 0x61)).status());
        assertArrayEquals(filled(4 * 512, 0x61), data(thin.run(rw10(0x28, BLOCKS - 4, 4))));
    }

    @Test
    void getLbaStatusDescribesRunsOfMappedAndDeallocatedBlocks() {
        thin.run(rw10(0x2a, 16, 8), filled(8 * 512, 1)); // chunk 2 only
        byte[] c = rw16(0x9e, 4, 1000); // starting LBA 4, allocation length 1000
        c[1] = 0x12;
        byte[] status = data(thin.run(c));
        assertEquals(4, Bytes.i64(status, 8), "the first descriptor starts at the starting LBA");
        assertEquals(12, Bytes.u32(status, 16), "blocks 4..15 are deallocated");
        assertEquals(1, status[20]);
        assertEquals(16, Bytes.i64(status, 24));
        assertEquals(8, Bytes.u32(status, 32));
        assertEquals(0, status[36], "mapped");
        c[9] = (byte) 0xff;
        Bytes.put64(c, 2, BLOCKS);
        assertEquals(AdditionalSense.LOGICAL_BLOCK_ADDRESS_OUT_OF_RANGE, sense(thin.run(c)));
    }

    @Test
    void aFullyProvisionedUnitOffersNoUnmap() {
        byte[] list = unmapList(0, 8);
        assertEquals(AdditionalSense.INVALID_COMMAND_OPERATION_CODE, sense(full.run(unmap(list), list)));
        byte[] ws = rw10(0x41, 0, 8);
        ws[1] = 0x08;
        assertEquals(AdditionalSense.INVALID_FIELD_IN_CDB, sense(full.run(ws)));
        assertEquals(ScsiStatus.GOOD, full.run(rw10(0x41, 0, 8), filled(512, 3)).status(), "WRITE SAME without UNMAP writes");
        full.writeProtected.set(true);
        assertEquals(AdditionalSense.WRITE_PROTECTED, sense(full.run(unmap(list), list)), "a read-only replica says so first");
        assertEquals(AdditionalSense.WRITE_PROTECTED, sense(full.run(ws)));
    }
}
