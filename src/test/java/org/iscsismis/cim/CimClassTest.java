package org.iscsismis.cim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class CimClassTest {

    static final CimClass SYNC = CimClass.builder("CIM_StorageSynchronized")
            .superClass("CIM_Synchronized")
            .qualifier("Association")
            .property(new CimProperty(CimName.of("SystemElement"), CimType.reference(CimName.of("CIM_ManagedElement")),
                    null, List.of(CimQualifier.ofTrue("Key")), null, false))
            .property(new CimProperty(CimName.of("SyncedElement"), CimType.reference(CimName.of("CIM_ManagedElement")),
                    null, List.of(CimQualifier.ofTrue("Key")), null, false))
            .property("CopyState", CimType.UINT16)
            .property(CimProperty.of("CopyPriority", CimValue.ofUint16(2)))
            .method(CimMethod.of("RequestStateChange", CimType.UINT32,
                    List.of(CimParameter.of("RequestedState", CimType.UINT16, CimQualifier.ofTrue("In")),
                            CimParameter.of("Job", CimType.reference(CimName.of("CIM_ConcreteJob")), CimQualifier.ofTrue("Out"))),
                    CimQualifier.of("Description", CimValue.ofString("d"))))
            .build();

    static Stream<Arguments> propertyNames() {
        return Stream.of(Arguments.of("CopyState"), Arguments.of("copystate"), Arguments.of("COPYSTATE"),
                Arguments.of("systemElement"), Arguments.of("SYNCEDELEMENT"), Arguments.of("copyPriority"));
    }

    @ParameterizedTest
    @MethodSource("propertyNames")
    void propertyLookupIsCaseInsensitive(String name) {
        CimProperty p = SYNC.property(name);
        assertNotNull(p);
        assertTrue(p.name().matches(name));
        assertSame(p, SYNC.property(CimName.of(name)));
    }

    @ParameterizedTest
    @MethodSource("methodNames")
    void methodAndQualifierLookupIsCaseInsensitive(String method, String param, String qualifier) {
        CimMethod m = SYNC.method(method);
        assertNotNull(m);
        assertNotNull(m.parameter(param));
        assertNotNull(SYNC.qualifier(qualifier));
    }

    static Stream<Arguments> methodNames() {
        return Stream.of(Arguments.of("RequestStateChange", "RequestedState", "Association"),
                Arguments.of("requeststatechange", "requestedstate", "ASSOCIATION"),
                Arguments.of("REQUESTSTATECHANGE", "JOB", "association"));
    }

    @Test
    void derivedFacts() {
        assertTrue(SYNC.isAssociation());
        assertFalse(SYNC.isAbstract());
        assertFalse(SYNC.isIndication());
        assertEquals(List.of(CimName.of("SystemElement"), CimName.of("SyncedElement")), SYNC.keyNames());
        assertEquals("SystemElement", SYNC.keyNames().get(0).toString());
        assertNull(SYNC.property("Nope"));
        assertNull(SYNC.property("not a name"));
        assertNull(SYNC.method("Nope"));
        assertEquals(CimValue.ofUint16(2), SYNC.property("copypriority").value());
        assertTrue(SYNC.property("CopyState").value().isNull());
        CimParameter job = SYNC.method("RequestStateChange").parameter("Job");
        assertTrue(job.isOut());
        assertTrue(SYNC.method("RequestStateChange").parameter("RequestedState").isIn());
        assertEquals(SYNC, SYNC.toBuilder().build());
        assertEquals(SYNC.hashCode(), SYNC.toBuilder().build().hashCode());
    }

    @Test
    void withDerivationsKeepTheRest() {
        CimClass c = SYNC.withSuperClassName(null).withQualifiers(List.of(CimQualifier.ofTrue("Abstract")));
        assertNull(c.superClassName());
        assertTrue(c.isAbstract());
        assertFalse(c.isAssociation());
        assertEquals(SYNC.properties(), c.properties());
    }

    @Test
    void rejectsDuplicates() {
        assertThrows(IllegalArgumentException.class, () -> new CimClass(CimName.of("X"), null, List.of(),
                List.of(CimProperty.of("A", CimValue.ofString("1")), CimProperty.of("a", CimValue.ofString("2"))), List.of()));
        assertThrows(IllegalArgumentException.class, () -> new CimClass(CimName.of("X"), null,
                List.of(CimQualifier.ofTrue("Abstract"), CimQualifier.ofTrue("ABSTRACT")), List.of(), List.of()));
        assertThrows(IllegalArgumentException.class, () -> new CimProperty(CimName.of("A"), CimType.UINT8,
                CimValue.ofString("x"), List.of(), null, false));
    }

    @Test
    void qualifierTypeScopes() {
        CimQualifierType key = CimQualifierType.of("Key", CimType.BOOLEAN, CimValue.ofBoolean(false),
                java.util.Set.of(CimScope.PROPERTY, CimScope.REFERENCE), CimFlavor.DISABLE_OVERRIDE);
        assertTrue(key.appliesTo(CimScope.PROPERTY));
        assertFalse(key.appliesTo(CimScope.CLASS));
        CimQualifierType desc = CimQualifierType.of("Description", CimType.STRING, null,
                java.util.Set.of(CimScope.ANY), CimFlavor.DEFAULT.withTranslatable(true));
        for (CimScope s : CimScope.values()) {
            assertTrue(desc.appliesTo(s));
        }
        assertTrue(desc.defaultValue().isNull());
        assertThrows(UnsupportedOperationException.class, () -> desc.scopes().add(CimScope.CLASS));
        assertEquals(new CimFlavor(true, true, false), CimFlavor.DEFAULT);
        assertEquals("association", CimScope.ASSOCIATION.mofName());
    }
}
