package org.iscsismis.iscsi.target.scsi;

import java.util.Set;

/**
 * Everything the target knows about one supported command, in one row: opcode and service action, name, CDB length,
 * the CDB usage data (which bits it examines, reported by REPORT SUPPORTED OPERATION CODES), how the generic checks
 * treat it, and its handler.
 *
 * @param serviceAction the service action, or -1 for an opcode without service actions
 */
public record CommandDescriptor(int opcode, int serviceAction, String name, byte[] usage, Set<Flag> flags,
                                CommandHandler handler) {

    /** How the generic checks treat a command. */
    public enum Flag {
        /** Answered for a LUN that has no logical unit (INQUIRY, REPORT LUNS, REQUEST SENSE). */
        WITHOUT_UNIT,
        /** Neither reports nor clears a pending unit attention (SPC-4 §5.14). */
        IGNORES_UNIT_ATTENTION,
        /** Allowed to a nexus that does not hold the logical unit's reservation. */
        ALLOWED_WHEN_RESERVED,
        /** Needs a medium that can do I/O: NOT READY while the disk is offline. */
        NEEDS_MEDIUM,
        /** Reads the medium: refused to non-holders of an exclusive access persistent reservation. */
        READS_MEDIUM,
        /** Changes the medium: refused to non-holders of any persistent reservation. */
        WRITES_MEDIUM,
        /** RESERVE(6) and RELEASE(6): refused while a persistent reservation exists. */
        SPC2_RESERVATION
    }

    public int cdbLength() {
        return usage.length;
    }

    public boolean has(Flag flag) {
        return flags.contains(flag);
    }
}
