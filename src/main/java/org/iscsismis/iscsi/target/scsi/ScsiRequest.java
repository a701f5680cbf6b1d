package org.iscsismis.iscsi.target.scsi;

/**
 * One command as a handler sees it: the CDB, the logical unit (null only for the commands a missing LUN still
 * answers: INQUIRY, REPORT LUNS, REQUEST SENSE), the nexus it came on, the target, and how many bytes the initiator
 * said it would transfer (iSCSI's Expected Data Transfer Length).
 */
public record ScsiRequest(Cdb cdb, int lun, LogicalUnit unit, Nexus nexus, ScsiTarget target, long expectedTransfer) {

    public LogicalUnitDirectory directory() {
        return nexus.directory();
    }

    /** The unit's medium; only for commands that require a logical unit. */
    public BlockDevice device() {
        return unit.device();
    }
}
