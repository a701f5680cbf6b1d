package org.iscsismis.iscsi.provider;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.iscsismis.cim.CimException;
import org.iscsismis.cim.CimInstance;
import org.iscsismis.cim.CimName;
import org.iscsismis.cim.CimStatus;
import org.iscsismis.cim.CimValue;
import org.iscsismis.cim.ObjectPath;
import org.iscsismis.iscsi.disk.DiskPool;
import org.iscsismis.iscsi.disk.DiskRegistry;
import org.iscsismis.iscsi.disk.VirtualDisk;
import org.iscsismis.provider.AssociationQuery;
import org.iscsismis.provider.ProviderContext;
import org.iscsismis.replication.CopyPriority;
import org.iscsismis.replication.CopyState;
import org.iscsismis.replication.EngineConfig;
import org.iscsismis.replication.Mode;
import org.iscsismis.replication.PairSnapshot;
import org.iscsismis.replication.PairSpec;
import org.iscsismis.replication.ReplicationEngine;
import org.iscsismis.repository.CimRepository;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The provider against a real engine (no server): lookups, ModifyInstance rules, DeleteInstance, associations. */
class StorageSynchronizedProviderTest {

    static final CimName SYNC = StorageElements.SYNCHRONIZED;

    ReplicationEngine engine;
    StorageSynchronizedProvider provider;
    ProviderContext ctx;
    PairSnapshot mirror;
    PairSnapshot snapshot;

    @BeforeEach
    void setUp() throws Exception {
        engine = new ReplicationEngine(new DiskRegistry(), EngineConfig.defaults());
        DiskPool pool = engine.disks().createPool("p", 1L << 30);
        VirtualDisk a = engine.disks().createDisk(pool.id(), "a", 1L << 20, 512);
        VirtualDisk b = engine.disks().createDisk(pool.id(), "b", 1L << 20, 512);
        a.write(0, new byte[4096]);
        mirror = engine.createPair(PairSpec.mirror(a.id(), Mode.SYNCHRONOUS));
        mirror = engine.awaitCopyState(mirror.id(), CopyState.SYNCHRONIZED).get(10, TimeUnit.SECONDS);
        snapshot = engine.createPair(PairSpec.snapshot(b.id()));
        provider = new StorageSynchronizedProvider(engine);
        ctx = new ProviderContext(StorageElements.NAMESPACE, new CimRepository(), Clock.systemUTC());
    }

    @AfterEach
    void tearDown() {
        engine.close();
    }

    List<CimInstance> enumerate() {
        List<CimInstance> out = new ArrayList<>();
        provider.enumerateInstances(ctx, SYNC, out::add);
        return out;
    }

    ObjectPath path(PairSnapshot p) {
        return StorageSynchronizedMapping.path(p, StorageElements.NAMESPACE);
    }

    CimInstance withPriority(PairSnapshot p, int code) {
        return provider.getInstance(ctx, path(p)).withProperty(
                provider.getInstance(ctx, path(p)).property("CopyPriority").withValue(CimValue.ofUint16(code)));
    }

    static CimStatus status(Runnable r) {
        return assertThrows(CimException.class, r::run).status();
    }

    @Test
    void enumeratesAndGetsEachPair() {
        assertEquals(2, enumerate().size());
        assertEquals(6, provider.getInstance(ctx, path(mirror)).value("SyncType").asLong());
        ObjectPath crossed = ObjectPath.builder(SYNC).namespace(StorageElements.NAMESPACE)
                .key("SystemElement", CimValue.ofReference(StorageElements.volumePath(mirror.sourceDiskId(), StorageElements.NAMESPACE)))
                .key("SyncedElement", CimValue.ofReference(StorageElements.volumePath(snapshot.targetDiskId(), StorageElements.NAMESPACE)))
                .build();
        assertEquals(CimStatus.NOT_FOUND, status(() -> provider.getInstance(ctx, crossed)));
    }

    @Test
    void copyPriorityChangesTheEngine() {
        provider.modifyInstance(ctx, withPriority(mirror, 4), null);
        assertEquals(CopyPriority.URGENT, engine.pair(mirror.id()).copyPriority());
        provider.modifyInstance(ctx, withPriority(mirror, 1), List.of(CimName.of("CopyPriority")));
        assertEquals(CopyPriority.LOW, engine.pair(mirror.id()).copyPriority());
    }

    @Test
    void anyOtherChangeIsRefusedAndNothingChanges() {
        CimInstance both = withPriority(mirror, 4);
        CimInstance changed = both.withProperty(both.property("Mode").withValue(CimValue.ofUint16(3)));
        assertEquals(CimStatus.NOT_SUPPORTED, status(() -> provider.modifyInstance(ctx, changed, null)));
        assertEquals(CopyPriority.SAME, engine.pair(mirror.id()).copyPriority());
        assertEquals(Mode.SYNCHRONOUS, engine.pair(mirror.id()).mode());
        assertEquals(CimStatus.NOT_SUPPORTED, status(() -> provider.modifyInstance(ctx, changed, List.of(CimName.of("Mode")))));
        // Mode not in the property list: ignored, CopyPriority applied
        provider.modifyInstance(ctx, changed, List.of(CimName.of("CopyPriority")));
        assertEquals(CopyPriority.URGENT, engine.pair(mirror.id()).copyPriority());
        assertEquals(CimStatus.INVALID_PARAMETER, status(() -> provider.modifyInstance(ctx, withPriority(mirror, 9), null)));
    }

    @Test
    void deleteDetachesWhenTheStateAllowsIt() {
        // an active snapshot (Synchronized) has no Detach row in the state table
        assertEquals(CimStatus.NOT_SUPPORTED, status(() -> provider.deleteInstance(ctx, path(snapshot))));
        provider.deleteInstance(ctx, path(mirror));
        assertEquals(List.of(snapshot.id()), engine.pairs().stream().map(PairSnapshot::id).toList());
        assertEquals(CimStatus.NOT_FOUND, status(() -> provider.deleteInstance(ctx, path(mirror))));
    }

    @Test
    void referencesFollowTheRoles() {
        ObjectPath source = StorageElements.volumePath(mirror.sourceDiskId(), StorageElements.NAMESPACE);
        ObjectPath target = StorageElements.volumePath(mirror.targetDiskId(), StorageElements.NAMESPACE);
        List<ObjectPath> refs = new ArrayList<>();
        provider.referenceNames(ctx, SYNC, new AssociationQuery(source, null, null, null), refs::add);
        assertEquals(List.of(path(mirror)), refs);
        refs.clear();
        provider.referenceNames(ctx, SYNC, new AssociationQuery(source, CimName.of("SyncedElement"), null, null), refs::add);
        assertEquals(List.of(), refs);
        List<ObjectPath> far = new ArrayList<>();
        provider.associatorNames(ctx, SYNC, new AssociationQuery(source, null, null, null), far::add);
        assertEquals(List.of(target), far);
        far.clear();
        provider.associatorNames(ctx, SYNC, new AssociationQuery(target, CimName.of("SyncedElement"), CimName.of("SystemElement"), null), far::add);
        assertEquals(List.of(source), far);
    }
}
