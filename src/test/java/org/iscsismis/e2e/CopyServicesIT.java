package org.iscsismis.e2e;

import static org.iscsismis.e2e.ReplicationCalls.CONFIGURATION_SERVICE;
import static org.iscsismis.e2e.ReplicationCalls.REPLICATION_SERVICE;
import static org.iscsismis.e2e.ReplicationCalls.diskId;
import static org.iscsismis.e2e.ReplicationCalls.ref;
import static org.iscsismis.e2e.ReplicationCalls.u16;
import static org.iscsismis.e2e.ReplicationCalls.uint16;
import static org.iscsismis.e2e.SblimClients.all;
import static org.iscsismis.e2e.SblimClients.assertCimError;
import static org.iscsismis.e2e.SblimClients.classPath;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.iscsismis.iscsi.provider.IscsiTarget;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.metricshub.wbem.javax.cim.CIMInstance;
import org.metricshub.wbem.javax.cim.CIMObjectPath;
import org.metricshub.wbem.javax.wbem.WBEMException;
import org.metricshub.wbem.javax.wbem.client.WBEMClient;

/**
 * SMI-S Copy Services is registered because each of its methods works: CreateReplica, AttachReplica,
 * AttachOrModifyReplica, GetAvailableTargetElements and every ModifySynchronization operation the legacy capabilities
 * advertise, walked through the SBLIM client, and the profile found in the interop namespace beside Replication
 * Services, conforming to the storage configuration service.
 */
class CopyServicesIT {

    private static final long SIZE = 1L << 20;
    @RegisterExtension
    static final ServerFixture server = ServerFixture.plain();
    private static final WBEMClient client = server.client();
    private static final ReplicationCalls calls = server.calls();
    private static IscsiTarget target;
    private static String poolId;

    @BeforeAll
    static void start() {
        target = server.server().target();
        poolId = target.disks().createPool("copy-services-pool", 1L << 30).id();
    }

    @AfterEach
    void releaseCopying() {
        target.engine().holdCopying(false);
    }

    private static CIMObjectPath volume() throws WBEMException {
        return calls.newVolume(poolId, SIZE, "copy-services");
    }

    private static List<Integer> legacyCapability(String className, String property) throws WBEMException {
        CIMObjectPath path = ReplicationCalls.inNamespace(all(client.enumerateInstanceNames(classPath(ReplicationCalls.NS, className))).get(0));
        List<Integer> out = new ArrayList<>();
        for (Object o : (Object[]) calls.get(path).getPropertyValue(property)) {
            out.add(((Number) o).intValue());
        }
        return out;
    }

    /** The StorageSynchronized path of the pair whose target is {@code replica}. */
    private static CIMObjectPath pairOf(CIMObjectPath replica) throws WBEMException {
        List<CIMObjectPath> pairs = all(client.referenceNames(replica, "MSISCSITARGET_StorageSynchronized", "SyncedElement"));
        assertEquals(1, pairs.size(), pairs::toString);
        return ReplicationCalls.inNamespace(pairs.get(0));
    }

    private static ReplicationCalls.Answer legacy(CIMObjectPath sync, int operation) throws WBEMException {
        return calls.invoke(CONFIGURATION_SERVICE, "ModifySynchronization", u16("Operation", operation), ref("Synchronization", sync));
    }

    /** A pair made by CreateReplica with {@code copyType}, its copy complete. */
    private static CIMObjectPath replica(int copyType) throws WBEMException {
        ReplicationCalls.Answer a = calls.invoke(CONFIGURATION_SERVICE, "CreateReplica", ref("SourceElement", volume()),
                u16("CopyType", copyType));
        calls.awaitDone(a);
        return pairOf(a.ref("TargetElement"));
    }

    @Test
    void theProfileIsRegisteredBesideReplicationServices() throws WBEMException {
        List<CIMInstance> profiles = all(client.enumerateInstances(classPath("root/interop", "CIM_RegisteredProfile"), true, false, false, null));
        CIMInstance copy = profiles.stream().filter(p -> "Copy Services".equals(p.getPropertyValue("RegisteredName"))).findFirst().orElseThrow();
        assertTrue(profiles.stream().anyMatch(p -> "Replication Services".equals(p.getPropertyValue("RegisteredName"))));
        List<CIMObjectPath> central = all(client.associatorNames(withInterop(copy.getObjectPath()), "CIM_ElementConformsToProfile",
                null, null, null));
        assertEquals(List.of(CONFIGURATION_SERVICE), central.stream().map(CIMObjectPath::getObjectName).toList());
    }

    private static CIMObjectPath withInterop(CIMObjectPath p) {
        return new CIMObjectPath(null, null, null, "root/interop", p.getObjectName(), p.getKeys());
    }

    @Test
    void everyAdvertisedCopyTypeIsCreatedAttachedAndListed() throws WBEMException {
        for (int copyType : legacyCapability("MSISCSITARGET_StorageConfigurationCapabilities", "SupportedCopyTypes")) {
            CIMObjectPath source = volume();
            CIMObjectPath free = volume();
            ReplicationCalls.Answer candidates = calls.invoke(CONFIGURATION_SERVICE, "GetAvailableTargetElements",
                    ref("SourceElement", source), u16("CopyType", copyType));
            assertEquals(0, candidates.returnValue(), candidates::toString);
            List<String> listed = new ArrayList<>();
            for (Object o : (Object[]) candidates.out().get("Candidates")) {
                listed.add(diskId((CIMObjectPath) o));
            }
            assertTrue(listed.contains(diskId(free)), listed::toString);
            ReplicationCalls.Answer attached = calls.invoke(CONFIGURATION_SERVICE, "AttachReplica", ref("SourceElement", source),
                    ref("TargetElement", free), u16("CopyType", copyType));
            calls.awaitDone(attached);
            boolean associated = !all(client.referenceNames(free, "MSISCSITARGET_StorageSynchronized", null)).isEmpty();
            assertEquals(copyType != 5, associated, "CopyType " + copyType + " (5 UnSyncUnAssoc: detached once complete)");
            ReplicationCalls.Answer created = calls.invoke(CONFIGURATION_SERVICE, "CreateReplica", ref("SourceElement", source),
                    u16("CopyType", copyType));
            calls.awaitDone(created);
            assertEquals(diskId(created.ref("TargetElement")), calls.get(created.ref("TargetElement")).getPropertyValue("DeviceID"));
        }
    }

    @Test
    void attachOrModifyAttachesThenSwitchesTheMirrorMode() throws WBEMException {
        CIMObjectPath source = volume();
        CIMObjectPath other = volume();
        calls.awaitDone(calls.invoke(CONFIGURATION_SERVICE, "AttachOrModifyReplica", ref("SourceElement", source),
                ref("TargetElement", other), u16("CopyType", 3)));
        CIMObjectPath sync = pairOf(other);
        assertEquals(2, uint16(calls.get(sync), "Mode"));
        assertEquals(0, calls.invoke(CONFIGURATION_SERVICE, "AttachOrModifyReplica", ref("SourceElement", source),
                ref("TargetElement", other), u16("CopyType", 2)).returnValue());
        assertEquals(3, uint16(calls.get(sync), "Mode"));
        assertEquals(5, calls.invoke(CONFIGURATION_SERVICE, "AttachOrModifyReplica", ref("SourceElement", source),
                ref("TargetElement", other), u16("CopyType", 4)).returnValue(), "a mirror cannot become a clone");
    }

    /** Each advertised ModifySynchronization operation, on a pair in a state it applies to, and the CopyState it leaves. */
    @Test
    void everyAdvertisedModifyOperationWorks() throws WBEMException {
        List<Integer> advertised = legacyCapability("MSISCSITARGET_StorageReplicationCapabilities", "SupportedModifyOperations");
        assertFalse(advertised.contains(6) || advertised.contains(7), "Prepare and Unprepare are not run");
        Map<Integer, Integer> copyStateAfter = Map.of(3, 6, 8, 9, 10, 4, 11, 4);
        for (int op : advertised) {
            switch (op) {
                case 2 -> { // Detach: the mirror's association goes; a snapshot is deleted with it
                    CIMObjectPath mirror = replica(3);
                    assertEquals(0, legacy(mirror, 2).returnValue());
                    assertCimError(6, () -> calls.get(mirror));
                    ReplicationCalls.Answer snap = calls.invoke(REPLICATION_SERVICE, "CreateElementReplica", u16("SyncType", 7),
                            ref("SourceElement", volume()));
                    assertEquals(0, legacy(snap.ref("Synchronization"), 2).returnValue());
                    assertCimError(6, () -> calls.get(snap.ref("TargetElement")));
                }
                case 4, 5 -> { // Resync / Restore a fractured mirror
                    CIMObjectPath mirror = replica(3);
                    assertEquals(0, legacy(mirror, 3).returnValue());
                    calls.awaitDone(legacy(mirror, op));
                    assertEquals(4, uint16(calls.get(mirror), "CopyState"));
                }
                case 9 -> { // Unquiesce a quiesced mirror
                    CIMObjectPath mirror = replica(3);
                    assertEquals(0, legacy(mirror, 8).returnValue());
                    calls.awaitDone(legacy(mirror, 9));
                    assertEquals(4, uint16(calls.get(mirror), "CopyState"));
                }
                case 12 -> { // Start Copy of a pair created without starting it
                    ReplicationCalls.Answer made = calls.invoke(REPLICATION_SERVICE, "CreateElementReplica", u16("SyncType", 8),
                            ref("SourceElement", volume()), u16("WaitForCopyState", 2));
                    assertEquals(2, uint16(calls.get(made.ref("Synchronization")), "CopyState"));
                    calls.awaitDone(legacy(made.ref("Synchronization"), 12));
                    assertEquals(4, uint16(calls.get(made.ref("Synchronization")), "CopyState"));
                }
                case 13 -> { // Stop Copy of a clone still copying
                    target.engine().holdCopying(true);
                    ReplicationCalls.Answer made = calls.invoke(CONFIGURATION_SERVICE, "CreateReplica", ref("SourceElement", volume()),
                            u16("CopyType", 4));
                    CIMObjectPath clone = pairOf(made.ref("TargetElement"));
                    assertEquals(0, legacy(clone, 13).returnValue());
                    assertEquals(12, uint16(calls.get(clone), "CopyState")); // Aborted
                    target.engine().holdCopying(false);
                }
                default -> {
                    CIMObjectPath mirror = replica(3);
                    assertEquals(0, legacy(mirror, op).returnValue(), "Operation " + op);
                    assertEquals(copyStateAfter.get(op), uint16(calls.get(mirror), "CopyState"), "Operation " + op);
                }
            }
        }
        CIMObjectPath mirror = replica(3);
        assertEquals(1, legacy(mirror, 6).returnValue(), "Prepare");
        assertEquals(1, legacy(mirror, 7).returnValue(), "Unprepare");
        assertEquals(5, legacy(mirror, 14).returnValue(), "outside the value map");
    }
}
