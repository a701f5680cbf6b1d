package org.iscsismis.e2e;

import org.metricshub.wbem.javax.cim.CIMClass;
import org.metricshub.wbem.javax.cim.CIMClassProperty;
import org.metricshub.wbem.javax.cim.CIMDataType;
import org.metricshub.wbem.javax.cim.CIMFlavor;
import org.metricshub.wbem.javax.cim.CIMInstance;
import org.metricshub.wbem.javax.cim.CIMObjectPath;
import org.metricshub.wbem.javax.cim.CIMProperty;
import org.metricshub.wbem.javax.cim.CIMQualifier;
import org.metricshub.wbem.javax.cim.UnsignedInteger32;

/**
 * A two-level class hierarchy the end-to-end tests create through the client:
 * {@code <prefix>_Base} (key Id, Name, Count with default 7) and {@code <prefix>_Child} (adds Extra).
 */
final class TestSchema {

    static final String NS = "root/cimv2";

    final String base;
    final String child;

    TestSchema(String prefix) {
        this.base = prefix + "_Base";
        this.child = prefix + "_Child";
    }

    CIMClass baseClass() {
        CIMQualifier<?> key = new CIMQualifier<>("Key", CIMDataType.BOOLEAN_T, Boolean.TRUE,
                CIMFlavor.DISABLEOVERRIDE);
        CIMQualifier<?> description = new CIMQualifier<>("Description", CIMDataType.STRING_T,
                "a thing the tests create", CIMFlavor.TRANSLATE);
        return TestSchema.cimClass(base, null, new CIMQualifier<?>[] {description}, new CIMClassProperty<?>[] {
                new CIMClassProperty<>("Id", CIMDataType.STRING_T, null, new CIMQualifier<?>[] {key}, true, false, null),
                new CIMClassProperty<>("Name", CIMDataType.STRING_T, null, new CIMQualifier<?>[0], false, false, null),
                new CIMClassProperty<>("Count", CIMDataType.UINT32_T, new UnsignedInteger32(7), new CIMQualifier<?>[0],
                        false, false, null)}, null);
    }

    CIMClass childClass() {
        return TestSchema.cimClass(child, base, new CIMQualifier<?>[0], new CIMClassProperty<?>[] {
                new CIMClassProperty<>("Extra", CIMDataType.STRING_T, null, new CIMQualifier<?>[0], false, false, null)},
                null);
    }

    /** A class declaration whose path names the namespace, as JSR 48's createClass/modifyClass need. */
    static CIMClass cimClass(String name, String superClass, CIMQualifier<?>[] qualifiers, CIMClassProperty<?>[] properties,
                             Object methods) {
        return new CIMClass(new CIMObjectPath(null, null, null, NS, name, null), superClass, qualifiers, properties,
                null, false, false);
    }

    CIMObjectPath basePath() {
        return SblimClients.classPath(NS, base);
    }

    CIMObjectPath childPath() {
        return SblimClients.classPath(NS, child);
    }

    static CIMObjectPath instancePath(String className, String id) {
        return new CIMObjectPath(null, null, null, NS, className,
                new CIMProperty<?>[] {new CIMProperty<>("Id", CIMDataType.STRING_T, id, true, false, null)});
    }

    CIMInstance baseInstance(String id, String name, long count) {
        return new CIMInstance(instancePath(base, id), new CIMProperty<?>[] {
                new CIMProperty<>("Id", CIMDataType.STRING_T, id, true, false, null),
                new CIMProperty<>("Name", CIMDataType.STRING_T, name),
                new CIMProperty<>("Count", CIMDataType.UINT32_T, new UnsignedInteger32(count))});
    }

    CIMInstance childInstance(String id, String name, String extra) {
        return new CIMInstance(instancePath(child, id), new CIMProperty<?>[] {
                new CIMProperty<>("Id", CIMDataType.STRING_T, id, true, false, null),
                new CIMProperty<>("Name", CIMDataType.STRING_T, name),
                new CIMProperty<>("Extra", CIMDataType.STRING_T, extra)});
    }
}
