package org.iscsismis.store;

import static org.iscsismis.repository.Fixtures.NS;
import static org.iscsismis.repository.Fixtures.childPath;
import static org.iscsismis.repository.Fixtures.name;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.iscsismis.cim.CimClass;
import org.iscsismis.cim.CimInstance;
import org.iscsismis.cim.CimNamespace;
import org.iscsismis.cim.CimQualifierType;
import org.iscsismis.cim.CimStatus;
import org.iscsismis.cim.CimType;
import org.iscsismis.cim.CimValue;
import org.iscsismis.iscsi.disk.DiskPool;
import org.iscsismis.iscsi.disk.DiskRegistry;
import org.iscsismis.iscsi.disk.VirtualDisk;
import org.iscsismis.replication.CopyPriority;
import org.iscsismis.replication.CopyState;
import org.iscsismis.replication.EngineConfig;
import org.iscsismis.replication.Mode;
import org.iscsismis.replication.Operation;
import org.iscsismis.replication.PairSnapshot;
import org.iscsismis.replication.PairSpec;
import org.iscsismis.replication.ReplicationEngine;
import org.iscsismis.repository.CimRepository;
import org.iscsismis.repository.Fixtures;
import org.iscsismis.repository.StandardQualifiers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;

/**
 * A change whose journal record cannot be written (the device is full) is refused with CIM_ERR_FAILED saying so,
 * and is not made: not in memory now, not after a restart. Once the device has room again, changes are kept.
 */
class JournalFailureTest {

    @TempDir
    Path dir;

    private final FailingChannels device = new FailingChannels();

    private static byte[] text(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** Refused with FAILED, the description saying why, the device's own words included. */
    private void refused(Executable change) {
        device.full = device.writesLeft < 0; // else the device fails that one write
        try {
            JournalWriteException e = assertThrows(JournalWriteException.class, change);
            assertEquals(CimStatus.FAILED, e.status());
            assertTrue(e.description().startsWith("The change was not made") && e.description().contains("No space left on device"),
                    e.description());
        } finally {
            device.full = false;
        }
    }

    @Test
    void aRecordThatCannotBeWrittenLeavesNothingInMemoryOrOnDisk() {
        Path file = dir.resolve("journal");
        try (Journal j = Journal.open(file, device)) {
            j.put("a", text("1"));
            refused(() -> j.put("a", text("2, never kept")));
            refused(() -> j.put("b", text("never kept")));
            refused(() -> j.remove("a"));
            assertArrayEquals(text("1"), j.get("a"));
            assertNull(j.get("b"));
            j.put("c", text("3")); // room again: written where the refused records began
        }
        try (Journal j = Journal.open(file)) {
            assertEquals(0, j.recovered().tornBytes(), "the refused records were cut off, not left as a torn tail");
            assertArrayEquals(text("1"), j.get("a"));
            assertNull(j.get("b"));
            assertArrayEquals(text("3"), j.get("c"));
        }
    }

    @Test
    void aRecordThatCannotBeForcedIsRefusedAndThenEverythingAfter() {
        Path file = dir.resolve("journal");
        try (Journal j = Journal.open(file, device)) {
            j.put("a", text("1"));
            device.forceFails = true;
            JournalWriteException e = assertThrows(JournalWriteException.class, () -> j.put("b", text("maybe on disk")));
            assertTrue(e.description().contains("Input/output error"), e.description());
            device.forceFails = false;
            assertThrows(JournalWriteException.class, () -> j.put("c", text("3")),
                    "after a failed force the journal cannot say what the device holds: it refuses until a restart");
            assertNull(j.get("b"));
        }
        try (Journal j = Journal.open(file)) {
            assertEquals(List.of("a"), List.copyOf(j.snapshot().keySet()), "the record whose force failed was cut off");
        }
    }

    @Test
    void aJournalThatCannotCutAFailedRecordOffRefusesEverythingAfter() {
        Path file = dir.resolve("journal");
        try (Journal j = Journal.open(file, device)) {
            j.put("a", text("1"));
            device.truncateFails = true;
            refused(() -> j.put("b", text("half written")));
            JournalWriteException e = assertThrows(JournalWriteException.class, () -> j.put("c", text("3")));
            assertTrue(e.description().contains("failed earlier") && e.description().contains("restart"), e.description());
        }
        try (Journal j = Journal.open(file)) {
            assertTrue(j.recovered().tornBytes() > 0, "the half record is a torn tail");
            assertEquals(List.of("a"), List.copyOf(j.snapshot().keySet()));
        }
    }

    @Test
    void refusedRepositoryChangesAreUndone() {
        CimNamespace added = CimNamespace.of("root/added");
        CimClass thing = CimClass.builder("T_Thing").key("Id", CimType.STRING).build();
        CimInstance a = CimInstance.builder("T_Child").property("Name", "a").property("Extra", CimValue.ofUint32(1)).build();
        try (DataStore store = DataStore.open(dir, 0, device)) {
            CimRepository repo = Fixtures.repository();
            store.recoverRepository(repo);
            repo.createInstance(NS, a);
            CimInstance before = repo.getInstance(NS, childPath("a"));

            refused(() -> repo.createInstance(NS, CimInstance.builder("T_Child").property("Name", "b").build()));
            Fixtures.assertCimError(CimStatus.NOT_FOUND, () -> repo.getInstance(NS, childPath("b")));
            refused(() -> repo.modifyInstance(NS, CimInstance.builder("T_Child").path(childPath("a"))
                    .property("Extra", CimValue.ofUint32(2)).build(), List.of(name("Extra"))));
            refused(() -> repo.setProperty(NS, childPath("a"), name("Extra"), CimValue.ofUint32(3)));
            refused(() -> repo.deleteInstance(NS, childPath("a")));
            assertEquals(before, repo.getInstance(NS, childPath("a")));
            assertEquals(1, repo.getInstance(NS, childPath("a")).value("Extra").value() instanceof Number n ? n.intValue() : -1);

            refused(() -> repo.createClass(NS, thing));
            assertFalse(repo.hasClass(NS, name("T_Thing")));
            refused(() -> repo.deleteClass(NS, name("T_GrandChild")));
            assertTrue(repo.hasClass(NS, name("T_GrandChild")));
            CimQualifierType key = repo.getQualifierType(NS, name("Key"));
            refused(() -> repo.setQualifierType(NS, new CimQualifierType(name("T_New"), CimType.STRING, null, key.scopes(),
                    key.flavor())));
            assertNull(repo.findQualifierType(NS, name("T_New")));
            refused(() -> repo.createNamespace(added, StandardQualifiers.declarations()));
            assertFalse(repo.hasNamespace(added));

            repo.createNamespace(added, StandardQualifiers.declarations());
            refused(() -> repo.deleteNamespace(added));
            assertTrue(repo.hasNamespace(added));
            repo.createClass(added, thing); // the namespace still works
        }
        try (DataStore store = DataStore.open(dir, 0)) {
            CimRepository repo = Fixtures.repository();
            store.recoverRepository(repo);
            assertEquals(1, ((Number) repo.getInstance(NS, childPath("a")).value("Extra").value()).intValue());
            Fixtures.assertCimError(CimStatus.NOT_FOUND, () -> repo.getInstance(NS, childPath("b")));
            assertTrue(repo.hasClass(added, name("T_Thing")));
            assertFalse(repo.hasClass(NS, name("T_Thing")));
            assertTrue(repo.hasClass(NS, name("T_GrandChild")));
        }
    }

    @Test
    void refusedPoolsAndDisksAreNotMade() {
        String pool;
        String kept;
        try (DataStore store = DataStore.open(dir, 0, device)) {
            DiskPool p = store.disks().createPool("pool", 1L << 30);
            pool = p.id();
            refused(() -> store.disks().createPool("never", 1L << 30));
            assertEquals(1, store.disks().pools().size());
            VirtualDisk d = store.disks().createDisk(pool, "kept", 1 << 20, 512);
            kept = d.id();
            byte[] block = new byte[512];
            block[0] = 1;
            d.write(0, block);
            refused(() -> store.disks().createDisk(pool, "never", 1 << 20, 512));
            refused(() -> store.disks().deleteDisk(kept));
            assertEquals(List.of(kept), store.disks().disks().stream().map(VirtualDisk::id).toList());
            assertEquals(1, store.disks().disk(kept).read(0, 512)[0], "the disk whose deletion was refused still holds its data");
            store.disks().close();
        }
        try (DataStore store = DataStore.open(dir, 0)) {
            assertEquals(List.of(pool), store.disks().pools().stream().map(DiskPool::id).toList());
            assertEquals(List.of(kept), store.disks().disks().stream().map(VirtualDisk::id).toList());
            store.disks().close();
        }
    }

    @Test
    void refusedPairsAndPairChangesAreNotMade() throws Exception {
        int chunk = DiskRegistry.DEFAULT_CHUNK_SIZE;
        String mirror;
        String snapshot;
        byte[] pointInTime;
        try (DataStore store = DataStore.open(dir, 0, device)) {
            ReplicationEngine engine = new ReplicationEngine(store.disks(), EngineConfig.defaults());
            store.recoverPairs(engine);
            String pool = store.disks().createPool("pool", 1L << 30).id();
            VirtualDisk src = store.disks().createDisk(pool, "src", 8L * chunk, 512);
            src.write(0, filled(2 * chunk, 1));

            device.writesLeft = 1; // the target disk is recorded, the pair is not (then the target's deletion is)
            refused(() -> engine.createPair(PairSpec.mirror(src.id(), Mode.SYNCHRONOUS)));
            assertEquals(List.of(), engine.pairs(), "no pair");
            assertEquals(List.of(src.id()), store.disks().disks().stream().map(VirtualDisk::id).toList(),
                    "and the target made for it is deleted again");

            mirror = engine.awaitCopyState(engine.createPair(PairSpec.mirror(src.id(), Mode.SYNCHRONOUS)).id(),
                    CopyState.SYNCHRONIZED).get(20, TimeUnit.SECONDS).id();
            refused(() -> engine.modify(mirror, Operation.FRACTURE));
            assertEquals(CopyState.SYNCHRONIZED, engine.pair(mirror).copyState(), "the refused fracture did not happen");
            refused(() -> engine.setCopyPriority(mirror, CopyPriority.URGENT));
            assertEquals(CopyPriority.SAME, engine.pair(mirror).copyPriority());
            src.write(0, filled(chunk, 2));
            assertArrayEquals(src.read(0, 8 * chunk), store.disks().disk(engine.pair(mirror).targetDiskId()).read(0, 8 * chunk),
                    "the mirror still mirrors");

            snapshot = engine.createPair(PairSpec.snapshot(src.id())).id();
            pointInTime = src.read(0, 8 * chunk);
            src.write(0, filled(chunk, 3)); // the snapshot preserves chunk 0
            refused(() -> engine.modify(snapshot, Operation.RESYNC_REPLICA)); // a new point in time
            assertArrayEquals(pointInTime, store.disks().disk(engine.pair(snapshot).targetDiskId()).read(0, 8 * chunk),
                    "the snapshot keeps its point in time");
            src.write(chunk, filled(chunk, 4)); // and keeps preserving it
            assertArrayEquals(pointInTime, store.disks().disk(engine.pair(snapshot).targetDiskId()).read(0, 8 * chunk));
            engine.close();
            store.disks().close();
        }
        try (DataStore store = DataStore.open(dir, 0)) {
            ReplicationEngine engine = new ReplicationEngine(store.disks(), EngineConfig.defaults());
            store.recoverPairs(engine);
            assertEquals(List.of(mirror, snapshot), engine.pairs().stream().map(PairSnapshot::id).toList());
            assertEquals(CopyState.SYNCHRONIZED, engine.pair(mirror).copyState());
            assertArrayEquals(pointInTime, store.disks().disk(engine.pair(snapshot).targetDiskId()).read(0, 8 * chunk));
            engine.close();
            store.disks().close();
        }
    }

    private static byte[] filled(int n, int value) {
        byte[] b = new byte[n];
        java.util.Arrays.fill(b, (byte) value);
        return b;
    }
}
