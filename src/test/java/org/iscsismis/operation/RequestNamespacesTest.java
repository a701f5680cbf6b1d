package org.iscsismis.operation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import org.iscsismis.cim.CimName;
import org.iscsismis.cim.CimNamespace;
import org.iscsismis.cim.ObjectPath;
import org.junit.jupiter.api.Test;

class RequestNamespacesTest {

    static final CimNamespace ALIAS = CimNamespace.of("interop");
    static final CimNamespace ROOT_INTEROP = CimNamespace.of("root/interop");
    static final ObjectPath PROFILE = ObjectPath.builder("CIM_RegisteredProfile").key("InstanceID", "x").build();

    @Test
    void theNamespaceAndEveryOptionalParameterSurvive() {
        GetInstanceRequest r = GetInstanceRequest.builder(ALIAS, PROFILE).includeQualifiers(true)
                .propertyList(List.of(CimName.of("RegisteredName"))).build();
        GetInstanceRequest moved = (GetInstanceRequest) RequestNamespaces.retarget(r, ROOT_INTEROP);
        assertEquals("root/interop", moved.namespace().toString());
        assertEquals(r.instanceName(), moved.instanceName());
        assertTrue(moved.includeQualifiers());
        assertEquals(r.propertyList(), moved.propertyList());
    }

    @Test
    void pathsInTheOldNamespaceMoveAndOthersStay() {
        ObjectPath inAlias = PROFILE.withNamespace(ALIAS);
        AssociatorNamesRequest r = AssociatorNamesRequest.of(ALIAS, inAlias);
        assertEquals(ROOT_INTEROP, ((AssociatorNamesRequest) RequestNamespaces.retarget(r, ROOT_INTEROP)).objectName().namespace());
        ObjectPath elsewhere = PROFILE.withNamespace(CimNamespace.of("root/cimv2"));
        AssociatorNamesRequest other = AssociatorNamesRequest.of(ALIAS, elsewhere);
        assertEquals(elsewhere, ((AssociatorNamesRequest) RequestNamespaces.retarget(other, ROOT_INTEROP)).objectName());
    }

    @Test
    void aRequestAlreadyThereIsReturnedAsIs() {
        EnumerateInstanceNamesRequest r = new EnumerateInstanceNamesRequest(ROOT_INTEROP, CimName.of("CIM_Namespace"));
        assertSame(r, RequestNamespaces.retarget(r, ROOT_INTEROP));
    }

    /** The rewrite copies records generically: every request type must be a record with a namespace component. */
    @Test
    void everyRequestTypeIsARecordWithANamespace() {
        List<Class<?>> leaves = new ArrayList<>();
        collectLeaves(CimRequest.class, leaves);
        assertTrue(leaves.size() >= 35, leaves::toString);
        for (Class<?> c : leaves) {
            assertTrue(c.isRecord(), c + " is not a record");
            RecordComponent first = c.getRecordComponents()[0];
            assertEquals("namespace", first.getName(), c.toString());
            assertEquals(CimNamespace.class, first.getType(), c.toString());
        }
    }

    private static void collectLeaves(Class<?> type, List<Class<?>> out) {
        if (type.isSealed()) {
            for (Class<?> sub : type.getPermittedSubclasses()) {
                collectLeaves(sub, out);
            }
        } else {
            out.add(type);
        }
    }
}
