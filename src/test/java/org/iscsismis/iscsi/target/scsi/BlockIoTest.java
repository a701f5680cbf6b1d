package org.iscsismis.iscsi.target.scsi;

import static org.iscsismis.iscsi.target.scsi.ScsiHarness.cdb;
import static org.iscsismis.iscsi.target.scsi.ScsiHarness.data;
import static org.iscsismis.iscsi.target.scsi.ScsiHarness.filled;
import static org.iscsismis.iscsi.target.scsi.ScsiHarness.rw10;
import static org.iscsismis.iscsi.target.scsi.ScsiHarness.rw16;
import static org.iscsismis.iscsi.target.scsi.ScsiHarness.sense;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import java.util.stream.Stream;

import org.iscsismis.iscsi.target.pdu.Bytes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** READ, WRITE, VERIFY, WRITE AND VERIFY, COMPARE AND WRITE, ORWRITE, WRITE ATOMIC, SYNCHRONIZE CACHE; disk failures. */
class BlockIoTest {

    private static final int BLOCKS = 2048;
    private final ScsiHarness h = new ScsiHarness(true, BLOCKS * 512L);

    /** The write and read opcodes of each CDB size, with a CDB builder. */
    static Stream<Arguments> sizes() {
        return Stream.of(
                Arguments.of("6", 0x0a, 0x08, (java.util.function.BiFunction<Long, Integer, byte[]>) (lba, n) ->
                        cdb(0, (int) (lba >> 16), (int) (lba >> 8), (int) (long) lba, n, 0)),
                Arguments.of("10", 0x2a, 0x28, (java.util.function.BiFunction<Long, Integer, byte[]>) (lba, n) -> rw10(0, lba, n)),
                Arguments.of("12", 0xaa, 0xa8, (java.util.function.BiFunction<Long, Integer, byte[]>) (lba, n) -> {
                    byte[] c = new byte[12];
                    Bytes.put32(c, 2, lba);
                    Bytes.put32(c, 6, n);
                    return c;
                }),
                Arguments.of("16", 0x8a, 0x88, (java.util.function.BiFunction<Long, Integer, byte[]>) (lba, n) -> rw16(0, lba, n)));
    }

    private static byte[] op(byte[] c, int opcode) {
        c[0] = (byte) opcode;
        return c;
    }

    @ParameterizedTest(name = "WRITE({0}) then READ({0})")
    @MethodSource("sizes")
    void writeThenReadGivesTheBytesBack(String size, int write, int read, java.util.function.BiFunction<Long, Integer, byte[]> cdb) {
        byte[] data = new byte[3 * 512];
        new Random(size.hashCode()).nextBytes(data);
        assertEquals(ScsiStatus.GOOD, h.run(op(cdb.apply(100L, 3), write), data).status());
        assertArrayEquals(data, data(h.run(op(cdb.apply(100L, 3), read))));
        assertEquals(AdditionalSense.LOGICAL_BLOCK_ADDRESS_OUT_OF_RANGE, sense(h.run(op(cdb.apply((long) BLOCKS - 2, 3), read))));
    }

    @Test
    void read6OfZeroBlocksReadsTwoHundredFiftySix() {
        assertEquals(256 * 512, data(h.run(cdb(0x08, 0, 0, 0, 0, 0))).length);
    }

    @Test
    void protectionFieldsAreRefusedAndZeroBlocksStillCheckTheLba() {
        byte[] c = rw10(0x28, 0, 1);
        c[1] = (byte) 0x20;
        assertEquals(AdditionalSense.INVALID_FIELD_IN_CDB, sense(h.run(c)));
        assertEquals(ScsiStatus.GOOD, h.run(rw10(0x28, BLOCKS, 0)).status());
        assertEquals(AdditionalSense.LOGICAL_BLOCK_ADDRESS_OUT_OF_RANGE, sense(h.run(rw10(0x28, BLOCKS + 1, 0))));
        assertEquals(AdditionalSense.LOGICAL_BLOCK_ADDRESS_OUT_OF_RANGE, sense(h.run(rw16(0x88, -1L, 1))));
    }

    @Test
    void verifyComparesTheDataOutAndReportsWhereItDiffers() {
        byte[] data = filled(4 * 512, 0x33);
        h.run(rw10(0x2a, 10, 4), data);
        byte[] verify = rw10(0x2f, 10, 4);
        verify[1] = 0x02; // BYTCHK 01b
        assertEquals(ScsiStatus.GOOD, h.run(verify, data).status());
        data[700] = 0;
        Reply miscompare = h.run(verify, data);
        assertEquals(AdditionalSense.MISCOMPARE_DURING_VERIFY_OPERATION, sense(miscompare));
        assertEquals(700, Bytes.u32(miscompare.sense(), 3), "INFORMATION: offset of the first differing byte");
        verify[1] = 0x06; // BYTCHK 11b: one block against each
        assertEquals(ScsiStatus.GOOD, h.run(verify, filled(512, 0x33)).status());
        verify[1] = 0x00;
        assertEquals(ScsiStatus.GOOD, h.run(verify).status(), "BYTCHK 00b: readable");
        verify[1] = 0x04;
        assertEquals(AdditionalSense.INVALID_FIELD_IN_CDB, sense(h.run(verify)), "BYTCHK 10b is reserved");
    }

    @Test
    void writeAndVerifyWrites() {
        assertEquals(ScsiStatus.GOOD, h.run(rw10(0x2e, 5, 2), filled(1024, 0x44)).status());
        assertArrayEquals(filled(1024, 0x44), data(h.run(rw10(0x28, 5, 2))));
    }

    @Test
    void compareAndWriteWritesOnlyWhenTheMediumMatches() {
        h.run(rw10(0x2a, 0, 1), filled(512, 'A'));
        byte[] caw = rw16(0x89, 0, 0);
        caw[13] = 1;
        byte[] swap = new byte[1024];
        System.arraycopy(filled(512, 'A'), 0, swap, 0, 512);
        System.arraycopy(filled(512, 'B'), 0, swap, 512, 512);
        assertEquals(ScsiStatus.GOOD, h.run(caw, swap).status());
        assertArrayEquals(filled(512, 'B'), data(h.run(rw10(0x28, 0, 1))));
        Reply again = h.run(caw, swap);
        assertEquals(AdditionalSense.MISCOMPARE_DURING_VERIFY_OPERATION, sense(again));
        assertEquals(0, Bytes.u32(again.sense(), 3));
        assertArrayEquals(filled(512, 'B'), data(h.run(rw10(0x28, 0, 1))), "unchanged after a miscompare");
    }

    @Test
    void orWriteAndWriteAtomic() {
        h.run(rw10(0x2a, 0, 1), filled(512, 0x0f));
        assertEquals(ScsiStatus.GOOD, h.run(rw16(0x8b, 0, 1), filled(512, 0xf0)).status());
        assertArrayEquals(filled(512, 0xff), data(h.run(rw10(0x28, 0, 1))));
        byte[] atomic = new byte[16];
        atomic[0] = (byte) 0x9c;
        Bytes.put64(atomic, 2, 8);
        Bytes.put16(atomic, 12, 2);
        assertEquals(ScsiStatus.GOOD, h.run(atomic, filled(1024, 0x5a)).status());
        assertArrayEquals(filled(1024, 0x5a), data(h.run(rw10(0x28, 8, 2))));
        Bytes.put16(atomic, 10, 1);
        assertEquals(AdditionalSense.INVALID_FIELD_IN_CDB, sense(h.run(atomic)), "atomic boundaries are not supported");
    }

    @Test
    void synchronizeCacheFlushesTheDiskAndChecksItsRange() {
        long before = h.disk(0).flushCount();
        assertEquals(ScsiStatus.GOOD, h.run(rw10(0x35, 0, 0)).status());
        assertEquals(before + 1, h.disk(0).flushCount());
        assertEquals(AdditionalSense.LOGICAL_BLOCK_ADDRESS_OUT_OF_RANGE, sense(h.run(rw10(0x35, BLOCKS - 1, 2))));
    }

    @Test
    void aWriteProtectedUnitRefusesEveryWriteAndStillReads() {
        h.writeProtected.set(true);
        assertEquals(AdditionalSense.WRITE_PROTECTED, sense(h.run(rw10(0x2a, 0, 1), new byte[512])));
        assertEquals(AdditionalSense.WRITE_PROTECTED, sense(h.run(rw16(0x93, 0, 1), new byte[512])), "WRITE SAME");
        assertEquals(AdditionalSense.WRITE_PROTECTED, sense(h.run(cdb(0x42, 0, 0, 0, 0, 0, 0, 0, 24, 0), new byte[24])), "UNMAP");
        assertEquals(ScsiStatus.GOOD, h.run(rw10(0x28, 0, 1)).status());
    }

    @Test
    void diskFaultsBecomeNotReadyOrMediumErrors() {
        h.disk(0).faults().failReads(true);
        assertEquals(AdditionalSense.UNRECOVERED_READ_ERROR, sense(readNow(rw10(0x28, 0, 1))));
        h.disk(0).faults().clear().failWrites(true);
        assertEquals(AdditionalSense.WRITE_ERROR, sense(h.run(rw10(0x2a, 0, 1), new byte[512])));
        h.disk(0).faults().clear().offline(true);
        assertEquals(AdditionalSense.LOGICAL_UNIT_NOT_READY_CAUSE_NOT_REPORTABLE, sense(h.run(cdb(0, 0, 0, 0, 0, 0))));
        assertEquals(AdditionalSense.LOGICAL_UNIT_NOT_READY_CAUSE_NOT_REPORTABLE, sense(h.run(rw10(0x28, 0, 1))));
    }

    @Test
    void aFullPoolIsASpaceAllocationFailure() {
        org.iscsismis.iscsi.disk.DiskPool tiny = h.registry.createPool("tiny", ScsiHarness.CHUNK);
        var disk = h.registry.createDisk(tiny.id(), "t", 1L << 20, 512);
        LogicalUnit unit = new LogicalUnit(1, new BlockDevice(disk, ScsiHarness.DESIGNATOR, "S", true, WriteProtection.NONE));
        assertEquals(ScsiStatus.GOOD, run(h, unit, rw10(0x2a, 0, 1), new byte[512]).status(), "the pool's one chunk");
        assertEquals(AdditionalSense.SPACE_ALLOCATION_FAILED_WRITE_PROTECT, sense(run(h, unit, rw10(0x2a, 1024, 1), new byte[512])));
    }

    /** Runs a handler on a unit outside the harness's directory. */
    private static Reply run(ScsiHarness h, LogicalUnit unit, byte[] cdb, byte[] dataOut) {
        byte[] padded = java.util.Arrays.copyOf(cdb, 16);
        ScsiRequest request = new ScsiRequest(new Cdb(padded), unit.lun(), unit, h.nexus, h.target, dataOut.length);
        CommandDescriptor command = h.target.commands().lookup(padded);
        try {
            command.handler().dataOutLength(request);
            return command.handler().execute(request, dataOut);
        } catch (ScsiError e) {
            return Reply.checkCondition(e.senseData(false));
        }
    }

    /** A READ's data is read as the transport sends it: the failure shows then. */
    private Reply readNow(byte[] cdb) {
        Reply r = h.run(cdb);
        if (r.status() != ScsiStatus.GOOD) {
            return r;
        }
        try {
            data(r);
            return r;
        } catch (ScsiError e) {
            return Reply.checkCondition(e.senseData(false));
        }
    }

    @Test
    void aDeletedDiskIsALogicalUnitNoLongerSupported() {
        h.registry.deleteDisk(h.disk(0).id());
        assertEquals(AdditionalSense.LOGICAL_UNIT_NOT_SUPPORTED, sense(h.run(rw10(0x28, 0, 1))));
    }
}
