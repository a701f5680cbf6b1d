package org.iscsismis.e2e;

import static org.iscsismis.e2e.ReplicationCalls.CONFIGURATION_SERVICE;
import static org.iscsismis.e2e.ReplicationCalls.REPLICATION_SERVICE;
import static org.iscsismis.e2e.ReplicationCalls.pool;
import static org.iscsismis.e2e.ReplicationCalls.ref;
import static org.iscsismis.e2e.ReplicationCalls.text;
import static org.iscsismis.e2e.ReplicationCalls.u16;
import static org.iscsismis.e2e.ReplicationCalls.u64;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.function.Predicate;
import org.iscsismis.iscsi.disk.DiskPool;
import org.iscsismis.iscsi.provider.IscsiTarget;
import org.iscsismis.replication.PairSnapshot;
import org.iscsismis.replication.ReplicationListener;
import org.iscsismis.replication.Trigger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.metricshub.wbem.javax.cim.CIMInstance;
import org.metricshub.wbem.javax.cim.CIMObjectPath;
import org.metricshub.wbem.javax.wbem.WBEMException;
import org.metricshub.wbem.javax.wbem.client.WBEMClient;

/**
 * Indications end to end: subscriptions created through the SBLIM client in the interop namespace, changes driven
 * through CIM, and what the SBLIM client's own listener receives.
 */
class IndicationIT {

    private static final String STORAGE = "root/cimv2/storage/iscsitarget";
    @RegisterExtension
    static final ServerFixture server = ServerFixture.plain();
    private static final WBEMClient client = server.client();
    private static final ReplicationCalls calls = server.calls();
    private static final Subscriptions subscriptions = server.subscriptions();
    private static IscsiTarget target;
    private static DiskPool pool;
    private final List<AutoCloseable> cleanup = new ArrayList<>();

    @BeforeAll
    static void start() {
        target = server.server().target();
        pool = target.disks().createPool("indication-pool", 1L << 30);
    }

    @AfterEach
    void removeSubscriptions() throws Exception {
        target.engine().holdCopying(false);
        for (CIMObjectPath s : SblimClients.all(client.enumerateInstanceNames(Subscriptions.path("CIM_IndicationSubscription")))) {
            client.deleteInstance(Subscriptions.withNamespace(s));
        }
        for (AutoCloseable c : cleanup) {
            c.close();
        }
    }

    private IndicationListeners listener() throws Exception {
        IndicationListeners l = new IndicationListeners();
        cleanup.add(l);
        return l;
    }

    private static CIMObjectPath newVolume(String name) throws WBEMException {
        ReplicationCalls.Answer a = calls.invoke(CONFIGURATION_SERVICE, "CreateOrModifyElementFromStoragePool",
                text("ElementName", name), u16("ElementType", 2), u64("Size", 4L << 20), ref("InPool", pool(pool.id())));
        assertEquals(0, a.returnValue(), a::toString);
        return a.ref("TheElement");
    }

    private static ReplicationCalls.Answer modify(CIMObjectPath sync, int operation) throws WBEMException {
        return calls.invoke(REPLICATION_SERVICE, "ModifyReplicaSynchronization", u16("Operation", operation), ref("Synchronization", sync));
    }

    static CIMInstance source(CIMInstance indication) {
        return embedded(indication, "SourceInstance");
    }

    static CIMInstance embedded(CIMInstance indication, String property) {
        Object v = indication.getPropertyValue(property);
        assertTrue(v instanceof CIMInstance, () -> property + " is not an embedded instance: " + v);
        return (CIMInstance) v;
    }

    static int number(CIMInstance i, String property) {
        return ((Number) i.getPropertyValue(property)).intValue();
    }

    static List<String> changedNames(CIMInstance modification) {
        return Arrays.stream((Object[]) modification.getPropertyValue("ChangedPropertyNames")).map(String::valueOf).toList();
    }

    static long sequenceNumber(CIMInstance indication) {
        return ((Number) indication.getPropertyValue("SequenceNumber")).longValue();
    }

    private static boolean isClass(CIMInstance i, String className) {
        return i.getClassName().equalsIgnoreCase(className);
    }

    private static String state(CIMInstance pair) {
        return number(pair, "CopyState") + "/" + number(pair, "SyncState") + "/" + number(pair, "ProgressStatus");
    }

    /** The numbers of one listener's indications run 0, 1, 2 ... under one SequenceContext. */
    private static void assertNumberedInOrder(List<CIMInstance> got) {
        for (int i = 0; i < got.size(); i++) {
            assertEquals(i, sequenceNumber(got.get(i)), "SequenceNumber of indication " + i);
            assertEquals(got.get(0).getPropertyValue("SequenceContext"), got.get(i).getPropertyValue("SequenceContext"));
        }
    }

    @Test
    void aMirrorCreatedThroughCimIsFollowedFromCreationThroughEveryStateChangeToDeletion() throws Exception {
        IndicationListeners listener = listener();
        subscriptions.subscribe("mirror-watch", "WQL",
                "SELECT * FROM CIM_InstIndication WHERE SourceInstance ISA MSISCSITARGET_StorageSynchronized", listener.url(), STORAGE);
        List<String> engineStates = Collections.synchronizedList(new ArrayList<>());
        ReplicationListener oracle = new ReplicationListener() {
            @Override
            public void stateChanged(PairSnapshot before, PairSnapshot after, Trigger trigger) {
                String was = before.copyState().code() + "/" + before.syncState().code() + "/" + before.progressStatus().code();
                String is = after.copyState().code() + "/" + after.syncState().code() + "/" + after.progressStatus().code();
                if (!was.equals(is)) {
                    engineStates.add(is);
                }
            }
        };
        target.engine().addListener(oracle);
        cleanup.add(() -> target.engine().removeListener(oracle));

        CIMObjectPath source = newVolume("watched-source");
        target.engine().holdCopying(true);
        ReplicationCalls.Answer created = calls.invoke(REPLICATION_SERVICE, "CreateElementReplica", u16("SyncType", 6),
                u16("Mode", 2), ref("SourceElement", source), ref("TargetPool", pool(pool.id())), text("ElementName", "watched-mirror"));
        CIMObjectPath sync = created.ref("Synchronization");
        target.engine().holdCopying(false);
        calls.awaitDone(created);
        calls.awaitDone(modify(sync, 12)); // Fracture
        calls.awaitDone(modify(sync, 14)); // Resync Replica
        calls.awaitDone(modify(sync, 8)); // Detach: the association goes

        List<CIMInstance> got = listener.await(l -> !l.isEmpty() && isClass(l.get(l.size() - 1), "CIM_InstDeletion"), "the deletion");
        assertNumberedInOrder(got);
        assertTrue(isClass(got.get(0), "CIM_InstCreation"), () -> got.get(0).toString());
        String targetDisk = ReplicationCalls.diskId(created.ref("TargetElement"));
        for (CIMInstance i : got) {
            assertEquals("mirror-watch", i.getPropertyValue("IndicationFilterName"));
            assertTrue(String.valueOf(source(i).getPropertyValue("SyncedElement")).contains("\"" + targetDisk + "\""),
                    () -> "another pair: " + i);
        }
        List<String> indicated = new ArrayList<>();
        String previous = state(source(got.get(0)));
        for (CIMInstance i : got.subList(1, got.size() - 1)) {
            assertTrue(isClass(i, "CIM_InstModification"), i::toString);
            assertEquals(previous, state(embedded(i, "PreviousInstance")), "PreviousInstance is the state last indicated");
            String now = state(source(i));
            List<String> changed = changedNames(i);
            if (!now.equals(previous)) {
                indicated.add(now);
                assertTrue(changed.contains("CopyState") || changed.contains("SyncState") || changed.contains("ProgressStatus"),
                        changed::toString);
            }
            previous = now;
        }
        assertEquals(engineStates, indicated, "every state change the engine made, in order");
        assertTrue(indicated.contains("6/13/3"), () -> "fractured: " + indicated); // CopyState Fractured, SyncState Fractured, ProgressStatus Dormant
        assertEquals(List.of(4), List.of(number(source(got.get(got.size() - 1)), "CopyState")), "deleted while Synchronized");
    }

    @Test
    void aClonesJobIndicatesEveryJobStateWithPercentCompleteNeverGoingDown() throws Exception {
        IndicationListeners listener = listener();
        subscriptions.subscribe("job-watch", "DMTF:CQL",
                "SELECT * FROM CIM_InstModification WHERE SourceInstance ISA CIM_ConcreteJob", listener.url(), STORAGE);
        CIMObjectPath source = newVolume("clone-source");
        var disk = target.disks().disk(ReplicationCalls.diskId(source));
        disk.write(0, new byte[4 << 20]); // every chunk allocated: the copy has 64 chunks to move
        target.engine().holdCopying(true); // so the clone cannot finish before the method answers
        ReplicationCalls.Answer created = calls.invoke(REPLICATION_SERVICE, "CreateElementReplica", u16("SyncType", 8),
                ref("SourceElement", source), text("ElementName", "watched-clone"));
        assertEquals(4096, created.returnValue(), created::toString);
        target.engine().holdCopying(false);
        String jobId = (String) created.ref("Job").getKey("InstanceID").getValue();
        Predicate<CIMInstance> ours = i -> jobId.equals(source(i).getPropertyValue("InstanceID"));
        List<CIMInstance> got = listener.await(l -> l.stream().filter(ours).anyMatch(i -> number(source(i), "JobState") == 7),
                "the job's completion").stream().filter(ours).toList();

        assertEquals(2, number(embedded(got.get(0), "PreviousInstance"), "JobState"), "first the job was New");
        List<Integer> states = new ArrayList<>();
        int percent = 0;
        for (CIMInstance i : got) {
            int s = number(source(i), "JobState");
            if (states.isEmpty() || states.get(states.size() - 1) != s) {
                states.add(s);
            }
            int p = number(source(i), "PercentComplete");
            assertTrue(p >= percent, () -> "PercentComplete went down: " + got);
            assertTrue(p >= number(embedded(i, "PreviousInstance"), "PercentComplete"));
            percent = p;
        }
        assertEquals(List.of(4, 7), states, "Running, then Completed");
        assertEquals(100, percent);
        assertNumberedInOrder(listener.received());
    }

    @Test
    void repositoryInstancesAreFollowedOverTheWireAndASelectListCutsTheIndication() throws Exception {
        IndicationListeners all = listener();
        IndicationListeners cut = listener();
        subscriptions.subscribe("repo-watch", "WQL", "SELECT * FROM CIM_InstIndication WHERE SourceInstance ISA CIM_RegisteredProfile",
                all.url(), "root/cimv2");
        subscriptions.subscribe("repo-cut", "DMTF:CQL", "SELECT m.SourceInstance, m.ChangedPropertyNames FROM CIM_InstModification m "
                + "WHERE m.SourceInstance ISA CIM_RegisteredProfile", cut.url(), "root/cimv2");
        CIMObjectPath profile = new CIMObjectPath(null, null, null, "root/cimv2", "CIM_RegisteredProfile", null);
        CIMObjectPath made = client.createInstance(new CIMInstance(profile, new org.metricshub.wbem.javax.cim.CIMProperty<?>[] {
                Subscriptions.text("InstanceID", "watch:1"), Subscriptions.text("RegisteredName", "Watched"),
                Subscriptions.text("RegisteredVersion", "1.0"), Subscriptions.u16("RegisteredOrganization", 1)}));
        made = new CIMObjectPath(null, null, null, "root/cimv2", made.getObjectName(), made.getKeys());
        client.modifyInstance(new CIMInstance(made, new org.metricshub.wbem.javax.cim.CIMProperty<?>[] {
                Subscriptions.text("RegisteredVersion", "2.0")}), new String[] {"RegisteredVersion"});
        client.deleteInstance(made);

        List<CIMInstance> got = all.await(l -> l.size() == 3, "creation, modification, deletion");
        assertEquals(List.of("CIM_InstCreation", "CIM_InstModification", "CIM_InstDeletion"),
                got.stream().map(CIMInstance::getClassName).toList());
        CIMInstance modification = got.get(1);
        assertEquals("1.0", embedded(modification, "PreviousInstance").getPropertyValue("RegisteredVersion"));
        assertEquals("2.0", source(modification).getPropertyValue("RegisteredVersion"));
        assertEquals(List.of("RegisteredVersion"), changedNames(modification));
        assertEquals("2.0", source(got.get(2)).getPropertyValue("RegisteredVersion"), "deleted as it was last");
        assertNotNull(got.get(0).getPropertyValue("IndicationTime"));
        assertNumberedInOrder(got);

        CIMInstance shaped = cut.await(l -> l.size() == 1, "the modification, cut").get(0);
        assertEquals("2.0", source(shaped).getPropertyValue("RegisteredVersion"));
        assertNotNull(shaped.getProperty("ChangedPropertyNames"));
        assertNotNull(shaped.getProperty("SequenceNumber"), "delivery numbers always go out");
        assertEquals(null, shaped.getProperty("PreviousInstance"), "not selected");
        assertEquals(null, shaped.getProperty("IndicationFilterName"), "not selected");
    }

    @Test
    void volumesComeAndGoAndTheirPoolsFreeSpaceIsIndicated() throws Exception {
        IndicationListeners listener = listener();
        subscriptions.subscribe("storage-watch", "WQL", "SELECT * FROM CIM_InstIndication WHERE SourceInstance ISA CIM_StorageVolume "
                + "OR SourceInstance ISA CIM_StoragePool", listener.url(), STORAGE);
        DiskPool small = target.disks().createPool("small-pool", 16L << 20);
        ReplicationCalls.Answer a = calls.invoke(CONFIGURATION_SERVICE, "CreateOrModifyElementFromStoragePool",
                text("ElementName", "filled"), u16("ElementType", 2), u64("Size", 8L << 20), ref("InPool", pool(small.id())));
        CIMObjectPath volume = a.ref("TheElement");
        listener.await(l -> l.size() == 1, "the volume's creation");
        byte[] data = new byte[4 << 20];
        target.disks().disk(ReplicationCalls.diskId(volume)).write(0, data); // 25 % of the pool
        assertEquals(0, calls.invoke(CONFIGURATION_SERVICE, "ReturnToStoragePool", ref("TheElement", volume)).returnValue());

        List<CIMInstance> got = listener.await(l -> l.stream().anyMatch(i -> isClass(i, "CIM_InstDeletion"))
                && l.stream().anyMatch(i -> isClass(i, "CIM_InstModification")
                        && ((Number) source(i).getPropertyValue("RemainingManagedSpace")).longValue() == 16L << 20),
                "the volume's deletion and the pool's space coming back");
        assertEquals("CIM_InstCreation", got.get(0).getClassName());
        assertEquals("filled", source(got.get(0)).getPropertyValue("ElementName"));
        List<CIMInstance> deletions = got.stream().filter(i -> isClass(i, "CIM_InstDeletion")).toList();
        assertEquals(1, deletions.size(), got::toString);
        assertEquals("MSISCSITARGET_StorageVolume", source(deletions.get(0)).getClassName());
        List<CIMInstance> space = got.stream().filter(i -> isClass(i, "CIM_InstModification")).toList();
        assertTrue(space.size() >= 2, () -> "4 MiB of 16 taken, then returned: " + space);
        long last = 16L << 20;
        for (CIMInstance m : space) {
            CIMInstance pool = source(m);
            assertEquals("small-pool", pool.getPropertyValue("ElementName"));
            assertTrue(changedNames(m).contains("RemainingManagedSpace"), () -> changedNames(m).toString());
            long before = ((Number) embedded(m, "PreviousInstance").getPropertyValue("RemainingManagedSpace")).longValue();
            long now = ((Number) pool.getPropertyValue("RemainingManagedSpace")).longValue();
            assertEquals(last, before, "PreviousInstance is the pool as last indicated");
            assertTrue(Math.abs(now - before) * 10 >= 16L << 20 || now == 16L << 20,
                    () -> "a step of at least 10 %, or back to empty: " + before + " -> " + now);
            last = now;
        }
    }

    @Test
    void aDiskFaultAndABrokenPairRaiseAlertsAndTheirRecoveryToo() throws Exception {
        IndicationListeners listener = listener();
        subscriptions.subscribe("alert-watch", "WQL", "SELECT * FROM CIM_AlertIndication", listener.url(), STORAGE);
        CIMObjectPath source = newVolume("fault-source");
        ReplicationCalls.Answer created = calls.invoke(REPLICATION_SERVICE, "CreateElementReplica", u16("SyncType", 6),
                u16("Mode", 2), ref("SourceElement", source), text("ElementName", "fault-mirror"));
        calls.awaitDone(created);
        String targetDisk = ReplicationCalls.diskId(created.ref("TargetElement"));
        // the engine's disk faults driven in-process, on a server without the fault-injection class (AlertIndicationIT uses it)
        target.disks().disk(targetDisk).faults().failWrites(true);
        List<CIMInstance> broken = listener.await(l -> l.size() >= 2, "the disk and pair alerts");
        target.disks().disk(targetDisk).faults().clear();
        List<CIMInstance> got = listener.await(l -> l.size() >= 4, "the recoveries");

        List<Integer> causes = got.stream().map(i -> number(i, "ProbableCause")).toList();
        assertTrue(causes.subList(0, 2).containsAll(List.of(86, 88)), () -> "Disk Failure and Loss of Redundancy first: " + got);
        assertEquals(List.of(59, 59), causes.subList(2, 4), () -> "then Previous Alert Cleared twice: " + got);
        for (CIMInstance a : broken) {
            assertEquals(5, number(a, "PerceivedSeverity"), "Major");
            assertEquals(2, number(a, "AlertingElementFormat"));
            assertTrue(((String) a.getPropertyValue("AlertingManagedElement")).contains(targetDisk), a::toString);
        }
        assertFalse(got.stream().anyMatch(i -> !isClass(i, "CIM_AlertIndication")));
        calls.awaitDone(modify(created.ref("Synchronization"), 8));
    }
}
