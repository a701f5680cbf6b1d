package org.iscsismis.iscsi.target.scsi;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The SCSI side of the target: the logical units and the commands they support. {@link #begin} runs the checks every
 * command gets, in one place and in SPC-4's order — logical unit present, opcode supported, CONTROL byte, pending unit
 * attention, reservation, medium ready — then the handler's own CDB check. Also the task management functions that
 * reach past one command: logical unit and target reset.
 */
public final class ScsiTarget {

    private static final Logger LOG = LoggerFactory.getLogger(ScsiTarget.class);

    private final LogicalUnitDirectory directory;
    private final CommandTable commands;
    private final Set<Nexus> nexuses = ConcurrentHashMap.newKeySet();

    public ScsiTarget(LogicalUnitDirectory directory, CommandTable commands) {
        this.directory = directory;
        this.commands = commands;
    }

    /**
     * A target whose logical units are block devices (SPC-4 and SBC-3).
     *
     * @param targetPortName the SCSI target port name reported in VPD page 83h
     */
    public static ScsiTarget blockTarget(LogicalUnitDirectory directory, InquiryData identity, String targetPortName) {
        return new ScsiTarget(directory, BlockCommands.table(identity, targetPortName));
    }

    public LogicalUnitDirectory directory() {
        return directory;
    }

    public CommandTable commands() {
        return commands;
    }

    /** A new I_T nexus (a session logged in) that sees every logical unit of the target. */
    public Nexus connect(String initiatorPort) {
        return connect(initiatorPort, directory);
    }

    /** A new I_T nexus that sees the logical units of {@code view} (what masking exposes to it). */
    public Nexus connect(String initiatorPort, LogicalUnitDirectory view) {
        Nexus nexus = new Nexus(initiatorPort, view);
        nexuses.add(nexus);
        return nexus;
    }

    /** The nexus is gone (its session ended): its reservations go with it. */
    public void disconnect(Nexus nexus) {
        nexuses.remove(nexus);
        for (LogicalUnit unit : nexus.directory().all()) {
            unit.reservations().release(nexus);
        }
    }

    /**
     * Checks a command and prepares it to run. Never throws: a failed check gives a task with an early reply.
     *
     * @param expectedTransfer the bytes the initiator expects to move (its Expected Data Transfer Length)
     */
    public ScsiTask begin(Nexus nexus, long lunField, byte[] cdbBytes, long expectedTransfer) {
        int lun = LunAddress.decode(lunField);
        LogicalUnit unit = lun < 0 ? null : nexus.directory().find(lun);
        ScsiRequest request = new ScsiRequest(new Cdb(cdbBytes), lun, unit, nexus, this, expectedTransfer);
        CommandDescriptor command = null;
        try {
            command = commands.lookup(cdbBytes);
            if (unit == null && !command.has(CommandDescriptor.Flag.WITHOUT_UNIT)) {
                throw ScsiError.of(AdditionalSense.LOGICAL_UNIT_NOT_SUPPORTED, "no logical unit at LUN " + lun);
            }
            checkControlByte(cdbBytes, command.cdbLength());
            Reply attention = unitAttention(nexus, lun, command);
            if (attention != null) {
                return new ScsiTask(request, command, attention, 0);
            }
            if (unit != null && reservationConflict(unit, nexus, command)) {
                return new ScsiTask(request, command, Reply.status(ScsiStatus.RESERVATION_CONFLICT), 0);
            }
            if (unit != null && command.has(CommandDescriptor.Flag.NEEDS_MEDIUM)) {
                unit.device().checkReady();
            }
            int needed = command.handler().dataOutLength(request);
            return new ScsiTask(request, command, null, needed);
        } catch (ScsiError e) {
            if (unit == null && lun >= 0 && e.sense() == AdditionalSense.INVALID_COMMAND_OPERATION_CODE) {
                e = ScsiError.of(AdditionalSense.LOGICAL_UNIT_NOT_SUPPORTED, "no logical unit at LUN " + lun);
            }
            LOG.debug("{} refused for {}: {}", command != null ? command.name() : "command", nexus, e.getMessage());
            return new ScsiTask(request, command, Reply.checkCondition(e.senseData(false)), 0);
        }
    }

    /** SPC-2 RESERVE(6) held by another nexus, or a persistent reservation the command may not pass (SPC-4 table 63). */
    private static boolean reservationConflict(LogicalUnit unit, Nexus nexus, CommandDescriptor command) {
        if (!command.has(CommandDescriptor.Flag.ALLOWED_WHEN_RESERVED) && unit.reservations().conflicts(nexus)) {
            return true;
        }
        if (command.has(CommandDescriptor.Flag.SPC2_RESERVATION) && unit.persistent().hasReservation()) {
            return true;
        }
        PersistentReservations.Access access = command.has(CommandDescriptor.Flag.WRITES_MEDIUM) ? PersistentReservations.Access.WRITE
                : command.has(CommandDescriptor.Flag.READS_MEDIUM) ? PersistentReservations.Access.READ
                : PersistentReservations.Access.OTHER;
        return unit.persistent().conflicts(nexus.initiatorPort(), access);
    }

    /** A unit attention for every nexus of {@code initiatorPort} on {@code lun}. */
    void raise(String initiatorPort, int lun, AdditionalSense sense) {
        for (Nexus n : nexuses) {
            if (n.initiatorPort().equals(initiatorPort)) {
                n.raise(lun, sense);
            }
        }
    }

    private static void checkControlByte(byte[] cdb, int length) {
        int control = cdb[length - 1];
        if ((control & 0x04) != 0) {
            throw ScsiError.invalidCdbField(length - 1, 2, "NACA is not supported");
        }
        if ((control & 0x01) != 0) {
            throw ScsiError.invalidCdbField(length - 1, 0, "linked commands are not supported");
        }
    }

    private Reply unitAttention(Nexus nexus, int lun, CommandDescriptor command) {
        LogicalUnitDirectory view = nexus.directory();
        if (nexus.inventoryChanged(view.generation())) {
            for (LogicalUnit u : view.all()) {
                nexus.raise(u.lun(), AdditionalSense.REPORTED_LUNS_DATA_HAS_CHANGED);
            }
        }
        if (command.has(CommandDescriptor.Flag.IGNORES_UNIT_ATTENTION) || lun < 0) {
            return null;
        }
        AdditionalSense pending = nexus.take(lun);
        return pending == null ? null : Reply.checkCondition(SenseData.of(pending, false));
    }

    /**
     * LOGICAL UNIT RESET: the reservation is released and every nexus gets a unit attention (the caller has already
     * ended the tasks of this logical unit).
     */
    public void resetLogicalUnit(LogicalUnit unit) {
        unit.reservations().clear();
        for (Nexus nexus : nexuses) {
            nexus.raise(unit.lun(), AdditionalSense.BUS_DEVICE_RESET_FUNCTION_OCCURRED);
        }
    }

    /** TARGET WARM RESET: a logical unit reset of every logical unit the nexus sees. */
    public void resetTarget(Nexus nexus) {
        for (LogicalUnit unit : nexus.directory().all()) {
            resetLogicalUnit(unit);
        }
    }
}
