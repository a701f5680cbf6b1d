package org.iscsismis.e2e;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.metricshub.wbem.javax.cim.CIMClass;
import org.metricshub.wbem.javax.cim.CIMClassProperty;
import org.metricshub.wbem.javax.cim.CIMDataType;
import org.metricshub.wbem.javax.cim.CIMFlavor;
import org.metricshub.wbem.javax.cim.CIMObjectPath;
import org.metricshub.wbem.javax.cim.CIMQualifier;
import org.metricshub.wbem.javax.cim.CIMQualifierType;
import org.metricshub.wbem.javax.cim.CIMScope;
import org.metricshub.wbem.javax.wbem.WBEMException;
import org.metricshub.wbem.javax.wbem.client.WBEMClient;

import static org.iscsismis.e2e.SblimClients.all;
import static org.iscsismis.e2e.SblimClients.assertCimError;
import static org.iscsismis.e2e.SblimClients.classPath;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Class and qualifier operations of the repository, driven through the SBLIM Java client. */
class RepositoryClassesIT {

    @RegisterExtension
    static final ServerFixture server = ServerFixture.plain();
    private static final WBEMClient client = server.client();

    private static Set<String> names(List<CIMObjectPath> paths) {
        Set<String> out = new HashSet<>();
        paths.forEach(p -> out.add(p.getObjectName()));
        return out;
    }

    @Test
    void standardQualifierTypesAreDeclaredInEveryNamespace() throws WBEMException {
        for (String ns : List.of("root/cimv2", "root/interop", "root/cimv2/storage/iscsitarget")) {
            List<CIMQualifierType<?>> types = all(client.enumerateQualifierTypes(classPath(ns, null)));
            Set<String> names = new HashSet<>();
            types.forEach(t -> names.add(t.getName().toLowerCase()));
            assertTrue(names.containsAll(List.of("key", "description", "association", "override", "valuemap")),
                    ns + " lacks standard qualifiers: " + names);
        }
        CIMQualifierType<?> key = client.getQualifierType(classPath("root/cimv2", "Key"));
        assertEquals("Key", key.getName());
        assertEquals(CIMDataType.BOOLEAN_T, key.getDataType());
    }

    @Test
    void qualifierTypeLifeCycle() throws WBEMException {
        CIMObjectPath path = classPath("root/cimv2", "E2E_Note");
        client.setQualifierType(new CIMQualifierType<>(path, CIMDataType.STRING_T, null,
                CIMScope.CLASS | CIMScope.PROPERTY, 0));
        CIMQualifierType<?> back = client.getQualifierType(path);
        assertEquals("E2E_Note", back.getName());
        assertEquals(CIMDataType.STRING_T, back.getDataType());
        client.deleteQualifierType(path);
        assertCimError(WBEMException.CIM_ERR_NOT_FOUND, () -> client.getQualifierType(path));
    }

    @Test
    void createdClassesPropagateAndFilter() throws WBEMException {
        TestSchema s = new TestSchema("E2EC");
        client.createClass(s.baseClass());
        client.createClass(s.childClass());

        CIMClass full = client.getClass(s.childPath(), false, true, true, null);
        assertEquals(s.child, full.getName());
        assertEquals(s.base, full.getSuperClassName());
        for (String p : List.of("Id", "Name", "Count", "Extra")) {
            assertNotNull(full.getProperty(p), "inherited or own property " + p);
        }
        assertEquals(s.base, full.getProperty("Id").getOriginClass(), "class origin of an inherited property");
        assertEquals(s.child, full.getProperty("Extra").getOriginClass());
        assertTrue(full.getProperty("Id").isKey(), "Key propagates to the subclass");
        assertEquals(7L, ((Number) full.getProperty("Count").getValue()).longValue(), "default value propagates");

        CIMClass local = client.getClass(s.childPath(), true, true, false, null);
        assertNull(local.getProperty("Name"), "LocalOnly drops inherited properties");
        assertNotNull(local.getProperty("Extra"));
        assertNull(local.getProperty("Extra").getOriginClass(), "no CLASSORIGIN unless asked");

        CIMClass onlyExtra = client.getClass(s.childPath(), false, true, false, new String[] {"Extra"});
        assertEquals(1, onlyExtra.getPropertyCount());

        CIMClass noQualifiers = client.getClass(s.basePath(), false, false, false, null);
        assertNull(noQualifiers.getQualifier("Description"), "IncludeQualifiers=false");
        CIMClass withQualifiers = client.getClass(s.basePath(), false, true, false, null);
        assertEquals("a thing the tests create", withQualifiers.getQualifier("Description").getValue());
    }

    @Test
    void enumerateClassNamesShallowAndDeep() throws WBEMException {
        TestSchema s = new TestSchema("E2EN");
        client.createClass(s.baseClass());
        client.createClass(s.childClass());
        String grandChild = "E2EN_GrandChild";
        client.createClass(TestSchema.cimClass(grandChild, s.child, new CIMQualifier<?>[0], new CIMClassProperty<?>[0], null));

        assertEquals(Set.of(s.child), names(all(client.enumerateClassNames(s.basePath(), false))));
        assertEquals(Set.of(s.child, grandChild), names(all(client.enumerateClassNames(s.basePath(), true))));
        Set<String> roots = names(all(client.enumerateClassNames(classPath("root/cimv2", null), false)));
        assertTrue(roots.contains(s.base) && !roots.contains(s.child), "roots only: " + roots);
        Set<String> everything = names(all(client.enumerateClassNames(classPath("root/cimv2", null), true)));
        assertTrue(everything.containsAll(List.of(s.base, s.child, grandChild)));

        List<CIMClass> classes = all(client.enumerateClasses(s.basePath(), true, false, true, false));
        assertEquals(2, classes.size());
        classes.forEach(c -> assertNotNull(c.getProperty("Id"), "LocalOnly=false keeps inherited properties"));
    }

    @Test
    void modifyClassAddsAProperty() throws WBEMException {
        String name = "E2EM_Lonely";
        client.createClass(TestSchema.cimClass(name, null, new CIMQualifier<?>[0], new CIMClassProperty<?>[] {
                new CIMClassProperty<>("A", CIMDataType.STRING_T, null, new CIMQualifier<?>[0], false, false, null)}, null));
        client.modifyClass(TestSchema.cimClass(name, null, new CIMQualifier<?>[0], new CIMClassProperty<?>[] {
                new CIMClassProperty<>("A", CIMDataType.STRING_T, null, new CIMQualifier<?>[0], false, false, null),
                new CIMClassProperty<>("B", CIMDataType.UINT16_T, null, new CIMQualifier<?>[0], false, false, null)}, null));
        CIMClass back = client.getClass(classPath("root/cimv2", name), false, false, false, null);
        assertEquals(CIMDataType.UINT16_T, back.getProperty("B").getDataType());
        client.deleteClass(classPath("root/cimv2", name));
        assertCimError(WBEMException.CIM_ERR_NOT_FOUND, () -> client.getClass(classPath("root/cimv2", name), false, false, false, null));
    }

    @Test
    void classErrorsCarryTheirDsp0200Codes() throws WBEMException {
        TestSchema s = new TestSchema("E2EE");
        client.createClass(s.baseClass());
        client.createClass(s.childClass());

        assertCimError(WBEMException.CIM_ERR_ALREADY_EXISTS, () -> client.createClass(s.baseClass()));
        assertCimError(WBEMException.CIM_ERR_INVALID_SUPERCLASS, () -> client.createClass(
                TestSchema.cimClass("E2EE_Orphan", "E2EE_NoSuchParent", new CIMQualifier<?>[0], new CIMClassProperty<?>[0], null)));
        assertCimError(WBEMException.CIM_ERR_NOT_FOUND, () -> client.getClass(classPath("root/cimv2", "E2EE_Missing"), false, true, false, null));
        assertCimError(WBEMException.CIM_ERR_INVALID_NAMESPACE, () -> client.getClass(classPath("root/nowhere", s.base), false, true, false, null));
        assertCimError(WBEMException.CIM_ERR_INVALID_NAMESPACE, () -> all(client.enumerateClassNames(classPath("root/nowhere", null), false)));
        assertCimError(WBEMException.CIM_ERR_INVALID_CLASS, () -> all(client.enumerateClassNames(classPath("root/cimv2", "E2EE_Missing"), false)));
        assertCimError(WBEMException.CIM_ERR_CLASS_HAS_CHILDREN, () -> client.deleteClass(s.basePath()));
        assertCimError(WBEMException.CIM_ERR_INVALID_PARAMETER, () -> client.createClass(TestSchema.cimClass("E2EE_BadQualifier", null,
                new CIMQualifier<?>[] {new CIMQualifier<>("NoSuchQualifier", CIMDataType.BOOLEAN_T, Boolean.TRUE, 0)},
                new CIMClassProperty<?>[0], null)));
        assertCimError(WBEMException.CIM_ERR_NOT_FOUND, () -> client.deleteClass(classPath("root/cimv2", "E2EE_Missing")));

        client.deleteClass(s.childPath());
        client.deleteClass(s.basePath());
        assertFalse(names(all(client.enumerateClassNames(classPath("root/cimv2", null), true))).contains(s.base));
    }
}
