package org.iscsismis.interop;

import java.util.List;
import org.iscsismis.cim.CimException;
import org.iscsismis.cim.CimInstance;
import org.iscsismis.cim.CimNamespace;
import org.iscsismis.cim.CimStatus;
import org.iscsismis.cim.CimValue;
import org.iscsismis.cim.ObjectPath;
import org.iscsismis.provider.InstanceListProvider;
import org.iscsismis.provider.ProviderContext;

/**
 * {@code MSFTSM_Namespace} (and {@code CIM_Namespace}, as clients create namespaces under the CIM class): one
 * instance per namespace; CreateInstance and DeleteInstance create and delete repository-only namespaces, the way
 * DSP0200 clients manage namespaces.
 *
 * <ul>
 * <li>CreateInstance needs a Name that is a valid namespace name (INVALID_PARAMETER otherwise); key values naming
 * another object manager or system are INVALID_PARAMETER; a name already taken (also as an alias) is ALREADY_EXISTS.
 * The new namespace is empty but for the standard qualifier declarations; its instance is an MSFTSM_Namespace.</li>
 * <li>DeleteInstance finds the namespace by its Name key (NOT_FOUND if there is none). Namespaces the server is
 * built with, or that providers serve, are NOT_SUPPORTED: their classes and providers come from the server itself;
 * a namespace still holding classes is NAMESPACE_NOT_EMPTY (delete its classes first).</li>
 * </ul>
 */
final class NamespaceProvider extends InstanceListProvider {

    private static final List<String> OBJECT_MANAGER_KEYS = List.of("SystemCreationClassName", "SystemName",
            "ObjectManagerCreationClassName", "ObjectManagerName");

    private final NamespaceAdmin admin;
    private final NamespaceElements elements;

    NamespaceProvider(NamespaceAdmin admin, NamespaceElements elements) {
        super(elements::namespaces, "namespaces are created and deleted, not modified");
        this.admin = admin;
        this.elements = elements;
    }

    @Override
    public ObjectPath createInstance(ProviderContext context, CimInstance newInstance) {
        CimNamespace namespace = namespaceNamed(newInstance.value("Name"), "NewInstance");
        ObjectPath expected = elements.path(namespace);
        for (String key : OBJECT_MANAGER_KEYS) {
            CimValue given = newInstance.value(key);
            if (given != null && !given.isNull() && !given.toText().equalsIgnoreCase(expected.key(key).toText())) {
                throw new CimException(CimStatus.INVALID_PARAMETER, key + " \"" + given.toText() + "\" does not name this object manager ("
                        + expected.key(key).toText() + ")");
            }
        }
        CimValue creationClass = newInstance.value("CreationClassName");
        if (creationClass != null && !creationClass.isNull() && !InteropNames.NAMESPACE_CLASS.toString().equalsIgnoreCase(creationClass.toText())
                && !InteropNames.CIM_NAMESPACE.toString().equalsIgnoreCase(creationClass.toText())) {
            throw new CimException(CimStatus.INVALID_PARAMETER, "CreationClassName \"" + creationClass.toText()
                    + "\" is not a namespace class of this server (" + InteropNames.NAMESPACE_CLASS + ")");
        }
        admin.create(namespace);
        return expected;
    }

    @Override
    public void deleteInstance(ProviderContext context, ObjectPath path) {
        CimNamespace namespace = namespaceNamed(path.key("Name"), "InstanceName");
        if (!admin.namespaces().contains(namespace)) {
            throw new CimException(CimStatus.NOT_FOUND, "no namespace " + namespace);
        }
        if (admin.hasProviders(namespace)) {
            throw new CimException(CimStatus.NOT_SUPPORTED, "namespace " + namespace + " is served by providers and cannot be deleted");
        }
        if (admin.isBuiltIn(namespace)) {
            throw new CimException(CimStatus.NOT_SUPPORTED, "namespace " + namespace
                    + " is built into the server (loaded from its schema at start-up) and cannot be deleted");
        }
        admin.delete(namespace);
    }

    private static CimNamespace namespaceNamed(CimValue name, String parameter) {
        if (name == null || name.isNull() || name.type().array()) {
            throw new CimException(CimStatus.INVALID_PARAMETER, parameter + " has no Name: the namespace to create or delete");
        }
        try {
            return CimNamespace.of(name.toText());
        } catch (IllegalArgumentException e) {
            throw new CimException(CimStatus.INVALID_PARAMETER, "Name \"" + name.toText() + "\" is not a namespace name: " + e.getMessage());
        }
    }
}
