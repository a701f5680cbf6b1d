package org.iscsismis.interop;

import java.util.ArrayList;
import java.util.List;
import org.iscsismis.cim.CimInstance;
import org.iscsismis.cim.CimNamespace;
import org.iscsismis.cim.CimValue;
import org.iscsismis.cim.ObjectPath;

/** One {@code MSFTSM_Namespace} per namespace of the server, each tied to the object manager by NamespaceInManager. */
final class NamespaceElements {

    private final NamespaceAdmin admin;
    private final ObjectPath objectManager;

    NamespaceElements(NamespaceAdmin admin, ObjectPath objectManager) {
        this.admin = admin;
        this.objectManager = objectManager;
    }

    /** The path of {@code namespace}'s instance: the object manager's keys propagated, and the namespace's name. */
    ObjectPath path(CimNamespace namespace) {
        return ObjectPath.builder(InteropNames.NAMESPACE_CLASS).namespace(InteropNames.NAMESPACE)
                .key("SystemCreationClassName", objectManager.key("SystemCreationClassName"))
                .key("SystemName", objectManager.key("SystemName"))
                .key("ObjectManagerCreationClassName", objectManager.key("CreationClassName"))
                .key("ObjectManagerName", objectManager.key("Name"))
                .key("CreationClassName", InteropNames.NAMESPACE_CLASS.toString())
                .key("Name", namespace.toString())
                .build();
    }

    /** The key values a client may give when it names a namespace of this object manager. */
    ObjectPath objectManager() {
        return objectManager;
    }

    List<CimInstance> namespaces() {
        List<CimInstance> out = new ArrayList<>();
        for (CimNamespace ns : admin.namespaces()) {
            ObjectPath p = path(ns);
            CimInstance.Builder b = CimInstance.builder(p.className()).path(p);
            p.keys().forEach(k -> b.property(k.name().toString(), k.value()));
            out.add(b.property("ElementName", ns.toString())
                    .property("ClassInfo", CimValue.ofUint16(1)) // Other: CIM 2.49 is past the deprecated list
                    .property("DescriptionOfClassInfo", "CIM 2.49.0")
                    .property("ClassType", CimValue.ofUint16(2)) // CIM
                    .property("ClassTypeVersion", "2.49.0")
                    .build());
        }
        return out;
    }

    List<CimInstance> namespacesInManager() {
        return admin.namespaces().stream()
                .map(ns -> ServerElements.association(InteropNames.NAMESPACE_IN_MANAGER, objectManager, path(ns)))
                .toList();
    }
}
