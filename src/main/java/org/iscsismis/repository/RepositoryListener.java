package org.iscsismis.repository;

import java.util.Collection;
import org.iscsismis.cim.CimClass;
import org.iscsismis.cim.CimInstance;
import org.iscsismis.cim.CimName;
import org.iscsismis.cim.CimNamespace;
import org.iscsismis.cim.CimQualifierType;

/**
 * Hears about every change to the repository's contents once it is made (the data directory records them). Calls
 * are serialized with the changes themselves, so they come in the order the changes were made; a call returns once
 * the change is kept. A call that throws refuses the change: the repository takes it back and the exception reaches
 * whoever made it. Classes are given as the change gave them (not resolved), instances as stored. Namespaces are
 * always the canonical ones (never an alias).
 */
public interface RepositoryListener {

    /** A namespace was created holding {@code qualifierDeclarations} (and nothing else). */
    void namespaceCreated(CimNamespace namespace, Collection<CimQualifierType> qualifierDeclarations);

    void namespaceDeleted(CimNamespace namespace);

    void qualifierTypeSet(CimNamespace namespace, CimQualifierType declaration);

    void qualifierTypeDeleted(CimNamespace namespace, CimName name);

    void classCreated(CimNamespace namespace, CimClass given);

    void classModified(CimNamespace namespace, CimClass given);

    void classDeleted(CimNamespace namespace, CimName className);

    /** An instance was created, modified or had a property set: {@code stored} is it now. */
    void instanceSaved(CimNamespace namespace, CimInstance stored, boolean created);

    void instanceDeleted(CimNamespace namespace, CimInstance deleted);
}
