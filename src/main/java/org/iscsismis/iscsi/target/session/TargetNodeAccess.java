package org.iscsismis.iscsi.target.session;

import java.util.List;

import org.iscsismis.iscsi.target.scsi.LogicalUnitDirectory;

/**
 * The target nodes a portal serves and who may see what (the masking model): which nodes exist, which initiators a
 * node admits, and the logical units a session of an initiator on a node sees. Answers always reflect the model as
 * it is now; a view keeps following it for the life of the session.
 */
public interface TargetNodeAccess {

    /** True if the portal serves a target node of this name. */
    boolean exists(String targetName);

    /** True if the initiator of this iSCSI name may log in to the node. */
    boolean admits(String targetName, String initiatorName);

    /** The names of the nodes the initiator may log in to, in a stable order (SendTargets answers them). */
    List<String> visibleTo(String initiatorName);

    /** The logical units a session of {@code initiatorName} on {@code targetName} sees, following the model live. */
    LogicalUnitDirectory view(String targetName, String initiatorName);
}
