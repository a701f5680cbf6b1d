package org.iscsismis.iscsi.target.scsi;

import static org.iscsismis.iscsi.target.scsi.CommandDescriptor.Flag.ALLOWED_WHEN_RESERVED;
import static org.iscsismis.iscsi.target.scsi.CommandDescriptor.Flag.IGNORES_UNIT_ATTENTION;
import static org.iscsismis.iscsi.target.scsi.CommandDescriptor.Flag.NEEDS_MEDIUM;
import static org.iscsismis.iscsi.target.scsi.CommandDescriptor.Flag.READS_MEDIUM;
import static org.iscsismis.iscsi.target.scsi.CommandDescriptor.Flag.SPC2_RESERVATION;
import static org.iscsismis.iscsi.target.scsi.CommandDescriptor.Flag.WRITES_MEDIUM;
import static org.iscsismis.iscsi.target.scsi.CommandDescriptor.Flag.WITHOUT_UNIT;

import org.iscsismis.iscsi.target.scsi.CommandDescriptor.Flag;

/**
 * The command set of a direct-access block device: every supported opcode with its CDB usage data (SPC-4 §6.35.3:
 * a one bit for each CDB bit the device server examines; byte 0 is the opcode) and its handler.
 */
final class BlockCommands {

    /** CONTROL byte usage: NACA and LINK are examined (and refused). */
    private static final int CTL = 0x05;
    private static final int FF = 0xff;
    /** RDPROTECT/WRPROTECT, DPO, FUA. */
    private static final int RW_FLAGS = 0xf8;
    /** VRPROTECT, DPO, BYTCHK. */
    private static final int VERIFY_FLAGS = 0xf6;

    private BlockCommands() {
    }

    static CommandTable table(InquiryData identity, String targetPortName) {
        CommandTable t = new CommandTable();
        VpdPages vpd = new VpdPages(identity, targetPortName);
        t.register(0x00, "TEST UNIT READY", usage(0x00, 0, 0, 0, 0, CTL), SimpleCommands.TEST_UNIT_READY, NEEDS_MEDIUM);
        t.register(0x03, "REQUEST SENSE", usage(0x03, 0x01, 0, 0, FF, CTL), SimpleCommands.REQUEST_SENSE,
                WITHOUT_UNIT, IGNORES_UNIT_ATTENTION, ALLOWED_WHEN_RESERVED);
        t.register(0x12, "INQUIRY", usage(0x12, 0x01, FF, FF, FF, CTL), new InquiryCommand(identity, vpd),
                WITHOUT_UNIT, IGNORES_UNIT_ATTENTION, ALLOWED_WHEN_RESERVED);
        t.register(0xa0, "REPORT LUNS", usage(0xa0, 0, FF, 0, 0, 0, FF, FF, FF, FF, 0, CTL), new ReportLunsCommand(),
                WITHOUT_UNIT, IGNORES_UNIT_ATTENTION, ALLOWED_WHEN_RESERVED);
        t.register(0x1a, "MODE SENSE(6)", usage(0x1a, 0x08, FF, FF, FF, CTL), new ModeSenseCommand(false));
        t.register(0x5a, "MODE SENSE(10)", usage(0x5a, 0x18, FF, FF, 0, 0, 0, FF, FF, CTL), new ModeSenseCommand(true));
        t.register(0x1b, "START STOP UNIT", usage(0x1b, 0x01, 0, 0x0f, 0xf7, CTL), SimpleCommands.START_STOP_UNIT);
        t.register(0x1e, "PREVENT ALLOW MEDIUM REMOVAL", usage(0x1e, 0, 0, 0, 0x03, CTL), SimpleCommands.PREVENT_ALLOW);
        t.register(0x16, "RESERVE(6)", usage(0x16, 0, 0, 0, 0, CTL), SimpleCommands.RESERVE_6, SPC2_RESERVATION);
        t.register(0x17, "RELEASE(6)", usage(0x17, 0, 0, 0, 0, CTL), SimpleCommands.RELEASE_6, ALLOWED_WHEN_RESERVED, SPC2_RESERVATION);
        registerPersistentReservations(t);
        t.register(0x25, "READ CAPACITY(10)", usage(0x25, 0, FF, FF, FF, FF, 0, 0, 0x01, CTL), CapacityCommands.READ_CAPACITY_10);
        t.register(0x9e, 0x10, "READ CAPACITY(16)", usage(0x9e, 0x1f, FF, FF, FF, FF, FF, FF, FF, FF, FF, FF, FF, FF, 0x01, CTL),
                CapacityCommands.READ_CAPACITY_16);
        t.register(0x9e, 0x12, "GET LBA STATUS", usage(0x9e, 0x1f, FF, FF, FF, FF, FF, FF, FF, FF, FF, FF, FF, FF, 0, CTL),
                CapacityCommands.GET_LBA_STATUS);
        t.register(0xa3, 0x0c, "REPORT SUPPORTED OPERATION CODES", usage(0xa3, 0x1f, 0x87, FF, FF, FF, FF, FF, FF, FF, 0, CTL),
                new ReportSupportedOpcodesCommand(t));
        registerReadWrite(t);
        t.register(0x35, "SYNCHRONIZE CACHE(10)", usage(0x35, 0x02, FF, FF, FF, FF, 0, FF, FF, CTL),
                SimpleCommands.synchronizeCache(TransferLayout.CDB10), NEEDS_MEDIUM, WRITES_MEDIUM);
        t.register(0x91, "SYNCHRONIZE CACHE(16)", usage16(0x91, 0x02), SimpleCommands.synchronizeCache(TransferLayout.CDB16),
                NEEDS_MEDIUM, WRITES_MEDIUM);
        t.register(0x34, "PRE-FETCH(10)", usage(0x34, 0x02, FF, FF, FF, FF, 0, FF, FF, CTL),
                SimpleCommands.preFetch(TransferLayout.CDB10), NEEDS_MEDIUM, READS_MEDIUM);
        t.register(0x90, "PRE-FETCH(16)", usage16(0x90, 0x02), SimpleCommands.preFetch(TransferLayout.CDB16), NEEDS_MEDIUM, READS_MEDIUM);
        t.register(0x42, "UNMAP", usage(0x42, 0x01, 0, 0, 0, 0, 0, FF, FF, CTL), ProvisioningCommands.UNMAP, NEEDS_MEDIUM, WRITES_MEDIUM);
        t.register(0x41, "WRITE SAME(10)", usage(0x41, 0xf8, FF, FF, FF, FF, 0, FF, FF, CTL),
                ProvisioningCommands.writeSame(TransferLayout.CDB10), NEEDS_MEDIUM, WRITES_MEDIUM);
        t.register(0x93, "WRITE SAME(16)", usage16(0x93, 0xf9), ProvisioningCommands.writeSame(TransferLayout.CDB16), NEEDS_MEDIUM, WRITES_MEDIUM);
        t.register(0x89, "COMPARE AND WRITE", usage(0x89, RW_FLAGS, FF, FF, FF, FF, FF, FF, FF, FF, 0, 0, 0, FF, 0, CTL),
                new CompareAndWriteCommand(), NEEDS_MEDIUM, WRITES_MEDIUM);
        t.register(0x8b, "ORWRITE(16)", usage16(0x8b, RW_FLAGS), new OrWriteCommand(), NEEDS_MEDIUM, WRITES_MEDIUM);
        t.register(0x9c, "WRITE ATOMIC(16)", usage(0x9c, RW_FLAGS, FF, FF, FF, FF, FF, FF, FF, FF, FF, FF, FF, FF, 0, CTL),
                new WriteAtomicCommand(), NEEDS_MEDIUM, WRITES_MEDIUM);
        t.register(0x37, "READ DEFECT DATA(10)", usage(0x37, 0, 0x1f, 0, 0, 0, 0, FF, FF, CTL), SimpleCommands.readDefectData(false));
        t.register(0xb7, "READ DEFECT DATA(12)", usage(0xb7, 0x1f, 0, 0, 0, 0, FF, FF, FF, FF, 0, CTL),
                SimpleCommands.readDefectData(true));
        return t;
    }

    private static void registerReadWrite(CommandTable t) {
        Flag[] read = {NEEDS_MEDIUM, READS_MEDIUM};
        Flag[] write = {NEEDS_MEDIUM, WRITES_MEDIUM};
        t.register(0x08, "READ(6)", usage(0x08, 0x1f, FF, FF, FF, CTL), new ReadCommand(TransferLayout.CDB6), read);
        t.register(0x28, "READ(10)", usage10(0x28, RW_FLAGS), new ReadCommand(TransferLayout.CDB10), read);
        t.register(0xa8, "READ(12)", usage12(0xa8, RW_FLAGS), new ReadCommand(TransferLayout.CDB12), read);
        t.register(0x88, "READ(16)", usage16(0x88, RW_FLAGS), new ReadCommand(TransferLayout.CDB16), read);
        t.register(0x0a, "WRITE(6)", usage(0x0a, 0x1f, FF, FF, FF, CTL), new WriteCommand(TransferLayout.CDB6, false), write);
        t.register(0x2a, "WRITE(10)", usage10(0x2a, RW_FLAGS), new WriteCommand(TransferLayout.CDB10, false), write);
        t.register(0xaa, "WRITE(12)", usage12(0xaa, RW_FLAGS), new WriteCommand(TransferLayout.CDB12, false), write);
        t.register(0x8a, "WRITE(16)", usage16(0x8a, RW_FLAGS), new WriteCommand(TransferLayout.CDB16, false), write);
        t.register(0x2f, "VERIFY(10)", usage10(0x2f, VERIFY_FLAGS), new VerifyCommand(TransferLayout.CDB10), read);
        t.register(0xaf, "VERIFY(12)", usage12(0xaf, VERIFY_FLAGS), new VerifyCommand(TransferLayout.CDB12), read);
        t.register(0x8f, "VERIFY(16)", usage16(0x8f, VERIFY_FLAGS), new VerifyCommand(TransferLayout.CDB16), read);
        t.register(0x2e, "WRITE AND VERIFY(10)", usage10(0x2e, VERIFY_FLAGS), new WriteCommand(TransferLayout.CDB10, true), write);
        t.register(0xae, "WRITE AND VERIFY(12)", usage12(0xae, VERIFY_FLAGS), new WriteCommand(TransferLayout.CDB12, true), write);
        t.register(0x8e, "WRITE AND VERIFY(16)", usage16(0x8e, VERIFY_FLAGS), new WriteCommand(TransferLayout.CDB16, true), write);
    }

    private static void registerPersistentReservations(CommandTable t) {
        String[] in = {"READ KEYS", "READ RESERVATION", "REPORT CAPABILITIES", "READ FULL STATUS"};
        for (int sa = 0; sa < in.length; sa++) {
            t.register(0x5e, sa, "PERSISTENT RESERVE IN (" + in[sa] + ")", usage(0x5e, 0x1f, 0, 0, 0, 0, 0, FF, FF, CTL),
                    PersistentReserveCommands.in(sa));
        }
        String[] out = {"REGISTER", "RESERVE", "RELEASE", "CLEAR", "PREEMPT", "PREEMPT AND ABORT",
                "REGISTER AND IGNORE EXISTING KEY"};
        for (int sa = 0; sa < out.length; sa++) {
            t.register(0x5f, sa, "PERSISTENT RESERVE OUT (" + out[sa] + ")",
                    usage(0x5f, 0x1f, 0xff, 0, 0, FF, FF, FF, FF, CTL), PersistentReserveCommands.out(sa));
        }
    }

    /** A 10-byte block CDB: flags, 4-byte LBA, group number (not examined), 2-byte length, control. */
    private static byte[] usage10(int opcode, int flags) {
        return usage(opcode, flags, FF, FF, FF, FF, 0, FF, FF, CTL);
    }

    private static byte[] usage12(int opcode, int flags) {
        return usage(opcode, flags, FF, FF, FF, FF, FF, FF, FF, FF, 0, CTL);
    }

    private static byte[] usage16(int opcode, int flags) {
        return usage(opcode, flags, FF, FF, FF, FF, FF, FF, FF, FF, FF, FF, FF, FF, 0, CTL);
    }

    /** A CDB usage data array from its bytes. */
    static byte[] usage(int... bytes) {
        byte[] b = new byte[bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            b[i] = (byte) bytes[i];
        }
        return b;
    }
}
