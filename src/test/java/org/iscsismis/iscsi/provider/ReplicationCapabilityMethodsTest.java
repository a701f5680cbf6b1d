package org.iscsismis.iscsi.provider;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.iscsismis.cim.CimInstance;
import org.iscsismis.cim.CimName;
import org.iscsismis.cim.CimValue;
import org.iscsismis.cim.ObjectPath;
import org.iscsismis.iscsi.disk.DiskPool;
import org.iscsismis.iscsi.disk.VirtualDisk;
import org.iscsismis.iscsi.disk.DiskRegistry;
import org.iscsismis.provider.MethodArguments;
import org.iscsismis.provider.MethodResult;
import org.iscsismis.provider.ProviderContext;
import org.iscsismis.replication.CopyState;
import org.iscsismis.replication.EngineConfig;
import org.iscsismis.replication.Mode;
import org.iscsismis.replication.PairSnapshot;
import org.iscsismis.replication.PairSpec;
import org.iscsismis.replication.ReplicationEngine;
import org.iscsismis.repository.CimRepository;
import org.iscsismis.server.PackagedSchema;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The GetSupported* answers of MSISCSITARGET_ReplicationServiceCapabilities against a real engine. */
class ReplicationCapabilityMethodsTest {

    static CimRepository schema;
    ReplicationEngine engine;
    ServiceCapabilitiesProvider provider;
    ProviderContext ctx;
    VirtualDisk source;
    VirtualDisk target;
    VirtualDisk free;
    VirtualDisk small;

    @BeforeAll
    static void loadSchema() {
        schema = PackagedSchema.load();
    }

    @BeforeEach
    void setUp() throws Exception {
        engine = new ReplicationEngine(new DiskRegistry(), EngineConfig.defaults());
        DiskPool pool = engine.disks().createPool("p", 1L << 30);
        source = engine.disks().createDisk(pool.id(), "a", 1L << 20, 512);
        free = engine.disks().createDisk(pool.id(), "b", 1L << 20, 512);
        small = engine.disks().createDisk(pool.id(), "c", 1L << 19, 512);
        PairSnapshot mirror = engine.createPair(PairSpec.mirror(source.id(), Mode.SYNCHRONOUS));
        engine.awaitCopyState(mirror.id(), CopyState.SYNCHRONIZED).get(10, TimeUnit.SECONDS);
        target = engine.disks().disk(mirror.targetDiskId());
        provider = new ServiceCapabilitiesProvider(engine);
        ctx = new ProviderContext(StorageElements.NAMESPACE, schema, Clock.systemUTC());
    }

    @AfterEach
    void tearDown() {
        engine.close();
    }

    MethodResult call(String method, Object... args) {
        Map<CimName, CimValue> in = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i += 2) {
            Object v = args[i + 1];
            in.put(CimName.of((String) args[i]), v instanceof CimValue c ? c : CimValue.ofUint16((Integer) v));
        }
        return provider.invokeMethod(ctx, SystemElements.replicationServiceCapabilitiesPath(ctx.namespace()),
                CimName.of(method), MethodArguments.of(in));
    }

    static long rc(MethodResult r) {
        return r.returnValue().asLong();
    }

    static List<Object> out(MethodResult r, String name) {
        return r.outParameters().get(CimName.of(name)).values();
    }

    static List<Long> longs(MethodResult r, String name) {
        return out(r, name).stream().map(o -> ((Number) o).longValue()).toList();
    }

    static List<Object> ints(Integer... values) {
        return List.of((Object[]) values);
    }

    @Test
    void operationsPerReplicationTypeAndState() {
        MethodResult mirror = call("GetSupportedOperations", "ReplicationType", 2);
        assertEquals(0, rc(mirror));
        assertEquals(ints(2, 4, 8, 9, 12, 14, 15, 16, 17, 18, 21, 22), out(mirror, "SupportedOperations"));
        assertEquals(12, out(mirror, "ServiceControlling").size());
        assertEquals(12, out(mirror, "RequiresForce").size());
        MethodResult fractured = call("GetSupportedOperations", "ReplicationType", 3, "CopyState", 6);
        assertEquals(ints(8, 9, 14, 15, 17, 18), out(fractured, "SupportedOperations"));
        MethodResult snapshot = call("GetSupportedOperations", "ReplicationType", 6);
        assertTrue(out(snapshot, "SupportedOperations").contains(19)); // Return To ResourcePool
        assertTrue(!out(snapshot, "SupportedOperations").contains(12)); // no Fracture
        assertEquals(1, rc(call("GetSupportedOperations", "ReplicationType", 4))); // remote: not supported
        assertEquals(1, rc(call("GetSupportedOperations", "ReplicationType", 7))); // asynchronous snapshot
        assertEquals(5, rc(call("GetSupportedOperations", "ReplicationType", 99)));
        assertEquals(5, rc(call("GetSupportedOperations")));
        assertEquals(5, rc(call("GetSupportedOperations", "ReplicationType", 2, "CopyState", 99)));
    }

    @Test
    void copyStatesAndWaitStates() {
        MethodResult clone = call("GetSupportedCopyStates", "ReplicationType", 10);
        assertEquals(ints(2, 3, 4, 5, 6, 9, 12, 16), out(clone, "SupportedCopyStates"));
        // hosts may use a clone's target once its copy has finished (Synchronized) and while it is fractured
        assertEquals(List.of(false, false, true, false, true, false, false, false), out(clone, "HostAccessible"));
        MethodResult mirror = call("GetSupportedCopyStates", "ReplicationType", 2);
        assertEquals(ints(2, 3, 4, 5, 6, 7, 9, 12, 16), out(mirror, "SupportedCopyStates"));
        assertEquals(List.of(false, false, false, false, true, true, false, false, false), out(mirror, "HostAccessible"));
        MethodResult snapshot = call("GetSupportedCopyStates", "ReplicationType", 6);
        assertFalse(out(snapshot, "HostAccessible").contains(true), "a snapshot's target is never the host's to write");
        // with an Operation: the states that accept it (Fracture: Unsynchronized, Synchronized; Restore: Fractured, Split)
        assertEquals(ints(3, 4), out(call("GetSupportedCopyStates", "ReplicationType", 2, "Operation", 12), "SupportedCopyStates"));
        MethodResult restore = call("GetSupportedCopyStates", "ReplicationType", 2, "Operation", 15);
        assertEquals(ints(6, 7), out(restore, "SupportedCopyStates"));
        assertEquals(List.of(true, true), out(restore, "HostAccessible"));
        assertEquals(1, rc(call("GetSupportedCopyStates", "ReplicationType", 2, "Operation", 10))); // Failover
        assertEquals(1, rc(call("GetSupportedCopyStates", "ReplicationType", 6, "Operation", 12))); // no snapshot Fracture
        assertEquals(5, rc(call("GetSupportedCopyStates", "ReplicationType", 2, "Operation", 40)));

        assertEquals(ints(2, 3, 4), out(call("GetSupportedWaitForCopyStates", "ReplicationType", 2, "MethodName", 2),
                "SupportedCopyStates"));
        assertEquals(ints(3, 4), out(call("GetSupportedWaitForCopyStates", "ReplicationType", 2, "MethodName", 4,
                "Operation", 14), "SupportedCopyStates"));
        assertEquals(1, rc(call("GetSupportedWaitForCopyStates", "ReplicationType", 2, "MethodName", 3))); // groups
        assertEquals(5, rc(call("GetSupportedWaitForCopyStates", "ReplicationType", 2)));
    }

    @Test
    void featuresMaximaAndSettings() {
        assertEquals(ints(8, 15, 24, 44, 51), out(call("GetSupportedFeatures", "ReplicationType", 2), "Features"));
        // a snapshot must remain associated (16) and never recovers by itself (no 15)
        assertEquals(ints(8, 16, 24, 44, 51), out(call("GetSupportedFeatures", "ReplicationType", 6), "Features"));
        MethodResult hops = call("GetSupportedMaximum", "ReplicationType", 2, "Component", 9);
        assertEquals(0, rc(hops));
        assertEquals(1L, hops.outParameters().get(CimName.of("MaxValue")).asLong());
        assertEquals(7, rc(call("GetSupportedMaximum", "ReplicationType", 2, "Component", 5)));
        assertEquals(5, rc(call("GetSupportedMaximum", "ReplicationType", 2, "Component", 99)));
        assertEquals(List.of(2L, 3L, 4L), longs(call("GetSupportedReplicationSettingData", "ReplicationType", 10, "PropertyName", 11),
                "SupportedValues"));
        assertEquals(List.of(3L, 4L), longs(call("GetSupportedReplicationSettingData", "ReplicationType", 6, "PropertyName", 11),
                "SupportedValues"));
        assertEquals(List.of(2L, 6L), longs(call("GetSupportedReplicationSettingData", "ReplicationType", 6, "PropertyName", 3),
                "SupportedValues"));
        assertEquals(7, rc(call("GetSupportedReplicationSettingData", "ReplicationType", 2, "PropertyName", 4))); // Multihop
        assertEquals(ints(2), out(call("GetSupportedThinProvisioningFeatures", "ReplicationType", 3), "SupportedThinProvisioningFeatures"));
        CimInstance defaults = (CimInstance) call("GetDefaultReplicationSettingData", "ReplicationType", 10)
                .outParameters().get(CimName.of("DefaultInstance")).value();
        assertEquals("CIM_ReplicationSettingData", defaults.className().toString());
        assertEquals(9L, defaults.value("DesiredCopyMethodology").asLong()); // Snap-And-Clone
        assertEquals(2L, defaults.value("CopyRecoveryMode").asLong()); // Automatic
        CimInstance snapshotDefaults = (CimInstance) call("GetDefaultReplicationSettingData", "ReplicationType", 6)
                .outParameters().get(CimName.of("DefaultInstance")).value();
        assertEquals(3L, snapshotDefaults.value("CopyRecoveryMode").asLong()); // Manual
    }

    @Test
    void conversionsFollowTheValueMaps() {
        MethodResult toType = call("ConvertSyncTypeToReplicationType", "SyncType", 7, "Mode", 2, "LocalOrRemote", 2);
        assertEquals(6L, toType.outParameters().get(CimName.of("SupportedReplicationTypes")).asLong());
        MethodResult back = call("ConvertReplicationTypeToSyncType", "ReplicationType", 11);
        assertEquals(8L, back.outParameters().get(CimName.of("SyncType")).asLong());
        assertEquals(3L, back.outParameters().get(CimName.of("Mode")).asLong());
        assertEquals(2L, back.outParameters().get(CimName.of("LocalOrRemote")).asLong());
        assertEquals(5, rc(call("ConvertSyncTypeToReplicationType", "SyncType", 5, "Mode", 2, "LocalOrRemote", 2)));
        assertEquals(5, rc(call("ConvertReplicationTypeToSyncType", "ReplicationType", 1)));
    }

    @Test
    void groupAndRemoteQueriesAreNotSupported() {
        for (String m : List.of("GetSupportedGroupOperations", "GetSupportedGroupFeatures", "GetSupportedGroupCopyStates",
                "GetSupportedListOperations", "GetSupportedConsistency", "GetDefaultConsistency", "GetDefaultGroupPersistency",
                "GetSupportedSettingsDefineStateOperations", "GetSupportedConnectionFeatures")) {
            assertEquals(1, rc(call(m, "ReplicationType", 2)), m);
        }
    }

    CimValue ref(VirtualDisk disk) {
        return CimValue.ofReference(StorageElements.volumePath(disk.id(), ctx.namespace()));
    }

    @Test
    void synchronizationSupportedFollowsTheTopology() {
        // a free disk: either end of every kind (mirror sync + async, snapshot, clone)
        MethodResult any = call("GetSynchronizationSupported", "MethodName", 2, "LocalElement", ref(free));
        assertEquals(ints(6, 6, 7, 8, 6, 6, 7, 8), out(any, "SyncTypes"));
        assertEquals(ints(2, 3, 2, 2, 2, 3, 2, 2), out(any, "Modes"));
        assertEquals(ints(2, 2, 2, 2, 3, 3, 3, 3), out(any, "LocalElementRole"));
        // a source may take more replicas but cannot become a target; a target can be neither
        assertEquals(ints(2, 2, 2, 2), out(call("GetSynchronizationSupported", "MethodName", 2, "LocalElement", ref(source)),
                "LocalElementRole"));
        assertEquals(List.of(), out(call("GetSynchronizationSupported", "MethodName", 2, "LocalElement", ref(target)),
                "LocalElementRole"));
        // with the other end given: sizes must match
        assertEquals(ints(3, 3, 3, 3), out(call("GetSynchronizationSupported", "MethodName", 2, "LocalElement", ref(free),
                "OtherElement", ref(source)), "LocalElementRole"));
        assertEquals(List.of(), out(call("GetSynchronizationSupported", "MethodName", 2, "LocalElement", ref(small),
                "OtherElement", ref(source)), "LocalElementRole"));
        ObjectPath notOurs = StorageElements.volumePath("disk-99", ctx.namespace());
        assertEquals(5, rc(call("GetSynchronizationSupported", "MethodName", 2, "LocalElement", CimValue.ofReference(notOurs))));
        assertEquals(1, rc(call("GetSynchronizationSupported", "MethodName", 3, "LocalElement", ref(free))));
    }

    @Test
    void replicationTypesForOurSystemOnly() {
        MethodResult ours = call("GetSupportedReplicationTypesForSystem", "System",
                CimValue.ofReference(SystemElements.systemPath(ctx.namespace())));
        assertEquals(ints(2, 3, 6, 10), out(ours, "SupportedReplicationTypes"));
        ObjectPath other = ObjectPath.builder(SystemElements.COMPUTER_SYSTEM).namespace(ctx.namespace())
                .key("CreationClassName", "MSFTSM_ComputerSystem").key("Name", "elsewhere").build();
        assertEquals(5, rc(call("GetSupportedReplicationTypesForSystem", "System", CimValue.ofReference(other))));
    }
}
