package org.iscsismis.operation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.iscsismis.cim.CimName;
import org.iscsismis.cim.CimNamespace;
import org.iscsismis.cim.CimType;
import org.iscsismis.cim.CimValue;
import org.iscsismis.cim.ObjectPath;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The DSP0200 defaults of the fact sheet's sections 3.2 and 3.4, as the builders apply them. */
class RequestDefaultsTest {

    private static final CimNamespace NS = CimNamespace.of("root/cimv2");
    private static final CimName CLS = CimName.of("CIM_StorageVolume");
    private static final ObjectPath INST = ObjectPath.builder(CLS).key("DeviceID", "vd1").build();

    /** operation, actual flag values, expected flag values (in the fact sheet's order). */
    static Stream<Arguments> booleanDefaults() {
        GetClassRequest gc = GetClassRequest.of(NS, CLS);
        EnumerateClassesRequest ec = EnumerateClassesRequest.of(NS);
        GetInstanceRequest gi = GetInstanceRequest.of(NS, INST);
        EnumerateInstancesRequest ei = EnumerateInstancesRequest.of(NS, CLS);
        AssociatorsRequest a = AssociatorsRequest.of(NS, INST);
        ReferencesRequest r = ReferencesRequest.of(NS, INST);
        OpenEnumerateInstancesRequest oei = OpenEnumerateInstancesRequest.of(NS, CLS);
        return Stream.of(
                Arguments.of("GetClass LocalOnly, IncludeQualifiers, IncludeClassOrigin",
                        List.of(gc.localOnly(), gc.includeQualifiers(), gc.includeClassOrigin()), List.of(true, true, false)),
                Arguments.of("EnumerateClasses DeepInheritance, LocalOnly, IncludeQualifiers, IncludeClassOrigin",
                        List.of(ec.deepInheritance(), ec.localOnly(), ec.includeQualifiers(), ec.includeClassOrigin()),
                        List.of(false, true, true, false)),
                Arguments.of("EnumerateClassNames DeepInheritance", List.of(EnumerateClassNamesRequest.of(NS).deepInheritance()), List.of(false)),
                Arguments.of("GetInstance LocalOnly, IncludeQualifiers, IncludeClassOrigin",
                        List.of(gi.localOnly(), gi.includeQualifiers(), gi.includeClassOrigin()), List.of(true, false, false)),
                Arguments.of("EnumerateInstances LocalOnly, DeepInheritance, IncludeQualifiers, IncludeClassOrigin",
                        List.of(ei.localOnly(), ei.deepInheritance(), ei.includeQualifiers(), ei.includeClassOrigin()),
                        List.of(true, true, false, false)),
                Arguments.of("ModifyInstance IncludeQualifiers",
                        List.of(ModifyInstanceRequest.of(NS, org.iscsismis.cim.CimInstance.builder(CLS).path(INST).build()).includeQualifiers()),
                        List.of(true)),
                Arguments.of("Associators IncludeQualifiers, IncludeClassOrigin",
                        List.of(a.includeQualifiers(), a.includeClassOrigin()), List.of(false, false)),
                Arguments.of("References IncludeQualifiers, IncludeClassOrigin",
                        List.of(r.includeQualifiers(), r.includeClassOrigin()), List.of(false, false)),
                Arguments.of("OpenEnumerateInstances DeepInheritance, IncludeClassOrigin, ContinueOnError",
                        List.of(oei.deepInheritance(), oei.includeClassOrigin(), oei.continueOnError()), List.of(true, false, false)),
                Arguments.of("OpenQueryInstances ReturnQueryResultClass, ContinueOnError",
                        List.of(OpenQueryInstancesRequest.of(NS, "DMTF:FQL", "a=1").returnQueryResultClass(),
                                OpenQueryInstancesRequest.of(NS, "DMTF:FQL", "a=1").continueOnError()), List.of(false, false)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("booleanDefaults")
    void booleanDefaultsMatchDsp0200(String what, List<Boolean> actual, List<Boolean> expected) {
        assertEquals(expected, actual);
    }

    static Stream<Arguments> openRequests() {
        return Stream.<Supplier<OpenRequest>>of(
                () -> OpenEnumerateInstancesRequest.of(NS, CLS),
                () -> OpenEnumerateInstancePathsRequest.of(NS, CLS),
                () -> OpenAssociatorInstancesRequest.of(NS, INST),
                () -> OpenAssociatorInstancePathsRequest.of(NS, INST),
                () -> OpenReferenceInstancesRequest.of(NS, INST),
                () -> OpenReferenceInstancePathsRequest.of(NS, INST),
                () -> OpenQueryInstancesRequest.of(NS, "DMTF:FQL", "x=1")).map(s -> Arguments.of(s.get()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("openRequests")
    void openDefaults(OpenRequest r) {
        assertNull(r.operationTimeout());
        assertEquals(0L, r.maxObjectCount());
        assertEquals(false, r.continueOnError());
        assertTrue(r.operationName().startsWith("Open"));
        assertTrue(CimRequest.INTRINSIC_OPERATIONS.contains(r.operationName()));
    }

    @Test
    void nullableDefaultsAndPropertyList() {
        AssociatorsRequest a = AssociatorsRequest.of(NS, INST);
        assertNull(a.assocClass());
        assertNull(a.resultClass());
        assertNull(a.role());
        assertNull(a.resultRole());
        assertNull(a.propertyList());
        assertNull(EnumerateClassNamesRequest.of(NS).className());
        GetInstanceRequest none = GetInstanceRequest.builder(NS, INST).propertyList(List.of()).build();
        assertEquals(List.of(), none.propertyList());
        assertNull(SetPropertyRequest.of(NS, INST, CimName.of("A")).newValue());
    }

    @Test
    void builderOverridesDefaults() {
        EnumerateInstancesRequest r = EnumerateInstancesRequest.builder(NS, CLS)
                .deepInheritance(false).localOnly(false).propertyList(List.of(CimName.of("DeviceID"))).build();
        assertEquals(false, r.deepInheritance());
        assertEquals(false, r.localOnly());
        assertEquals(List.of(CimName.of("deviceid")), r.propertyList());
        assertEquals("EnumerateInstances", r.operationName());
    }

    @Test
    void validation() {
        assertThrows(NullPointerException.class, () -> GetClassRequest.of(NS, null));
        assertThrows(NullPointerException.class, () -> new EnumerateQualifiersRequest(null));
        assertThrows(IllegalArgumentException.class, () -> new PullInstancesRequest(NS, "ctx", -1));
        assertThrows(IllegalArgumentException.class, () -> new PullInstancesRequest(NS, "ctx", 0x1_0000_0000L));
        assertThrows(IllegalArgumentException.class,
                () -> OpenEnumerateInstancesRequest.builder(NS, CLS).operationTimeout(-1L).build());
        assertThrows(IllegalArgumentException.class,
                () -> ModifyInstanceRequest.of(NS, org.iscsismis.cim.CimInstance.builder(CLS).build()));
    }

    @Test
    void invokeMethodAndParamValues() {
        ParamValue p = ParamValue.of("SyncType", CimValue.ofUint16(8));
        ParamValue n = ParamValue.untypedNull(CimName.of("Mode"));
        InvokeMethodRequest r = new InvokeMethodRequest(NS, INST, CimName.of("CreateElementReplica"), List.of(p, n));
        assertEquals("CreateElementReplica", r.operationName());
        assertEquals(p, r.parameter("synctype"));
        assertTrue(r.parameter("MODE").untyped());
        assertTrue(r.parameter("Mode").value().isNull());
        assertNull(r.parameter("Other"));
        assertThrows(IllegalArgumentException.class, () -> new ParamValue(CimName.of("X"), CimValue.ofString("a"), true));
        assertThrows(IllegalArgumentException.class, () -> new InvokeMethodRequest(NS, INST, CimName.of("M"),
                List.of(p, ParamValue.of("SYNCTYPE", CimValue.nullOf(CimType.UINT16)))));
        assertEquals("Frobnicate", new UnsupportedIntrinsicRequest(NS, "Frobnicate").operationName());
    }

    @Test
    void everyIntrinsicRecordNamesItsOperation() {
        List<CimRequest> all = List.of(
                GetClassRequest.of(NS, CLS), EnumerateClassesRequest.of(NS), EnumerateClassNamesRequest.of(NS),
                new CreateClassRequest(NS, org.iscsismis.cim.CimClass.builder("X").build()),
                new ModifyClassRequest(NS, org.iscsismis.cim.CimClass.builder("X").build()),
                new DeleteClassRequest(NS, CLS), new GetQualifierRequest(NS, CimName.of("Key")),
                new SetQualifierRequest(NS, org.iscsismis.cim.CimQualifierType.of("Key", CimType.BOOLEAN, null,
                        java.util.Set.of(org.iscsismis.cim.CimScope.PROPERTY), org.iscsismis.cim.CimFlavor.DEFAULT)),
                new DeleteQualifierRequest(NS, CimName.of("Key")), new EnumerateQualifiersRequest(NS),
                GetInstanceRequest.of(NS, INST), EnumerateInstancesRequest.of(NS, CLS), new EnumerateInstanceNamesRequest(NS, CLS),
                new CreateInstanceRequest(NS, org.iscsismis.cim.CimInstance.builder(CLS).build()),
                ModifyInstanceRequest.of(NS, org.iscsismis.cim.CimInstance.builder(CLS).path(INST).build()),
                new DeleteInstanceRequest(NS, INST), new GetPropertyRequest(NS, INST, CimName.of("A")),
                SetPropertyRequest.of(NS, INST, CimName.of("A")), AssociatorsRequest.of(NS, INST), AssociatorNamesRequest.of(NS, INST),
                ReferencesRequest.of(NS, INST), ReferenceNamesRequest.of(NS, INST), new ExecQueryRequest(NS, "WQL", "select * from X"),
                OpenEnumerateInstancesRequest.of(NS, CLS), OpenEnumerateInstancePathsRequest.of(NS, CLS),
                OpenAssociatorInstancesRequest.of(NS, INST), OpenAssociatorInstancePathsRequest.of(NS, INST),
                OpenReferenceInstancesRequest.of(NS, INST), OpenReferenceInstancePathsRequest.of(NS, INST),
                OpenQueryInstancesRequest.of(NS, "DMTF:FQL", "x=1"), new PullInstancesWithPathRequest(NS, "c", 10),
                new PullInstancePathsRequest(NS, "c", 10), new PullInstancesRequest(NS, "c", 10),
                new CloseEnumerationRequest(NS, "c"), new EnumerationCountRequest(NS, "c"));
        assertEquals(CimRequest.INTRINSIC_OPERATIONS, all.stream().map(CimRequest::operationName).toList());
        for (CimRequest r : all) {
            assertEquals(r.getClass().getSimpleName(), r.operationName() + "Request");
        }
    }
}
