package org.iscsismis.iscsi.target.scsi;

import org.iscsismis.iscsi.disk.VirtualDisk;

/** Whether hosts may write a disk right now (the replication engine says, for the targets of its pairs). */
@FunctionalInterface
public interface WriteProtection {

    WriteProtection NONE = disk -> false;

    boolean isWriteProtected(VirtualDisk disk);
}
