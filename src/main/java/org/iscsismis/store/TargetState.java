package org.iscsismis.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.iscsismis.iscsi.disk.DiskPool;
import org.iscsismis.iscsi.disk.DiskRegistry;
import org.iscsismis.iscsi.disk.DiskStorage;
import org.iscsismis.iscsi.disk.RegistryListener;
import org.iscsismis.iscsi.disk.VirtualDisk;
import org.iscsismis.replication.PairRecord;
import org.iscsismis.replication.PairStore;
import org.iscsismis.replication.ReplicationEngine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The iSCSI target's part of the data directory: pools ({@code pool/ID}), disks ({@code disk/ID}; their data in
 * {@code disks/}), pairs ({@code pair/ID}; their chunk maps in {@code pairs/}) and the last ids handed out
 * ({@code ids}, so an id is never reused after a restart). It hears the registry and the engine change and records
 * each change before it is answered; at start-up it builds them again.
 */
public final class TargetState implements RegistryListener, PairStore {

    private static final Logger LOG = LoggerFactory.getLogger(TargetState.class);
    private static final String POOL = "pool/";
    private static final String DISK = "disk/";
    private static final String PAIR = "pair/";
    private static final String IDS = "ids";

    private final DataDirectory directory;
    private final Journal journal;
    private final DiskRegistry registry;
    private long lastPair;

    private TargetState(DataDirectory directory, Journal journal, DiskRegistry registry) {
        this.directory = directory;
        this.journal = journal;
        this.registry = registry;
    }

    /**
     * The disk registry as the journal left it: its pools, and its disks reopened from their files (files of disks
     * the journal does not know, left by a creation a crash interrupted, are removed).
     */
    public static TargetState recoverDisks(DataDirectory directory, Journal journal, long minFreeBytes) {
        DiskRegistry registry = DiskRegistry.on(DiskStorage.files(directory.disks(), minFreeBytes));
        TargetState state = new TargetState(directory, journal, registry);
        Fields ids = Fields.of(journal.snapshot().getOrDefault(IDS, new Fields().bytes()));
        for (byte[] value : journal.withPrefix(POOL).values()) {
            Fields f = Fields.of(value);
            registry.restorePool(f.required("id"), f.required("name"), f.number("capacity"));
        }
        Set<String> disks = new HashSet<>();
        for (byte[] value : journal.withPrefix(DISK).values()) {
            Fields f = Fields.of(value);
            VirtualDisk d = registry.restoreDisk(f.required("id"), f.required("pool"), f.required("name"), f.number("size"),
                    (int) f.number("block"));
            disks.add(d.id());
        }
        registry.storage().removeOrphans(disks);
        registry.continueNumbering(ids.number("pool", 0), ids.number("disk", 0));
        state.lastPair = ids.number("pair", 0);
        registry.setListener(state);
        return state;
    }

    public DiskRegistry registry() {
        return registry;
    }

    /** True if the journal holds no pool: a new data directory (the demo may fill it). */
    public boolean empty() {
        return journal.withPrefix(POOL).isEmpty();
    }

    /** The engine's pairs as the journal left them, hooked onto their disks; copies in progress resume. */
    public void recoverPairs(ReplicationEngine engine) {
        engine.keepPairsIn(this);
        engine.continuePairNumbering(lastPair);
        Set<String> kept = new HashSet<>();
        for (byte[] value : journal.withPrefix(PAIR).values()) {
            PairRecord r = PairRecords.read(Fields.of(value));
            engine.restorePair(r);
            kept.add(r.id());
        }
        removeOrphanMaps(kept);
        engine.resumeRestoredPairs();
        Map<String, byte[]> pairs = journal.withPrefix(PAIR);
        if (!pairs.isEmpty() || !empty()) {
            LOG.info("Recovered from {}: {} pools, {} disks, {} replication pairs", directory.root(),
                    registry.pools().size(), registry.disks().size(), pairs.size());
        }
    }

    private void removeOrphanMaps(Set<String> kept) {
        try (DirectoryStream<Path> files = Files.newDirectoryStream(directory.pairs())) {
            for (Path f : files) {
                String name = f.getFileName().toString();
                int dot = name.indexOf('.');
                if (dot > 0 && !kept.contains(name.substring(0, dot))) {
                    Files.delete(f);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot clean " + directory.pairs() + ": " + e.getMessage(), e);
        }
    }

    // ---------------------------------------------------------------- registry

    @Override
    public void poolCreated(DiskPool pool) {
        journal.put(POOL + pool.id(), new Fields().put("id", pool.id()).put("name", pool.name())
                .put("capacity", pool.capacityBytes()).bytes());
    }

    @Override
    public void diskCreated(VirtualDisk disk) {
        journal.put(DISK + disk.id(), new Fields().put("id", disk.id()).put("pool", disk.pool().id()).put("name", disk.name())
                .put("size", disk.sizeBytes()).put("block", disk.blockSize()).bytes());
    }

    @Override
    public void diskDeleted(VirtualDisk disk) {
        saveIds();
        journal.remove(DISK + disk.id());
    }

    // ---------------------------------------------------------------- engine

    @Override
    public void save(PairRecord record) {
        journal.put(PAIR + record.id(), PairRecords.write(record).bytes());
    }

    @Override
    public void remove(String pairId) {
        synchronized (this) {
            lastPair = Math.max(lastPair, DiskRegistry.number(pairId));
        }
        saveIds();
        journal.remove(PAIR + pairId);
    }

    @Override
    public Path mapDirectory() {
        return directory.pairs();
    }

    /** The last ids handed out, kept when the highest could otherwise vanish with a deleted record. */
    private void saveIds() {
        long pair;
        synchronized (this) {
            pair = lastPair;
        }
        journal.put(IDS, new Fields().put("pool", registry.lastPoolNumber()).put("disk", registry.lastDiskNumber())
                .put("pair", pair).bytes());
    }
}
