package org.iscsismis.repository;

import static org.iscsismis.repository.Fixtures.NS;
import static org.iscsismis.repository.Fixtures.assertCimError;
import static org.iscsismis.repository.Fixtures.name;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.iscsismis.cim.CimClass;
import org.iscsismis.cim.CimFlavor;
import org.iscsismis.cim.CimMethod;
import org.iscsismis.cim.CimName;
import org.iscsismis.cim.CimNamespace;
import org.iscsismis.cim.CimProperty;
import org.iscsismis.cim.CimQualifier;
import org.iscsismis.cim.CimQualifierType;
import org.iscsismis.cim.CimScope;
import org.iscsismis.cim.CimStatus;
import org.iscsismis.cim.CimType;
import org.iscsismis.cim.CimValue;
import org.iscsismis.cim.ObjectPath;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class CimRepositoryClassTest {

    private final CimRepository repo = Fixtures.repository();

    // ------------------------------------------------------------------ inheritance

    @Test
    void inheritedPropertiesArePropagatedWithTheirClassOrigin() {
        CimClass child = repo.getClass(NS, name("t_child"));
        assertEquals(List.of("Name", "Desc", "Level", "Extra"),
                child.properties().stream().map(p -> p.name().toString()).collect(Collectors.toList()));
        CimProperty nameProp = child.property("Name");
        assertTrue(nameProp.propagated());
        assertEquals(name("T_Base"), nameProp.classOrigin());
        assertTrue(nameProp.isKey(), "Key is ToSubclass");
        assertTrue(nameProp.qualifier("Key").propagated());
        CimProperty extra = child.property("Extra");
        assertFalse(extra.propagated());
        assertEquals(name("T_Child"), extra.classOrigin());
        CimMethod m = child.method("Do");
        assertTrue(m.propagated());
        assertEquals(name("T_Base"), m.classOrigin());
        assertTrue(m.parameter("X").qualifier(CimQualifier.Names.IN).propagated());
        assertEquals(List.of(name("Name")), child.keyNames());
    }

    @Test
    void restrictedQualifiersDoNotPropagateAndToSubclassOnesDo() {
        CimClass base = repo.getClass(NS, name("T_Base"));
        assertTrue(base.isAbstract());
        assertFalse(base.qualifier("Abstract").flavor().toSubclass(), "Abstract is Restricted by declaration");
        CimClass child = repo.getClass(NS, name("T_Child"));
        assertFalse(child.isAbstract());
        assertNull(child.qualifier("Abstract"));
        CimQualifier desc = child.qualifier("Description");
        assertNotNull(desc);
        assertTrue(desc.propagated());
        assertTrue(desc.flavor().translatable(), "Translatable is kept");
    }

    @Test
    void explicitRestrictedFlavorOnAUsageIsHonoured() {
        repo.createClass(NS, CimClass.builder("T_R")
                .qualifier(new CimQualifier(name("Description"), CimValue.ofString("r"), CimFlavor.RESTRICTED, false))
                .key("K", CimType.STRING).build());
        repo.createClass(NS, CimClass.builder("T_RSub").superClass("T_R").build());
        assertNull(repo.getClass(NS, name("T_RSub")).qualifier("Description"));
    }

    @Test
    void overridingPropertyKeepsItsOwnDefinitionAndTheFirstDeclaringClassAsOrigin() {
        CimClass gc = repo.getClass(NS, name("T_GrandChild"));
        CimProperty desc = gc.property("Desc");
        assertFalse(desc.propagated());
        assertEquals(name("T_Base"), desc.classOrigin(), "the class that first declared Desc");
        assertEquals(CimValue.ofString("gc"), desc.value());
        assertEquals(1, gc.properties().indexOf(desc), "keeps the inherited position");
        assertFalse(desc.qualifier("Override").propagated());
        CimClass sub = repo.createClass(NS, CimClass.builder("T_Great").superClass("T_GrandChild").build());
        assertNull(sub.property("Desc").qualifier("Override"), "Override is Restricted");
        assertEquals(name("T_Base"), sub.property("Desc").classOrigin());
    }

    @Test
    void redeclaredKeyKeepsInheritedQualifiers() {
        CimClass c = repo.createClass(NS, CimClass.builder("T_Redecl").superClass("T_Child")
                .property(CimProperty.declare("Name", CimType.STRING, CimQualifier.of("Override", CimValue.ofString("Name")),
                        CimQualifier.ofTrue("Key")))
                .build());
        assertTrue(c.property("Name").isKey());
        assertEquals(name("T_Base"), c.property("Name").classOrigin());
    }

    @Test
    void propagatedElementsSentBackAreRecomputed() {
        CimClass resolved = repo.getClass(NS, name("T_Child"));
        repo.createClass(NS, CimClass.builder("T_Leaf").superClass("T_Child").key("Other", CimType.STRING).build());
        repo.deleteClass(NS, name("T_Leaf"));
        CimClass again = resolved.withName(name("T_Copy"));
        CimClass copy = repo.createClass(NS, again);
        assertEquals(name("T_Base"), copy.property("Name").classOrigin());
        assertTrue(copy.property("Name").propagated());
        assertEquals(name("T_Copy"), copy.property("Extra").classOrigin());
    }

    // ------------------------------------------------------------------ CreateClass errors

    static Stream<Arguments> invalidClasses() {
        return Stream.of(
                Arguments.of("undeclared qualifier", CimClass.builder("T_X").qualifier("Bogus").build(),
                        CimStatus.INVALID_PARAMETER, "Bogus"),
                Arguments.of("class qualifier on a property", CimClass.builder("T_X")
                        .property("P", CimType.STRING, CimQualifier.ofTrue("Abstract")).build(), CimStatus.INVALID_PARAMETER, "Abstract"),
                Arguments.of("property qualifier on a class", CimClass.builder("T_X").qualifier("Key").build(),
                        CimStatus.INVALID_PARAMETER, "Key"),
                Arguments.of("parameter qualifier on a method", CimClass.builder("T_X")
                        .method(CimMethod.of("M", CimType.UINT32, List.of(), CimQualifier.ofTrue("In"))).build(),
                        CimStatus.INVALID_PARAMETER, "In"),
                Arguments.of("reference qualifier on a plain property", CimClass.builder("T_X")
                        .property("P", CimType.STRING, CimQualifier.ofTrue("Weak")).build(), CimStatus.INVALID_PARAMETER, "Weak"),
                Arguments.of("qualifier value of the wrong type", CimClass.builder("T_X")
                        .property("P", CimType.STRING, CimQualifier.of("MaxLen", CimValue.ofString("long"))).build(),
                        CimStatus.INVALID_PARAMETER, "MaxLen"),
                Arguments.of("unknown superclass", CimClass.builder("T_X").superClass("T_Nope").build(),
                        CimStatus.INVALID_SUPERCLASS, "T_Nope"),
                Arguments.of("own superclass", CimClass.builder("T_X").superClass("T_X").build(),
                        CimStatus.INVALID_SUPERCLASS, "T_X"),
                Arguments.of("existing class", CimClass.builder("t_other").build(), CimStatus.ALREADY_EXISTS, "t_other"),
                Arguments.of("Override naming nothing", CimClass.builder("T_X").superClass("T_Child")
                        .property("Nothing", CimType.STRING, CimQualifier.of("Override", CimValue.ofString("Nothing"))).build(),
                        CimStatus.INVALID_PARAMETER, "Nothing"),
                Arguments.of("Override in a root class", CimClass.builder("T_X")
                        .property("P", CimType.STRING, CimQualifier.of("Override", CimValue.ofString("P"))).build(),
                        CimStatus.INVALID_PARAMETER, "Override"),
                Arguments.of("Override of a method naming nothing", CimClass.builder("T_X").superClass("T_Child")
                        .method(CimMethod.of("Nope", CimType.UINT32, List.of(), CimQualifier.of("Override", CimValue.ofString("Nope")))).build(),
                        CimStatus.INVALID_PARAMETER, "Nope"),
                Arguments.of("override changing the type", CimClass.builder("T_X").superClass("T_Child")
                        .property("Level", CimType.STRING, CimQualifier.of("Override", CimValue.ofString("Level"))).build(),
                        CimStatus.INVALID_PARAMETER, "Level"),
                Arguments.of("DisableOverride qualifier changed", CimClass.builder("T_X").superClass("T_Child")
                        .property(CimProperty.declare("Name", CimType.STRING, CimQualifier.of("Override", CimValue.ofString("Name")),
                                CimQualifier.of("Key", CimValue.ofBoolean(false)))).build(),
                        CimStatus.INVALID_PARAMETER, "Key", "DisableOverride"),
                Arguments.of("association below a non-association", CimClass.builder("T_X").superClass("T_Other")
                        .qualifier("Association").build(), CimStatus.INVALID_SUPERCLASS, "T_Other"),
                Arguments.of("reference to an unknown class", CimClass.builder("T_X").qualifier("Association")
                        .property(CimProperty.declare("R", CimType.reference(name("T_Nope")), CimQualifier.ofTrue("Key"))).build(),
                        CimStatus.INVALID_PARAMETER, "T_Nope"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidClasses")
    void createClassRefuses(String what, CimClass cls, CimStatus status, String mention) {
        assertCimError(status, () -> repo.createClass(NS, cls), mention);
        if (status != CimStatus.ALREADY_EXISTS) {
            assertFalse(repo.hasClass(NS, cls.name()), "nothing half-applied");
        }
    }

    @Test
    void associationsAcceptReferencesAndReferenceQualifiers() {
        CimClass a = repo.createClass(NS, CimClass.builder("T_Assoc").qualifier("Association")
                .property(CimProperty.declare("A", CimType.reference(name("T_Other")), CimQualifier.ofTrue("Key"), CimQualifier.ofTrue("Weak")))
                .property(CimProperty.declare("B", CimType.reference(name("T_Base")), CimQualifier.ofTrue("Key"),
                        CimQualifier.of("Description", CimValue.ofString("b"))))
                .build());
        assertTrue(a.isAssociation());
        CimClass sub = repo.createClass(NS, CimClass.builder("T_AssocSub").superClass("T_Assoc")
                .property(CimProperty.declare("B", CimType.reference(name("T_Child")), CimQualifier.of("Override", CimValue.ofString("B"))))
                .build());
        assertTrue(sub.isAssociation(), "Association is ToSubclass");
        assertEquals(name("T_Child"), sub.property("B").type().referenceClass());
        assertCimError(CimStatus.INVALID_PARAMETER, () -> repo.createClass(NS, CimClass.builder("T_AssocBad").superClass("T_Assoc")
                .property(CimProperty.declare("B", CimType.reference(name("T_Other")), CimQualifier.of("Override", CimValue.ofString("B"))))
                .build()), "T_Other");
    }

    @Test
    void unknownNamespaceIsInvalidNamespace() {
        CimNamespace nope = CimNamespace.of("root/nope");
        assertCimError(CimStatus.INVALID_NAMESPACE, () -> repo.getClass(nope, name("T_Base")), "root/nope");
        assertCimError(CimStatus.INVALID_NAMESPACE, () -> repo.createClass(nope, Fixtures.OTHER));
        assertCimError(CimStatus.INVALID_NAMESPACE, () -> repo.getInstance(nope, Fixtures.otherPath(1)));
        assertCimError(CimStatus.INVALID_NAMESPACE, () -> repo.qualifierTypes(nope));
    }

    // ------------------------------------------------------------------ enumeration

    @Test
    void classEnumerationFromRootsAndFromAClass() {
        assertEquals(List.of(name("T_Base"), name("T_Other"), name("T_Event")), repo.classNames(NS, null, false));
        assertEquals(List.of(name("T_Base"), name("T_Child"), name("T_GrandChild"), name("T_Other"), name("T_Event")),
                repo.classNames(NS, null, true));
        assertEquals(List.of(name("T_Child")), repo.classNames(NS, name("t_base"), false));
        assertEquals(List.of(name("T_Child"), name("T_GrandChild")), repo.classNames(NS, name("T_Base"), true));
        assertEquals(List.of(), repo.classNames(NS, name("T_GrandChild"), true));
        assertEquals(2, repo.classes(NS, name("T_Base"), true).count());
        assertCimError(CimStatus.INVALID_CLASS, () -> repo.classNames(NS, name("T_Nope"), true), "T_Nope");
        assertTrue(repo.isSubclassOf(NS, name("T_GrandChild"), name("T_Base")));
        assertFalse(repo.isSubclassOf(NS, name("T_Base"), name("T_Child")));
    }

    @Test
    void aClassNameListIsTheSameObjectUntilTheClassesChange() {
        List<CimName> all = repo.classNames(NS, null, true);
        assertSame(all, repo.classNames(NS, null, true), "the response writer keeps its encoding by the list's identity");
        assertSame(repo.classNames(NS, name("T_Base"), true), repo.classNames(NS, name("t_base"), true));
        assertThrows(UnsupportedOperationException.class, () -> all.add(name("T_Nope")));

        repo.createClass(NS, CimClass.builder("T_Late").superClass("T_Base").build());
        List<CimName> after = repo.classNames(NS, null, true);
        assertNotSame(all, after);
        assertEquals(List.of(name("T_Base"), name("T_Child"), name("T_GrandChild"), name("T_Late"), name("T_Other"),
                name("T_Event")), after);
        assertEquals(5, all.size(), "a list handed out before does not change");
    }

    // ------------------------------------------------------------------ modify / delete

    @Test
    void deleteClassRefusesChildrenAndInstances() {
        assertCimError(CimStatus.NOT_FOUND, () -> repo.deleteClass(NS, name("T_Nope")), "T_Nope");
        assertCimError(CimStatus.CLASS_HAS_CHILDREN, () -> repo.deleteClass(NS, name("T_Base")), "T_Child");
        repo.createInstance(NS, org.iscsismis.cim.CimInstance.builder("T_Other").property("Id", CimValue.ofUint16(1)).build());
        assertCimError(CimStatus.CLASS_HAS_INSTANCES, () -> repo.deleteClass(NS, name("T_Other")), "T_Other");
        repo.deleteInstance(NS, Fixtures.otherPath(1));
        repo.deleteClass(NS, name("T_Other"));
        assertFalse(repo.hasClass(NS, name("T_Other")));
        repo.deleteClass(NS, name("T_GrandChild"));
        assertEquals(List.of(), repo.classNames(NS, name("T_Child"), false));
    }

    @Test
    void modifyClassRules() {
        assertCimError(CimStatus.NOT_FOUND, () -> repo.modifyClass(NS, CimClass.builder("T_Nope").build()), "T_Nope");
        assertCimError(CimStatus.CLASS_HAS_CHILDREN, () -> repo.modifyClass(NS, Fixtures.CHILD), "T_Child");
        repo.createInstance(NS, org.iscsismis.cim.CimInstance.builder("T_Other").property("Id", CimValue.ofUint16(1)).build());
        assertCimError(CimStatus.CLASS_HAS_INSTANCES, () -> repo.modifyClass(NS, Fixtures.OTHER), "T_Other");
        assertCimError(CimStatus.INVALID_SUPERCLASS, () -> repo.modifyClass(NS,
                Fixtures.GRANDCHILD.withSuperClassName(name("T_Nope"))), "T_Nope");
        CimClass modified = repo.modifyClass(NS, CimClass.builder("T_GrandChild").superClass("T_Child")
                .property("More", CimType.BOOLEAN).build());
        assertNotNull(modified.property("More"));
        assertEquals(CimValue.ofString("base"), modified.property("Desc").value(), "the override is gone");
        assertEquals(modified, repo.getClass(NS, name("T_GrandChild")));
        CimClass moved = repo.modifyClass(NS, CimClass.builder("T_GrandChild").superClass("T_Base").build());
        assertEquals(name("T_Base"), moved.superClassName());
        assertEquals(List.of(name("T_Child"), name("T_GrandChild")), repo.classNames(NS, name("T_Base"), false));
        assertEquals(List.of(), repo.classNames(NS, name("T_Child"), false));
    }

    // ------------------------------------------------------------------ qualifier declarations

    @Test
    void qualifierDeclarations() {
        assertEquals(70, repo.qualifierTypes(NS).size());
        assertEquals(name("Key"), repo.getQualifierType(NS, name("KEY")).name());
        assertCimError(CimStatus.NOT_FOUND, () -> repo.getQualifierType(NS, name("Bogus")), "Bogus");
        CimQualifierType mine = CimQualifierType.of("Mine", CimType.UINT32, CimValue.ofUint32(3), java.util.Set.of(CimScope.PROPERTY), CimFlavor.DEFAULT);
        repo.setQualifierType(NS, mine);
        repo.setQualifierType(NS, CimQualifierType.of("mine", CimType.UINT32, CimValue.ofUint32(4), java.util.Set.of(CimScope.PROPERTY, CimScope.CLASS), CimFlavor.DEFAULT));
        CimQualifierType stored = repo.getQualifierType(NS, name("MINE"));
        assertEquals("Mine", stored.name().toString(), "the first spelling stays");
        assertEquals(CimValue.ofUint32(4), stored.defaultValue(), "replaced");
        repo.createClass(NS, CimClass.builder("T_Uses").property("P", CimType.STRING, CimQualifier.of("Mine", CimValue.ofUint16(1))).build());
        assertEquals(CimValue.ofUint32(1), repo.getClass(NS, name("T_Uses")).property("P").qualifier("Mine").value());
        assertCimError(CimStatus.FAILED, () -> repo.deleteQualifierType(NS, name("Mine")), "T_Uses");
        assertCimError(CimStatus.NOT_SUPPORTED, () -> repo.setQualifierType(NS,
                CimQualifierType.of("Mine", CimType.STRING, null, java.util.Set.of(CimScope.PROPERTY), CimFlavor.DEFAULT)), "T_Uses");
        repo.setQualifierType(NS, CimQualifierType.of("Mine", CimType.UINT32, CimValue.ofUint32(9),
                java.util.Set.of(CimScope.PROPERTY, CimScope.CLASS), CimFlavor.DEFAULT));
        repo.deleteClass(NS, name("T_Uses"));
        repo.deleteQualifierType(NS, name("Mine"));
        assertNull(repo.findQualifierType(NS, name("Mine")));
        assertCimError(CimStatus.NOT_FOUND, () -> repo.deleteQualifierType(NS, name("Mine")), "Mine");
        assertCimError(CimStatus.INVALID_PARAMETER, () -> repo.setQualifierType(NS,
                CimQualifierType.of("Ref", CimType.REFERENCE, null, java.util.Set.of(CimScope.PROPERTY), CimFlavor.DEFAULT)), "Ref");
        assertCimError(CimStatus.INVALID_PARAMETER, () -> repo.setQualifierType(NS,
                CimQualifierType.of("NoScope", CimType.BOOLEAN, null, java.util.Set.of(), CimFlavor.DEFAULT)), "NoScope");
    }

    // ------------------------------------------------------------------ namespaces

    @Test
    void namespacesAreCaseInsensitive() {
        assertTrue(repo.hasNamespace(CimNamespace.of("ROOT/Test")));
        assertCimError(CimStatus.ALREADY_EXISTS, () -> repo.createNamespace(CimNamespace.of("Root/TEST")), "Root/TEST");
        repo.createNamespace(CimNamespace.of("interop"));
        assertEquals(List.of(CimNamespace.of("interop"), NS), repo.namespaces());
        assertEquals(0, repo.qualifierTypes(CimNamespace.of("INTEROP")).size());
        assertCimError(CimStatus.NAMESPACE_NOT_EMPTY, () -> repo.deleteNamespace(NS), "root/test");
        repo.deleteNamespace(CimNamespace.of("Interop"));
        assertFalse(repo.hasNamespace(CimNamespace.of("interop")));
        assertCimError(CimStatus.INVALID_NAMESPACE, () -> repo.deleteNamespace(CimNamespace.of("interop")));
    }

    @Test
    void classPathsOfStoredClasses() {
        assertEquals(ObjectPath.forClass(NS, name("T_Base")), repo.getClass(NS, name("t_base")).path(NS));
        assertEquals(CimName.of("T_Base"), repo.getClass(NS, name("T_BASE")).name());
    }
}
