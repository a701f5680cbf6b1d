package org.iscsismis.e2e;

import static org.iscsismis.e2e.ReplicationCalls.CONFIGURATION_SERVICE;
import static org.iscsismis.e2e.ReplicationCalls.REPLICATION_SERVICE;
import static org.iscsismis.e2e.ReplicationCalls.cliVolume;
import static org.iscsismis.e2e.ReplicationCalls.diskId;
import static org.iscsismis.e2e.ReplicationCalls.pool;
import static org.iscsismis.e2e.ReplicationCalls.ref;
import static org.iscsismis.e2e.ReplicationCalls.u16;
import static org.iscsismis.e2e.ReplicationCalls.uint16;
import static org.iscsismis.e2e.SblimClients.all;
import static org.iscsismis.e2e.SblimClients.classPath;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.metricshub.wbem.javax.cim.CIMArgument;
import org.metricshub.wbem.javax.cim.CIMDataType;
import org.metricshub.wbem.javax.cim.CIMObjectPath;
import org.metricshub.wbem.javax.cim.CIMProperty;
import org.metricshub.wbem.javax.wbem.WBEMException;
import org.metricshub.wbem.javax.wbem.client.WBEMClient;

/**
 * The replication service's queries, GetReplicationRelationships and GetAvailableTargetElements, and the Copy Services
 * GetAvailableTargetElements of the configuration service, through the SBLIM client and wbemcli: what they list is
 * what enumeration shows and what CreateElementReplica accepts.
 */
class ReplicationQueriesIT {

    private static final String NS = ReplicationCalls.NS;
    private static final long SIZE = 1L << 20;
    @RegisterExtension
    static final ServerFixture server = ServerFixture.plain();
    private static final WBEMClient client = server.client();
    private static final ReplicationCalls calls = server.calls();
    private static String poolA;
    private static String poolB;

    @BeforeAll
    static void start() {
        poolA = server.server().target().disks().createPool("queries-a", 1L << 30).id();
        poolB = server.server().target().disks().createPool("queries-b", 1L << 30).id();
    }

    private static CIMObjectPath volume(String poolId, long size) throws WBEMException {
        return calls.newVolume(poolId, size, "query-volume");
    }

    private static CIMObjectPath pair(CIMObjectPath source, int syncType, Integer mode) throws WBEMException {
        List<CIMArgument<?>> in = new ArrayList<>(List.of(ref("SourceElement", source), u16("SyncType", syncType)));
        if (mode != null) {
            in.add(u16("Mode", mode));
        }
        ReplicationCalls.Answer a = calls.invoke(REPLICATION_SERVICE, "CreateElementReplica", in.toArray(CIMArgument<?>[]::new));
        calls.awaitDone(a);
        return a.ref("Synchronization");
    }

    /** A pair as "source>target", the same whichever path form a client got it in. */
    private static String key(CIMObjectPath sync) {
        return diskId((CIMObjectPath) sync.getKey("SystemElement").getValue()) + ">"
                + diskId((CIMObjectPath) sync.getKey("SyncedElement").getValue());
    }

    /** An OUT reference array; the SBLIM client reads an empty VALUE.REFARRAY as null. */
    private static Object[] array(Object refs) {
        return refs == null ? new Object[0] : (Object[]) refs;
    }

    private static Set<String> keys(Object refs) {
        Set<String> out = new TreeSet<>();
        for (Object o : array(refs)) {
            out.add(key((CIMObjectPath) o));
        }
        return out;
    }

    private static List<String> disks(Object refs) {
        List<String> out = new ArrayList<>();
        for (Object o : array(refs)) {
            out.add(diskId((CIMObjectPath) o));
        }
        return out;
    }

    private static ReplicationCalls.Answer relationships(CIMArgument<?>... filters) throws WBEMException {
        return calls.invoke(REPLICATION_SERVICE, "GetReplicationRelationships", filters);
    }

    private static ReplicationCalls.Answer available(CIMArgument<?>... in) throws WBEMException {
        return calls.invoke(REPLICATION_SERVICE, "GetAvailableTargetElements", in);
    }

    @Test
    void relationshipsAreThePairsFilteredByEachParameter() throws WBEMException {
        CIMObjectPath source = volume(poolA, SIZE);
        String syncMirror = key(pair(source, 6, 2));
        String asyncMirror = key(pair(source, 6, 3));
        String snapshot = key(pair(source, 7, null));
        String clone = key(pair(source, 8, null));
        Set<String> enumerated = new TreeSet<>();
        for (CIMObjectPath p : all(client.enumerateInstanceNames(classPath(NS, "MSISCSITARGET_StorageSynchronized")))) {
            enumerated.add(key(p));
        }

        ReplicationCalls.Answer everything = relationships();
        assertEquals(0, everything.returnValue(), everything::toString);
        assertEquals(enumerated, keys(everything.out().get("Synchronizations")));
        assertEquals(enumerated, keys(relationships(u16("Type", 2), u16("Locality", 2)).out().get("Synchronizations")));
        assertEquals(Set.of(snapshot), keys(relationships(u16("SyncType", 7)).out().get("Synchronizations")));
        assertTrue(keys(relationships(u16("SyncType", 6), u16("Mode", 3)).out().get("Synchronizations")).contains(asyncMirror));
        assertTrue(!keys(relationships(u16("Mode", 3)).out().get("Synchronizations")).contains(syncMirror));
        Set<String> synchronized4 = keys(relationships(u16("CopyState", 4)).out().get("Synchronizations"));
        assertTrue(synchronized4.containsAll(Set.of(syncMirror, asyncMirror, snapshot, clone)), synchronized4::toString);
        for (Object o : (Object[]) relationships(u16("CopyState", 4)).out().get("Synchronizations")) {
            assertEquals(4, uint16(calls.get(ReplicationCalls.inNamespace((CIMObjectPath) o)), "CopyState"));
        }
        assertEquals(Set.of(), keys(relationships(u16("Type", 3)).out().get("Synchronizations")), "no group relationships");
        assertEquals(Set.of(), keys(relationships(u16("Locality", 3)).out().get("Synchronizations")), "nothing remote");
        assertEquals(Set.of(), keys(relationships(u16("SyncType", 9)).out().get("Synchronizations")));

        for (CIMArgument<?> bad : List.of(u16("Type", 4), u16("SyncType", 5), u16("Mode", 1), u16("Locality", 4),
                u16("CopyState", 1), u16("CopyState", 19))) {
            assertEquals(5, relationships(bad).returnValue(), bad.getName() + "=" + bad.getValue());
        }
    }

    @Test
    void availableTargetsAreTheVolumesCreateElementReplicaAccepts() throws WBEMException {
        CIMObjectPath source = volume(poolA, SIZE);
        CIMObjectPath freeA = volume(poolA, SIZE);
        CIMObjectPath freeB = volume(poolB, SIZE);
        CIMObjectPath bigger = volume(poolA, 2 * SIZE);
        CIMObjectPath taken = volume(poolA, SIZE);
        ReplicationCalls.Answer takenBy = calls.invoke(REPLICATION_SERVICE, "CreateElementReplica", u16("SyncType", 7),
                ref("SourceElement", volume(poolA, SIZE)), ref("TargetElement", taken));
        assertEquals(0, takenBy.returnValue(), takenBy::toString);

        ReplicationCalls.Answer all = available(ref("SourceElement", source), u16("SyncType", 6));
        assertEquals(0, all.returnValue(), all::toString);
        List<String> candidates = disks(all.out().get("Candidates"));
        assertTrue(candidates.containsAll(List.of(diskId(freeA), diskId(freeB))), candidates::toString);
        assertTrue(!candidates.contains(diskId(bigger)) && !candidates.contains(diskId(taken)) && !candidates.contains(diskId(source)),
                candidates::toString);
        assertEquals(List.of(diskId(freeB)), disks(available(ref("SourceElement", source), u16("SyncType", 8),
                refs("TargetPools", pool(poolB))).out().get("Candidates")));
        List<String> inA = disks(available(ref("SourceElement", source), u16("SyncType", 7),
                ref("TargetSettingGoal", setting(poolA))).out().get("Candidates"));
        assertTrue(inA.contains(diskId(freeA)) && !inA.contains(diskId(freeB)), inA::toString);
        assertEquals(1, disks(available(ref("SourceElement", source), u16("SyncType", 6), u16("MaxElementCount", 1))
                .out().get("Candidates")).size());
        assertEquals(List.of(), disks(available(ref("SourceElement", taken), u16("SyncType", 6)).out().get("Candidates")),
                "a replica target cannot be a source");

        assertEquals(1, available(ref("SourceElement", source), u16("SyncType", 7), u16("Mode", 3)).returnValue(),
                "asynchronous snapshots are not advertised");
        assertEquals(1, available(ref("SourceElement", source), u16("SyncType", 9)).returnValue());
        assertEquals(5, available(ref("SourceElement", source), u16("SyncType", 4)).returnValue());
        assertEquals(5, available(ref("SourceElement", ReplicationCalls.volume("disk-404")), u16("SyncType", 6)).returnValue());
        assertEquals(5, available(ref("SourceElement", source), u16("SyncType", 6), refs("TargetPools", pool("pool-404"))).returnValue());

        // every candidate really is one
        for (String candidate : candidates) {
            ReplicationCalls.Answer made = calls.invoke(REPLICATION_SERVICE, "CreateElementReplica", u16("SyncType", 6),
                    ref("SourceElement", source), ref("TargetElement", ReplicationCalls.volume(candidate)));
            calls.awaitDone(made);
        }
        assertEquals(List.of(), disks(available(ref("SourceElement", source), u16("SyncType", 6)).out().get("Candidates")));
    }

    @Test
    void theCopyServicesQueryListsWhatAttachReplicaAccepts() throws WBEMException {
        CIMObjectPath source = volume(poolB, 3 * SIZE);
        CIMObjectPath free = volume(poolB, 3 * SIZE);
        ReplicationCalls.Answer a = calls.invoke(CONFIGURATION_SERVICE, "GetAvailableTargetElements",
                ref("SourceElement", source), u16("CopyType", 4));
        assertEquals(0, a.returnValue(), a::toString);
        assertEquals(List.of(diskId(free)), disks(a.out().get("Candidates")));
        assertEquals(5, calls.invoke(CONFIGURATION_SERVICE, "GetAvailableTargetElements", ref("SourceElement", source),
                u16("CopyType", 7)).returnValue());
        ReplicationCalls.Answer attached = calls.invoke(CONFIGURATION_SERVICE, "AttachReplica", ref("SourceElement", source),
                ref("TargetElement", free), u16("CopyType", 4));
        calls.awaitDone(attached);
        assertEquals(List.of(), disks(calls.invoke(CONFIGURATION_SERVICE, "GetAvailableTargetElements",
                ref("SourceElement", source), u16("CopyType", 4)).out().get("Candidates")));
    }

    @Test
    void wbemcliAsksWhatAPairAcceptsNow() throws WBEMException {
        assertTrue(Wbemcli.installed(), "the end-to-end tests need wbemcli (Debian package sblim-wbemcli)");
        CIMObjectPath source = volume(poolA, SIZE);
        CIMObjectPath sync = pair(source, 7, null);
        String host = "127.0.0.1:" + server.port();
        String capabilities = "http://" + host + "/" + NS + ":MSISCSITARGET_ReplicationServiceCapabilities.InstanceID="
                + "\"iscsi-smis:ReplicationServiceCapabilities\"";
        String syncArg = host + "/" + NS + ":MSISCSITARGET_StorageSynchronized.SystemElement=" + cliVolume(diskId(source))
                + ",SyncedElement=" + cliVolume(diskId((CIMObjectPath) sync.getKey("SyncedElement").getValue()));
        Wbemcli.Result r = Wbemcli.run("cm", capabilities, "GetSupportedOperationsForSynchronization.Synchronization=" + syncArg);
        assertEquals(0, r.exitCode(), r::toString);
        // an active snapshot: Deactivate, Resync Replica, Restore from Replica, Return To ResourcePool; never Detach
        assertTrue(r.out().contains("GetSupportedOperationsForSynchronization: 0, SupportedOperations (uint16): 7,14,15,19,"),
                r::toString);
        String service = "http://" + host + "/" + NS + ":" + REPLICATION_SERVICE + ".CreationClassName=\"" + REPLICATION_SERVICE
                + "\",Name=\"ReplicationService\",SystemCreationClassName=\"MSFTSM_ComputerSystem\",SystemName=\"iscsi-smis\"";
        Wbemcli.Result bad = Wbemcli.run("cm", service, "GetReplicationRelationships.CopyState=99");
        assertTrue(bad.out().contains("GetReplicationRelationships: 5"), bad::toString);
    }

    private static CIMArgument<CIMObjectPath[]> refs(String name, CIMObjectPath... paths) {
        return new CIMArgument<>(name, new CIMDataType(paths[0].getObjectName(), 0), paths);
    }

    private static CIMObjectPath setting(String poolId) {
        return new CIMObjectPath(null, null, null, NS, "MSISCSITARGET_StorageSetting", new CIMProperty<?>[] {
                new CIMProperty<>("InstanceID", CIMDataType.STRING_T, "iscsi-smis:StorageSetting:" + poolId, true, false, null)});
    }
}
