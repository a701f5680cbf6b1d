package org.iscsismis.iscsi.target;

import java.util.List;

import org.iscsismis.iscsi.target.session.Session;

/**
 * How the management side steers a running target: it hands over the whole masking model on every change, and reads
 * the sessions logged in right now. The target owns this interface; it knows nothing of who calls it.
 */
public interface MaskingControl {

    /**
     * From now on the target presents {@code model}: new logins and SendTargets follow it at once; a session that
     * loses a LUN (or gains one) gets REPORTED LUNS DATA HAS CHANGED, and a LUN it no longer sees answers LOGICAL UNIT
     * NOT SUPPORTED.
     */
    void apply(MaskingModel model);

    /** The LUN a default-view node presents the volume of this disk id at, or -1. */
    int defaultLun(String diskId);

    /** Where the portal listens, {@code host:port}. */
    String portalAddress();

    /** The sessions logged in now, discovery sessions included. */
    List<Session> sessions();
}
