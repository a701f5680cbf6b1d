package org.iscsismis.console;

import java.util.List;
import java.util.Objects;
import org.iscsismis.cim.CimName;
import org.iscsismis.cim.CimNamespace;

/**
 * One section of the console page and the CIM operation that fills it: EnumerateInstances of a class, or
 * Associators from each instance of an earlier section. The page (console.js) has a table layout per id; a section
 * whose class the server lacks is reported absent and not shown, so a section can be listed before its provider
 * exists.
 *
 * @param id         the name the page knows the section by
 * @param namespace  where the class lives
 * @param className  the class enumerated, or the ResultClass of the association
 * @param parentId   for an association: the section whose instances are the sources; else null
 * @param assocClass for an association: the AssocClass; else null
 */
record Section(String id, CimNamespace namespace, CimName className, String parentId, CimName assocClass) {

    static final CimNamespace TARGET = CimNamespace.of("root/cimv2/storage/iscsitarget");
    static final CimNamespace INTEROP = CimNamespace.of("root/interop");

    /** What the console shows, in page order (parents before the sections that follow their associations). */
    static final List<Section> ALL = List.of(
            enumerated("system", TARGET, "MSFTSM_ComputerSystem"),
            enumerated("pools", TARGET, "MSISCSITARGET_StoragePool"),
            associated("volumes", TARGET, "pools", "MSISCSITARGET_AllocatedFromStoragePool", "MSISCSITARGET_StorageVolume"),
            enumerated("pairs", TARGET, "MSISCSITARGET_StorageSynchronized"),
            enumerated("jobs", TARGET, "CIM_ConcreteJob"),
            enumerated("sessions", TARGET, "MSISCSITARGET_iSCSISession"),
            enumerated("subscriptions", INTEROP, "CIM_IndicationSubscription"));

    Section {
        Objects.requireNonNull(id, "id must not be null");
        Objects.requireNonNull(namespace, "namespace must not be null");
        Objects.requireNonNull(className, "className must not be null");
        if ((parentId == null) != (assocClass == null)) {
            throw new IllegalArgumentException("section " + id + ": an association needs both its parent and its class");
        }
    }

    static Section enumerated(String id, CimNamespace namespace, String className) {
        return new Section(id, namespace, CimName.of(className), null, null);
    }

    /** Instances of {@code resultClass} associated through {@code assocClass} with those of section {@code parentId}. */
    static Section associated(String id, CimNamespace namespace, String parentId, String assocClass, String resultClass) {
        return new Section(id, namespace, CimName.of(resultClass), parentId, CimName.of(assocClass));
    }

    boolean isAssociation() {
        return parentId != null;
    }
}
