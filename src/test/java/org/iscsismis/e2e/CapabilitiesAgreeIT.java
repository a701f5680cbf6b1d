package org.iscsismis.e2e;

import static org.iscsismis.e2e.ReplicationCalls.CONFIGURATION_SERVICE;
import static org.iscsismis.e2e.ReplicationCalls.REPLICATION_SERVICE;
import static org.iscsismis.e2e.ReplicationCalls.diskId;
import static org.iscsismis.e2e.ReplicationCalls.ref;
import static org.iscsismis.e2e.ReplicationCalls.replicationSettings;
import static org.iscsismis.e2e.ReplicationCalls.text;
import static org.iscsismis.e2e.ReplicationCalls.u16;
import static org.iscsismis.e2e.ReplicationCalls.uint16;
import static org.iscsismis.e2e.SblimClients.all;
import static org.iscsismis.e2e.SblimClients.assertCimError;
import static org.iscsismis.e2e.SblimClients.classPath;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.metricshub.wbem.javax.cim.CIMArgument;
import org.metricshub.wbem.javax.cim.CIMInstance;
import org.metricshub.wbem.javax.cim.CIMObjectPath;
import org.metricshub.wbem.javax.wbem.WBEMException;
import org.metricshub.wbem.javax.wbem.client.WBEMClient;

/**
 * What the capabilities advertise is exactly what the services accept, walked through the SBLIM client: every
 * advertised (SyncType, Mode) is created and the pair shows the Mode it really got, every other combination is refused
 * with the documented return code and changes nothing; recovery modes, features, operations per state and the
 * legacy CopyTypes agree the same way.
 */
class CapabilitiesAgreeIT {

    private static final String NS = ReplicationCalls.NS;
    private static final String RSC = "MSISCSITARGET_ReplicationServiceCapabilities";
    @RegisterExtension
    static final ServerFixture server = ServerFixture.plain();
    private static final WBEMClient client = server.client();
    private static final ReplicationCalls calls = server.calls();
    private static String poolId;

    @BeforeAll
    static void start() {
        poolId = server.server().target().disks().createPool("capabilities-pool", 1L << 30).id();
    }

    // ------------------------------------------------------------------ helpers

    private static CIMObjectPath capabilities() throws WBEMException {
        return ReplicationCalls.inNamespace(all(client.enumerateInstanceNames(classPath(NS, RSC))).get(0));
    }

    private static ReplicationCalls.Answer ask(String method, CIMArgument<?>... in) throws WBEMException {
        ReplicationCalls.Answer a = calls.invokeOn(capabilities(), method, in);
        assertEquals(0, a.returnValue(), () -> method + " " + a);
        return a;
    }

    private static List<Integer> ints(Object array) {
        List<Integer> out = new ArrayList<>();
        for (Object o : (Object[]) array) {
            out.add(((Number) o).intValue());
        }
        return out;
    }

    private static List<Integer> supportedTypes() throws WBEMException {
        return ints(calls.get(capabilities()).getPropertyValue("SupportedReplicationTypes"));
    }

    /** The (SyncType, Mode) of a ReplicationType code, as the service converts it. */
    private static int[] kindOf(int replicationType) throws WBEMException {
        ReplicationCalls.Answer a = ask("ConvertReplicationTypeToSyncType", u16("ReplicationType", replicationType));
        assertEquals(2, ((Number) a.out().get("LocalOrRemote")).intValue());
        return new int[] {((Number) a.out().get("SyncType")).intValue(), ((Number) a.out().get("Mode")).intValue()};
    }

    private static int replicationTypeOf(int syncType, int mode) throws WBEMException {
        ReplicationCalls.Answer a = ask("ConvertSyncTypeToReplicationType", u16("SyncType", syncType), u16("Mode", mode),
                u16("LocalOrRemote", 2));
        return ((Number) a.out().get("SupportedReplicationTypes")).intValue();
    }

    private static CIMObjectPath newSource(String name) throws WBEMException {
        return calls.newVolume(poolId, 1L << 20, name);
    }

    /** The pairs and volumes a client sees: what a refused call must leave as it was. */
    private static Set<String> world() throws WBEMException {
        Set<String> out = new TreeSet<>();
        for (CIMInstance p : all(client.enumerateInstances(classPath(NS, "MSISCSITARGET_StorageSynchronized"), true, false, false, null))) {
            out.add("pair " + Arrays.toString(p.getProperties()));
        }
        for (CIMObjectPath v : all(client.enumerateInstanceNames(classPath(NS, "MSISCSITARGET_StorageVolume")))) {
            out.add("volume " + diskId(v));
        }
        return out;
    }

    private static ReplicationCalls.Answer create(CIMObjectPath source, Integer syncType, Integer mode, CIMArgument<?>... more)
            throws WBEMException {
        List<CIMArgument<?>> in = new ArrayList<>(List.of(ref("SourceElement", source)));
        if (syncType != null) {
            in.add(u16("SyncType", syncType));
        }
        if (mode != null) {
            in.add(u16("Mode", mode));
        }
        in.addAll(List.of(more));
        return calls.invoke(REPLICATION_SERVICE, "CreateElementReplica", in.toArray(CIMArgument<?>[]::new));
    }

    private static ReplicationCalls.Answer modify(CIMObjectPath sync, int operation) throws WBEMException {
        return calls.invoke(REPLICATION_SERVICE, "ModifyReplicaSynchronization", u16("Operation", operation),
                ref("Synchronization", sync));
    }

    // ------------------------------------------------------------------ SyncType and Mode

    @Test
    void everyAdvertisedKindIsCreatedAndShowsTheModeItGot() throws WBEMException {
        List<Integer> types = supportedTypes();
        assertFalse(types.isEmpty());
        for (int code : types) {
            int[] kind = kindOf(code);
            CIMObjectPath source = newSource("advertised-" + code);
            ReplicationCalls.Answer a = create(source, kind[0], kind[1]);
            calls.awaitDone(a);
            CIMInstance pair = calls.get(a.ref("Synchronization"));
            assertEquals(kind[0], uint16(pair, "SyncType"), pair::toString);
            assertEquals(kind[1], uint16(pair, "Mode"), () -> "ReplicationType " + code + ": " + pair);
            assertEquals(code, replicationTypeOf(uint16(pair, "SyncType"), uint16(pair, "Mode")));

            ReplicationCalls.Answer supported = ask("GetSynchronizationSupported", ref("LocalElement", newSource("other-" + code)),
                    u16("MethodName", 2));
            List<Integer> syncTypes = ints(supported.out().get("SyncTypes"));
            List<Integer> modes = ints(supported.out().get("Modes"));
            boolean listed = false;
            for (int i = 0; i < syncTypes.size(); i++) {
                listed |= syncTypes.get(i) == kind[0] && modes.get(i) == kind[1];
            }
            assertTrue(listed, () -> "GetSynchronizationSupported lists " + syncTypes + " / " + modes);
        }
    }

    @Test
    void aNullModeLetsTheServiceDecideAndThePairShowsAnAdvertisedMode() throws WBEMException {
        List<Integer> types = supportedTypes();
        for (int syncType : List.of(6, 7, 8)) {
            ReplicationCalls.Answer a = create(newSource("null-mode-" + syncType), syncType, null);
            calls.awaitDone(a);
            CIMInstance pair = calls.get(a.ref("Synchronization"));
            int mode = uint16(pair, "Mode");
            assertTrue(types.contains(replicationTypeOf(syncType, mode)), () -> "SyncType " + syncType + " got Mode " + mode);
        }
    }

    @Test
    void everyOtherSyncTypeAndModeIsRefusedAndChangesNothing() throws WBEMException {
        Set<List<Integer>> advertised = new java.util.HashSet<>();
        for (int code : supportedTypes()) {
            int[] kind = kindOf(code);
            advertised.add(List.of(kind[0], kind[1]));
        }
        CIMObjectPath source = newSource("refused");
        Set<String> before = world();
        List<Integer> modes = new ArrayList<>(Arrays.asList(0, 1, 2, 3, 4, 5, 0x8000));
        modes.add(null);
        for (int syncType : List.of(0, 5, 6, 7, 8, 9, 10, 0x8000)) {
            for (Integer mode : modes) {
                if (mode == null ? syncType >= 6 && syncType <= 8 : advertised.contains(List.of(syncType, mode))) {
                    continue;
                }
                // checked in order: a SyncType outside its map is 5, one it has but the service does not run 1;
                // then a Mode outside its map (2 Synchronous, 3 Asynchronous, 4 Adaptive) is 5, one in it 1
                long expected = syncType < 6 || syncType > 9 ? 5 : syncType == 9 ? 1 : mode < 2 || mode > 4 ? 5 : 1;
                ReplicationCalls.Answer a = create(source, syncType, mode);
                assertEquals(expected, a.returnValue(), () -> "SyncType " + syncType + ", Mode " + mode + ": " + a);
            }
        }
        assertEquals(before, world());
    }

    // ------------------------------------------------------------------ recovery and features

    @Test
    void recoveryModesAreTheAdvertisedOnesAndFeaturesSayTheSame() throws WBEMException {
        for (int code : supportedTypes()) {
            int[] kind = kindOf(code);
            List<Integer> values = ints(ask("GetSupportedReplicationSettingData", u16("ReplicationType", code),
                    u16("PropertyName", 11)).out().get("SupportedValues"));
            List<Integer> features = ints(ask("GetSupportedFeatures", u16("ReplicationType", code)).out().get("Features"));
            assertEquals(values.contains(2), features.contains(15), () -> "ReplicationType " + code + ": recovery " + values
                    + ", features " + features);
            CIMInstance defaults = (CIMInstance) ask("GetDefaultReplicationSettingData", u16("ReplicationType", code))
                    .out().get("DefaultInstance");
            int standard = ((Number) defaults.getPropertyValue("CopyRecoveryMode")).intValue();
            assertTrue(values.contains(standard), () -> "the default " + standard + " is not advertised: " + values);

            CIMInstance byDefault = calls.get(awaited(create(newSource("recovery-" + code), kind[0], kind[1])));
            assertEquals(standard, uint16(byDefault, "CopyRecoveryMode"), byDefault::toString);
            CIMObjectPath source = newSource("recovery-asked-" + code);
            for (int asked : List.of(0, 2, 3, 4, 5, 99)) {
                Set<String> before = world();
                ReplicationCalls.Answer a = create(source, kind[0], kind[1], replicationSettings(Map.of("CopyRecoveryMode", asked)));
                if (asked == 0 || values.contains(asked)) {
                    CIMInstance pair = calls.get(awaited(a));
                    assertEquals(asked == 0 || asked == 4 ? standard : asked, uint16(pair, "CopyRecoveryMode"), pair::toString);
                } else {
                    assertEquals(asked == 2 || asked == 3 ? 1 : 5, a.returnValue(), () -> "CopyRecoveryMode " + asked + ": " + a);
                    assertEquals(before, world());
                }
            }
        }
    }

    private static CIMObjectPath awaited(ReplicationCalls.Answer a) throws WBEMException {
        calls.awaitDone(a);
        return a.ref("Synchronization");
    }

    @Test
    void aSnapshotStaysAssociatedUntilItIsReturnedToThePool() throws WBEMException {
        assertTrue(ints(ask("GetSupportedFeatures", u16("ReplicationType", 6)).out().get("Features")).contains(16));
        ReplicationCalls.Answer snap = create(newSource("kept"), 7, null);
        assertEquals(0, snap.returnValue(), snap::toString);
        CIMObjectPath sync = snap.ref("Synchronization");
        assertEquals(0, modify(sync, 7).returnValue(), "Deactivate");
        assertEquals(8, uint16(calls.get(sync), "CopyState"));
        Set<String> before = world();
        assertEquals(1, modify(sync, 8).returnValue(), "Detach of a snapshot");
        assertEquals(1, modify(sync, 9).returnValue(), "Dissolve of a snapshot");
        assertCimError(7, () -> client.deleteInstance(sync));
        assertEquals(before, world());

        assertEquals(0, modify(sync, 19).returnValue(), "Return To ResourcePool");
        assertCimError(6, () -> calls.get(sync));
        assertCimError(6, () -> calls.get(snap.ref("TargetElement")));
    }

    // ------------------------------------------------------------------ operations

    @Test
    void theOperationsAdvertisedForAStateAreAcceptedAndNoOthers() throws WBEMException {
        for (int code : supportedTypes()) {
            int[] kind = kindOf(code);
            CIMObjectPath base = awaited(create(newSource("ops-" + code), kind[0], kind[1]));
            int state = uint16(calls.get(base), "CopyState");
            List<Integer> ops = ints(ask("GetSupportedOperations", u16("ReplicationType", code), u16("CopyState", state))
                    .out().get("SupportedOperations"));
            assertEquals(ops, ints(ask("GetSupportedOperationsForSynchronization", ref("Synchronization", base))
                    .out().get("SupportedOperations")));
            for (int op = 2; op <= 27; op++) {
                if (ops.contains(op)) {
                    CIMObjectPath fresh = awaited(create(newSource("op-" + code + "-" + op), kind[0], kind[1]));
                    ReplicationCalls.Answer a = modify(fresh, op);
                    calls.awaitDone(a);
                } else {
                    CIMInstance before = calls.get(base);
                    ReplicationCalls.Answer a = modify(base, op);
                    int o = op;
                    assertTrue(a.returnValue() == 1 || a.returnValue() == 5, () -> "Operation " + o + " on " + code + ": " + a);
                    assertEquals(Arrays.asList(before.getProperties()), Arrays.asList(calls.get(base).getProperties()));
                }
            }
        }
    }

    // ------------------------------------------------------------------ the legacy (Copy Services) view

    @Test
    void theLegacyCopyTypesAreTheOnesCreateReplicaMakes() throws WBEMException {
        CIMObjectPath legacy = ReplicationCalls.inNamespace(all(client.enumerateInstanceNames(
                classPath(NS, "MSISCSITARGET_StorageConfigurationCapabilities"))).get(0));
        List<Integer> copyTypes = ints(calls.get(legacy).getPropertyValue("SupportedCopyTypes"));
        assertEquals(List.of(2, 3, 4, 5), copyTypes);
        for (int copyType : copyTypes) {
            ReplicationCalls.Answer a = calls.invoke(CONFIGURATION_SERVICE, "CreateReplica",
                    ref("SourceElement", newSource("legacy-" + copyType)), u16("CopyType", copyType));
            calls.awaitDone(a);
            CIMObjectPath replica = a.ref("TargetElement");
            assertEquals(diskId(replica), calls.get(replica).getPropertyValue("DeviceID"));
            // 5 UnSyncUnAssoc: the association is gone once the copy is complete
            assertEquals(copyType == 5, all(client.referenceNames(replica, "MSISCSITARGET_StorageSynchronized", null)).isEmpty());
        }
        CIMObjectPath source = newSource("legacy-refused");
        Set<String> before = world();
        for (int copyType : List.of(0, 1, 6, 0x8000)) {
            assertEquals(5, calls.invoke(CONFIGURATION_SERVICE, "CreateReplica", ref("SourceElement", source),
                    u16("CopyType", copyType)).returnValue(), "CopyType " + copyType);
        }
        assertEquals(before, world());
    }

    @Test
    void theClientNamesANewTarget() throws WBEMException {
        assertTrue(ints(ask("GetSupportedFeatures", u16("ReplicationType", 10)).out().get("Features")).contains(51));
        ReplicationCalls.Answer a = create(newSource("named-source"), 8, null, text("ElementName", "named by the client"));
        calls.awaitDone(a);
        assertEquals("named by the client", calls.get(a.ref("TargetElement")).getPropertyValue("ElementName"));
    }
}
