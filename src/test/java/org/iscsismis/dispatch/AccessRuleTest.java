package org.iscsismis.dispatch;

import static org.iscsismis.repository.Fixtures.NS;
import static org.iscsismis.repository.Fixtures.childPath;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.iscsismis.cim.CimException;
import org.iscsismis.cim.CimInstance;
import org.iscsismis.cim.CimName;
import org.iscsismis.cim.CimStatus;
import org.iscsismis.operation.CimRequest;
import org.iscsismis.operation.CreateInstanceRequest;
import org.iscsismis.operation.InvokeMethodRequest;
import org.iscsismis.repository.CimRepository;
import org.iscsismis.repository.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The rights check comes before everything else, for every operation; read versus write is decided in one place. */
class AccessRuleTest {

    private static final Set<String> CHANGES = Set.of("CreateClass", "ModifyClass", "DeleteClass", "SetQualifier",
            "DeleteQualifier", "CreateInstance", "ModifyInstance", "DeleteInstance", "SetProperty");

    private final CimRepository repo = Fixtures.repository();
    private final Dispatcher dispatcher = new Dispatcher(repo, Clock.systemUTC());

    private static Caller with(String grants) {
        return new Caller("u", NamespaceGrants.parse(grants));
    }

    private CimStatus status(CimRequest r, Caller caller) {
        try {
            dispatcher.execute(r, caller, new RecordingSink());
            return CimStatus.SUCCESS;
        } catch (CimException e) {
            return e.status();
        }
    }

    static Stream<CimRequest> operations() {
        return DispatcherTest.everyOperation(NS);
    }

    @ParameterizedTest
    @MethodSource("operations")
    void withoutAnEntryEverythingIsDeniedBeforeAnyOtherCheck(CimRequest r) {
        assertEquals(CimStatus.ACCESS_DENIED, status(r, with("root/other=write")), r.operationName());
    }

    @ParameterizedTest
    @MethodSource("operations")
    void readAccessAllowsExactlyTheOperationsThatChangeNothing(CimRequest r) {
        CimStatus s = status(r, with("root/*=read"));
        if (CHANGES.contains(r.operationName())) {
            assertEquals(CimStatus.ACCESS_DENIED, s, r.operationName());
        } else {
            assertNotEquals(CimStatus.ACCESS_DENIED, s, r.operationName());
        }
        assertNotEquals(CimStatus.ACCESS_DENIED, status(r, with("root/test=write")), r.operationName());
    }

    @Test
    void methodsNamedGetOnlyReport() {
        assertTrue(AccessRule.isReadOnlyMethod("GetSupportedCopyStates"));
        assertTrue(AccessRule.isReadOnlyMethod("getError"));
        assertTrue(!AccessRule.isReadOnlyMethod("Get") && !AccessRule.isReadOnlyMethod("CreateElementReplica")
                && !AccessRule.isReadOnlyMethod("Together"));
        Caller reader = with("root/test=read");
        assertEquals(CimStatus.ACCESS_DENIED, status(new InvokeMethodRequest(NS, childPath("a"), CimName.of("Do"), List.of()), reader));
        assertNotEquals(CimStatus.ACCESS_DENIED, status(new InvokeMethodRequest(NS, childPath("a"), CimName.of("GetIt"), List.of()),
                reader));
    }

    @Test
    void aDeniedOperationChangesNothingAndSaysWhy() {
        CimException e = assertThrows(CimException.class, () -> dispatcher.execute(new CreateInstanceRequest(NS,
                CimInstance.builder("T_Child").property("Name", "new").build()), with("*=read"), new RecordingSink()));
        assertEquals("CIM_ERR_ACCESS_DENIED: CreateInstance needs write access to namespace root/test; user \"u\" has read access only",
                e.getMessage());
        assertEquals(0, repo.instanceNames(NS, CimName.of("T_Child"), false).count());
    }
}
