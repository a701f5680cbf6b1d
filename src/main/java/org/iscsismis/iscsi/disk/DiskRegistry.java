package org.iscsismis.iscsi.disk;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The iSCSI target's pools and virtual disks, with stable ids ({@code pool-N}, {@code disk-N}, never reused).
 * Every disk of one registry uses the same chunk size, so an engine can copy chunk for chunk between them.
 */
public final class DiskRegistry {

    /** Default allocation unit: 64 KiB. */
    public static final int DEFAULT_CHUNK_SIZE = 64 * 1024;

    private final int chunkSize;
    private final DiskStorage storage;
    private volatile RegistryListener listener = RegistryListener.NONE;
    private final Pauser pauser;
    private final AtomicLong poolSeq = new AtomicLong();
    private final AtomicLong diskSeq = new AtomicLong();
    private final AtomicLong generation = new AtomicLong();
    private final Map<String, DiskPool> pools = new ConcurrentSkipListMap<>(DiskRegistry::byNumber);
    private final Map<String, VirtualDisk> disks = new ConcurrentSkipListMap<>(DiskRegistry::byNumber);
    private final List<Listener> listeners = new CopyOnWriteArrayList<>();

    /** Hears about disks created and deleted and pool space taken or returned, on the thread that did it, after the fact. */
    public interface Listener {
        void diskCreated(VirtualDisk disk);

        void diskDeleted(VirtualDisk disk);

        /** Called for every chunk taken or returned (under the disk's chunk lock): keep it cheap. */
        default void poolSpaceChanged(DiskPool pool) {
        }
    }

    private void spaceChanged(DiskPool pool) {
        for (Listener l : listeners) {
            l.poolSpaceChanged(pool);
        }
    }

    public void addListener(Listener l) {
        listeners.add(l);
    }

    public void removeListener(Listener l) {
        listeners.remove(l);
    }

    public DiskRegistry() {
        this(DEFAULT_CHUNK_SIZE, Pauser.parking());
    }

    /**
     * @param chunkSize allocation unit in bytes, a power of two and a multiple of 4096
     * @param pauser    how injected latency is waited out
     */
    public DiskRegistry(int chunkSize, Pauser pauser) {
        this(chunkSize, pauser, Long.MAX_VALUE);
    }

    /**
     * @param maxHeapBytes the most bytes all disks together may hold (their chunks live on the heap); a write
     *                     needing more fails with {@link PoolExhaustedException} as if its pool were full
     */
    public DiskRegistry(int chunkSize, Pauser pauser, long maxHeapBytes) {
        this(chunkSize, pauser, DiskStorage.heap(maxHeapBytes));
    }

    /** A registry whose disks keep their chunks on {@code storage} (the heap, or files). */
    public DiskRegistry(int chunkSize, Pauser pauser, DiskStorage storage) {
        if (chunkSize < 4096 || Integer.bitCount(chunkSize) != 1) {
            throw new IllegalArgumentException("chunk size must be a power of two of at least 4096, not " + chunkSize);
        }
        this.chunkSize = chunkSize;
        this.pauser = pauser;
        this.storage = storage;
    }

    /** A registry of the default chunk size whose disks hold at most {@code maxHeapBytes} on the heap. */
    public static DiskRegistry withHeapLimit(long maxHeapBytes) {
        return new DiskRegistry(DEFAULT_CHUNK_SIZE, Pauser.parking(), maxHeapBytes);
    }

    /** A registry of the default chunk size on {@code storage}. */
    public static DiskRegistry on(DiskStorage storage) {
        return new DiskRegistry(DEFAULT_CHUNK_SIZE, Pauser.parking(), storage);
    }

    /** Where the disks' data lives. */
    public DiskStorage storage() {
        return storage;
    }

    /** Who hears pools and disks come and go (one listener: the server's persistent store, if any). */
    public void setListener(RegistryListener listener) {
        this.listener = listener == null ? RegistryListener.NONE : listener;
    }

    public int chunkSize() {
        return chunkSize;
    }

    public DiskPool createPool(String name, long capacityBytes) {
        DiskPool pool = new DiskPool("pool-" + poolSeq.incrementAndGet(), name, capacityBytes, storage, this::spaceChanged);
        listener.poolCreated(pool);
        pools.put(pool.id(), pool);
        return pool;
    }

    /** Create a thin-provisioned disk in a pool; no space is taken until it is written. */
    public VirtualDisk createDisk(String poolId, String name, long sizeBytes, int blockSize) {
        DiskPool pool = pool(poolId);
        VirtualDisk disk = new VirtualDisk("disk-" + diskSeq.incrementAndGet(), name, pool, sizeBytes, blockSize,
                chunkSize, pauser, storage, false);
        try {
            listener.diskCreated(disk);
        } catch (RuntimeException e) {
            disk.markDeleted();
            throw e;
        }
        disks.put(disk.id(), disk);
        generation.incrementAndGet();
        listeners.forEach(l -> l.diskCreated(disk));
        return disk;
    }

    /** Delete a disk and return its space to its pool; refused while a replication pair uses it. */
    public void deleteDisk(String diskId) {
        VirtualDisk disk = disk(diskId);
        if (disk.isInUse()) {
            throw new IllegalStateException("disk " + diskId + " is in use by a replication pair");
        }
        listener.diskDeleted(disk); // recorded first: a restart never finds a disk whose data is gone
        disks.remove(diskId);
        disk.markDeleted();
        generation.incrementAndGet();
        listeners.forEach(l -> l.diskDeleted(disk));
    }

    /** Changes whenever a disk is created or deleted: a cheap way to notice that {@link #disks()} changed. */
    public long generation() {
        return generation.get();
    }

    // ---------------------------------------------------------------- recovery

    /** Recovery: a pool of an earlier run, under its own id; later pools number on after it. */
    public DiskPool restorePool(String poolId, String name, long capacityBytes) {
        DiskPool pool = new DiskPool(poolId, name, capacityBytes, storage, this::spaceChanged);
        pools.put(poolId, pool);
        poolSeq.accumulateAndGet(number(poolId), Math::max);
        return pool;
    }

    /**
     * Recovery: a disk of an earlier run, its data reopened from the persistent medium; its pool counts the chunks
     * it holds. Later disks number on after it.
     */
    public VirtualDisk restoreDisk(String diskId, String poolId, String name, long sizeBytes, int blockSize) {
        DiskPool pool = pool(poolId);
        VirtualDisk disk = new VirtualDisk(diskId, name, pool, sizeBytes, blockSize, chunkSize, pauser, storage, true);
        pool.adopt(disk.allocatedBytes());
        disks.put(diskId, disk);
        diskSeq.accumulateAndGet(number(diskId), Math::max);
        return disk;
    }

    /** The next ids handed out continue from these (so ids of deleted disks are never reused after a restart). */
    public void continueNumbering(long lastPool, long lastDisk) {
        poolSeq.accumulateAndGet(lastPool, Math::max);
        diskSeq.accumulateAndGet(lastDisk, Math::max);
    }

    /** The number in an id of ours ({@code disk-12} → 12). */
    public static long number(String id) {
        return Long.parseLong(id.substring(id.lastIndexOf('-') + 1));
    }

    /** The highest pool and disk numbers handed out so far. */
    public long lastPoolNumber() {
        return poolSeq.get();
    }

    public long lastDiskNumber() {
        return diskSeq.get();
    }

    /** Release every disk's files (kept on a persistent medium) and the medium. */
    public void close() {
        for (VirtualDisk d : disks.values()) {
            d.closeStore();
        }
        storage.close();
    }

    /** The pool with this id, if there is one. */
    public Optional<DiskPool> findPool(String poolId) {
        return poolId == null ? Optional.empty() : Optional.ofNullable(pools.get(poolId));
    }

    public DiskPool pool(String poolId) {
        DiskPool pool = pools.get(poolId);
        if (pool == null) {
            throw new NoSuchElementException("no pool " + poolId);
        }
        return pool;
    }

    public VirtualDisk disk(String diskId) {
        VirtualDisk disk = disks.get(diskId);
        if (disk == null) {
            throw new NoSuchElementException("no disk " + diskId);
        }
        return disk;
    }

    public Optional<VirtualDisk> findDisk(String diskId) {
        return Optional.ofNullable(disks.get(diskId));
    }

    /** Pools in creation order. */
    public List<DiskPool> pools() {
        return List.copyOf(pools.values());
    }

    /** Disks in creation order. */
    public List<VirtualDisk> disks() {
        return List.copyOf(disks.values());
    }

    public List<VirtualDisk> disksIn(String poolId) {
        List<VirtualDisk> out = new ArrayList<>();
        for (VirtualDisk d : disks.values()) {
            if (d.pool().id().equals(poolId)) {
                out.add(d);
            }
        }
        return out;
    }

    /**
     * Creation order for our ids ({@code disk-9} before {@code disk-10}), compared as digit strings so that a lookup
     * with any text a client sent ({@code acc-no-such-xyz}, a 30-digit number, an empty string) is simply not found:
     * ids without a numeric suffix sort after ours, by their text.
     */
    private static int byNumber(String a, String b) {
        String na = digitsAfterLastDash(a);
        String nb = digitsAfterLastDash(b);
        if (na == null || nb == null) {
            return na != null ? -1 : nb != null ? 1 : a.compareTo(b);
        }
        int c = na.length() != nb.length() ? Integer.compare(na.length(), nb.length()) : na.compareTo(nb);
        return c != 0 ? c : a.compareTo(b);
    }

    /** The decimal suffix after the last '-' without leading zeros ("0" for all zeros), or null if there is none. */
    private static String digitsAfterLastDash(String id) {
        int start = id.lastIndexOf('-') + 1;
        if (start == 0 || start == id.length()) {
            return null;
        }
        for (int i = start; i < id.length(); i++) {
            char ch = id.charAt(i);
            if (ch < '0' || ch > '9') {
                return null;
            }
        }
        while (start < id.length() - 1 && id.charAt(start) == '0') {
            start++;
        }
        return id.substring(start);
    }
}
