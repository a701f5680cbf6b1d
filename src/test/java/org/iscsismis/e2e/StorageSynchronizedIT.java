package org.iscsismis.e2e;

import static org.iscsismis.e2e.SblimClients.all;
import static org.iscsismis.e2e.SblimClients.assertCimError;
import static org.iscsismis.e2e.SblimClients.classPath;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.iscsismis.replication.CopyPriority;
import org.iscsismis.replication.PairSnapshot;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.metricshub.wbem.javax.cim.CIMClass;
import org.metricshub.wbem.javax.cim.CIMClassProperty;
import org.metricshub.wbem.javax.cim.CIMDataType;
import org.metricshub.wbem.javax.cim.CIMInstance;
import org.metricshub.wbem.javax.cim.CIMObjectPath;
import org.metricshub.wbem.javax.cim.CIMProperty;
import org.metricshub.wbem.javax.cim.CIMQualifier;
import org.metricshub.wbem.javax.cim.UnsignedInteger16;
import org.metricshub.wbem.javax.wbem.WBEMException;
import org.metricshub.wbem.javax.wbem.client.WBEMClient;

/**
 * MSISCSITARGET_StorageSynchronized (and the pools and volumes it links) served live from the replication engine of
 * a server started with the demo: a synchronous mirror (Synchronized), a snapshot and a clone in progress.
 * Witnesses: the SBLIM Java client and wbemcli.
 */
class StorageSynchronizedIT {

    static final String NS = "root/cimv2/storage/iscsitarget";
    static final String SYNC = "MSISCSITARGET_StorageSynchronized";
    @RegisterExtension
    static final ServerFixture server = ServerFixture.demo();
    private static final WBEMClient client = server.client();

    static int u16(CIMInstance i, String name) {
        return ((Number) i.getPropertyValue(name)).intValue();
    }

    /** The demo's pairs by SyncType. */
    static Map<Integer, CIMInstance> pairsBySyncType(String className) throws WBEMException {
        Map<Integer, CIMInstance> out = new TreeMap<>();
        for (CIMInstance i : all(client.enumerateInstances(classPath(NS, className), true, false, false, null))) {
            out.put(u16(i, "SyncType"), i);
        }
        return out;
    }

    @Test
    void enumeratesTheThreeDemoPairsWithLiveStates() throws WBEMException {
        Map<Integer, CIMInstance> pairs = pairsBySyncType(SYNC);
        assertEquals(List.of(6, 7, 8), List.copyOf(pairs.keySet()));
        CIMInstance mirror = pairs.get(6);
        assertEquals(4, u16(mirror, "CopyState")); // Synchronized
        assertEquals(6, u16(mirror, "SyncState")); // Synchronized
        assertEquals(3, u16(mirror, "CopyType")); // Sync
        assertEquals(2, u16(mirror, "Mode")); // Synchronous
        assertEquals(100, u16(mirror, "PercentSynced"));
        assertEquals(Boolean.TRUE, mirror.getPropertyValue("SyncMaintained"));
        assertTrue(mirror.getPropertyValue("WhenSynchronized") != null);
        assertTrue(mirror.getPropertyValue("WhenSuspended") == null);
        assertEquals(4, u16(pairs.get(7), "CopyState")); // the snapshot is active: Synchronized
        assertEquals(4, u16(pairs.get(7), "ReplicaType")); // After Delta
        CIMInstance clone = pairs.get(8);
        assertEquals(3, u16(clone, "CopyState")); // Unsynchronized: still filling
        assertEquals(6, u16(clone, "ProgressStatus")); // Synchronizing
        assertEquals(1, u16(clone, "CopyPriority")); // Low
        assertEquals(9, u16(clone, "CopyMethodology")); // Snap-And-Clone
        assertTrue(u16(clone, "PercentSynced") < 100);
        for (CIMInstance i : pairs.values()) {
            assertEquals(24, i.getPropertyCount(), i::toString);
        }
        assertEquals(3, all(client.enumerateInstanceNames(classPath(NS, SYNC))).size());
    }

    @Test
    void everyPropertyHasItsDeclaredTypeAndAValueInItsValueMap() throws WBEMException {
        CIMClass declared = client.getClass(classPath(NS, SYNC), false, true, false, null);
        for (CIMInstance pair : pairsBySyncType(SYNC).values()) {
            for (CIMProperty<?> p : pair.getProperties()) {
                CIMClassProperty<?> decl = declared.getProperty(p.getName());
                assertNotNull(decl, () -> p.getName() + " is not declared by " + SYNC);
                assertEquals(decl.getDataType(), p.getDataType(), () -> p.getName() + " of " + pair.getObjectPath());
                CIMQualifier<?> valueMap = decl.getQualifier("ValueMap");
                if (valueMap != null && p.getValue() != null) {
                    long value = ((Number) p.getValue()).longValue();
                    assertTrue(ValueMaps.admits((String[]) valueMap.getValue(), value),
                            () -> p.getName() + "=" + value + " is outside its ValueMap in " + pair.getObjectPath());
                }
            }
            for (String role : List.of("SystemElement", "SyncedElement")) {
                CIMObjectPath end = (CIMObjectPath) pair.getPropertyValue(role);
                assertEquals("MSISCSITARGET_StorageVolume", client.getInstance(end, false, false, null).getClassName());
            }
        }
    }

    @Test
    void poolsAndVolumesAreServed() throws WBEMException {
        List<CIMInstance> pools = all(client.enumerateInstances(classPath(NS, "MSISCSITARGET_StoragePool"), true, false, false, null));
        assertEquals(1, pools.size());
        assertEquals("demo-pool", pools.get(0).getPropertyValue("ElementName"));
        List<CIMInstance> volumes = all(client.enumerateInstances(classPath(NS, "MSISCSITARGET_StorageVolume"), true, false, false, null));
        assertEquals(6, volumes.size()); // three disks, the mirror and snapshot targets, the clone target
        CIMInstance mirror = pairsBySyncType(SYNC).get(6);
        CIMInstance source = client.getInstance((CIMObjectPath) mirror.getPropertyValue("SystemElement"), false, false, null);
        assertEquals("db-data", source.getPropertyValue("ElementName"));
        assertEquals(512L, ((Number) source.getPropertyValue("BlockSize")).longValue());
    }

    @Test
    void referencesAndAssociatorsFromTheMirrorSource() throws WBEMException {
        CIMInstance mirror = pairsBySyncType(SYNC).get(6);
        CIMObjectPath source = (CIMObjectPath) mirror.getPropertyValue("SystemElement");
        CIMObjectPath target = (CIMObjectPath) mirror.getPropertyValue("SyncedElement");
        List<CIMObjectPath> refs = all(client.referenceNames(source, SYNC, null));
        assertEquals(1, refs.size(), refs::toString);
        assertEquals(source.getKey("DeviceID").getValue(),
                ((CIMObjectPath) refs.get(0).getKey("SystemElement").getValue()).getKey("DeviceID").getValue());
        assertEquals(0, all(client.referenceNames(source, SYNC, "SyncedElement")).size());
        assertEquals(1, all(client.referenceNames(target, null, "SyncedElement")).size());
        List<CIMObjectPath> far = all(client.associatorNames(source, SYNC, null, null, null));
        assertEquals(1, far.size(), far::toString);
        assertEquals(target.getKey("DeviceID").getValue(), far.get(0).getKey("DeviceID").getValue());
        assertEquals("db-data-mirror", client.getInstance(far.get(0), false, false, null).getPropertyValue("ElementName"));
    }

    /**
     * The SBLIM client sends a pair's reference keys as KEYVALUE TYPE="CIM_ManagedElement ref" with a
     * WBEM URI as text (not DSP0201's VALUE.REFERENCE): the server accepts that form.
     */
    @Test
    void theSblimClientAddressesAPairByItsReferenceKeys() throws WBEMException {
        CIMInstance mirror = pairsBySyncType(SYNC).get(6);
        CIMObjectPath pair = mirror.getObjectPath();
        CIMInstance read = client.getInstance(pair, false, false, null);
        assertEquals(mirror.getPropertyValue("SyncType"), read.getPropertyValue("SyncType"));
        assertEquals(((CIMObjectPath) mirror.getPropertyValue("SyncedElement")).getKey("DeviceID").getValue(),
                ((CIMObjectPath) read.getPropertyValue("SyncedElement")).getKey("DeviceID").getValue());
        // no association has a pair as an end: an empty answer, not a refused request
        assertEquals(List.of(), all(client.associatorNames(pair, null, null, null, null)));
        assertEquals(List.of(), all(client.referenceNames(pair, null, null)));
    }

    @Test
    void copyPriorityIsWritableAndNothingElse() throws WBEMException {
        CIMInstance mirror = pairsBySyncType(SYNC).get(6);
        CIMObjectPath path = mirror.getObjectPath();
        CIMInstance urgent = mirror.deriveInstance(new CIMProperty<?>[] {
                new CIMProperty<>("CopyPriority", CIMDataType.UINT16_T, new UnsignedInteger16(4))});
        client.modifyInstance(urgent, null); // the whole instance sent back, only CopyPriority changed
        assertEquals(4, u16(client.getInstance(path, false, false, null), "CopyPriority"));
        assertEquals(CopyPriority.URGENT, enginePairOf(mirror).copyPriority()); // the engine itself changed
        client.modifyInstance(mirror.deriveInstance(new CIMProperty<?>[] {
                new CIMProperty<>("CopyPriority", CIMDataType.UINT16_T, new UnsignedInteger16(3))}), new String[] {"CopyPriority"});
        assertEquals(3, u16(client.getInstance(path, false, false, null), "CopyPriority"));

        CIMInstance async = mirror.deriveInstance(new CIMProperty<?>[] {
                new CIMProperty<>("Mode", CIMDataType.UINT16_T, new UnsignedInteger16(3))});
        assertCimError(7, () -> client.modifyInstance(async, new String[] {"Mode"}));
        assertCimError(7, () -> client.modifyInstance(async, null));
        CIMInstance bad = mirror.deriveInstance(new CIMProperty<?>[] {
                new CIMProperty<>("CopyPriority", CIMDataType.UINT16_T, new UnsignedInteger16(9))});
        assertCimError(4, () -> client.modifyInstance(bad, new String[] {"CopyPriority"}));
        CIMInstance after = client.getInstance(path, false, false, null);
        assertEquals(2, u16(after, "Mode"));
        assertEquals(3, u16(after, "CopyPriority"));
        assertEquals(CopyPriority.HIGH, enginePairOf(mirror).copyPriority());
    }

    /** The engine's own view of the pair a StorageSynchronized instance names (by its target disk). */
    static PairSnapshot enginePairOf(CIMInstance sync) {
        String targetDisk = (String) ((CIMObjectPath) sync.getPropertyValue("SyncedElement")).getKey("DeviceID").getValue();
        return server.server().target().engine().pairs().stream()
                .filter(p -> p.targetDiskId().equals(targetDisk)).findFirst().orElseThrow();
    }

    @Test
    void aCloneInProgressCannotBeDeleted() throws WBEMException {
        CIMObjectPath clone = pairsBySyncType(SYNC).get(8).getObjectPath();
        assertCimError(7, () -> client.deleteInstance(clone));
        assertEquals(3, all(client.enumerateInstanceNames(classPath(NS, SYNC))).size());
    }

    @Test
    void theParentClassFansOutToThePairs() throws WBEMException {
        Map<Integer, CIMInstance> pairs = pairsBySyncType("CIM_StorageSynchronized");
        assertEquals(List.of(6, 7, 8), List.copyOf(pairs.keySet()));
        pairs.values().forEach(i -> assertEquals(SYNC, i.getClassName()));
    }

    @Test
    void wbemcliEnumeratesTheClass() {
        assertTrue(Wbemcli.installed(), "the end-to-end tests need wbemcli (Debian package sblim-wbemcli)");
        Wbemcli.Result r = Wbemcli.run("ei", "http://127.0.0.1:" + server.port() + "/" + NS + ":" + SYNC);
        assertEquals(0, r.exitCode(), r::toString);
        for (String expected : List.of("SyncType=6", "SyncType=7", "SyncType=8", "CopyState=4", "CopyState=3")) {
            assertTrue(r.out().contains(expected), () -> "expected " + expected + " in\n" + r);
        }
    }
}
