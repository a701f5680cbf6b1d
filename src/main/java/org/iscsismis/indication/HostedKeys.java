package org.iscsismis.indication;

import org.iscsismis.cim.CimInstance;
import org.iscsismis.cim.CimName;
import org.iscsismis.cim.CimNamespace;
import org.iscsismis.cim.CimProperty;
import org.iscsismis.cim.CimValue;
import org.iscsismis.cim.ObjectPath;

/**
 * The keys every element of the indication service shares (SystemCreationClassName, SystemName, CreationClassName,
 * Name): the system hosting the object manager, in the interop namespace.
 */
record HostedKeys(CimNamespace namespace, String systemCreationClassName, String systemName) {

    /** From the hosting system's path (its CreationClassName and Name keys). */
    static HostedKeys of(ObjectPath hostSystem) {
        return new HostedKeys(hostSystem.namespace(), hostSystem.key("CreationClassName").asString(), hostSystem.key("Name").asString());
    }

    ObjectPath path(CimName className, String name) {
        return ObjectPath.builder(className).namespace(namespace)
                .key("SystemCreationClassName", systemCreationClassName)
                .key("SystemName", systemName)
                .key("CreationClassName", className.toString())
                .key("Name", name)
                .build();
    }

    /** {@code i} with the four keys set as {@code path} says, and that path. */
    static CimInstance withKeys(CimInstance i, ObjectPath path) {
        CimInstance out = i.withPath(path);
        for (var k : path.keys()) {
            out = out.withProperty(CimProperty.of(k.name(), k.value()));
        }
        return out;
    }

    /** The Name key of a path of ours, or null. */
    static String name(ObjectPath path) {
        CimValue v = path == null ? null : path.key("Name");
        return v == null || v.isNull() ? null : v.asString();
    }
}
