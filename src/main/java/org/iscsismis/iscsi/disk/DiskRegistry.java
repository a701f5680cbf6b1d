package org.iscsismis.iscsi.disk;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The iSCSI target's pools and virtual disks, with stable ids ({@code pool-N}, {@code disk-N}, never reused).
 * Every disk of one registry uses the same chunk size, so an engine can copy chunk for chunk between them.
 */
public final class DiskRegistry {

    /** Default allocation unit: 64 KiB. */
    public static final int DEFAULT_CHUNK_SIZE = 64 * 1024;

    private final int chunkSize;
    private final Pauser pauser;
    private final AtomicLong poolSeq = new AtomicLong();
    private final AtomicLong diskSeq = new AtomicLong();
    private final AtomicLong generation = new AtomicLong();
    private final Map<String, DiskPool> pools = new ConcurrentSkipListMap<>(DiskRegistry::byNumber);
    private final Map<String, VirtualDisk> disks = new ConcurrentSkipListMap<>(DiskRegistry::byNumber);

    public DiskRegistry() {
        this(DEFAULT_CHUNK_SIZE, Pauser.parking());
    }

    /**
     * @param chunkSize allocation unit in bytes, a power of two and a multiple of 4096
     * @param pauser    how injected latency is waited out
     */
    public DiskRegistry(int chunkSize, Pauser pauser) {
        if (chunkSize < 4096 || Integer.bitCount(chunkSize) != 1) {
            throw new IllegalArgumentException("chunk size must be a power of two of at least 4096, not " + chunkSize);
        }
        this.chunkSize = chunkSize;
        this.pauser = pauser;
    }

    public int chunkSize() {
        return chunkSize;
    }

    public DiskPool createPool(String name, long capacityBytes) {
        DiskPool pool = new DiskPool("pool-" + poolSeq.incrementAndGet(), name, capacityBytes);
        pools.put(pool.id(), pool);
        return pool;
    }

    /** Create a thin-provisioned disk in a pool; no space is taken until it is written. */
    public VirtualDisk createDisk(String poolId, String name, long sizeBytes, int blockSize) {
        DiskPool pool = pool(poolId);
        VirtualDisk disk = new VirtualDisk("disk-" + diskSeq.incrementAndGet(), name, pool, sizeBytes, blockSize,
                chunkSize, pauser);
        disks.put(disk.id(), disk);
        generation.incrementAndGet();
        return disk;
    }

    /** Delete a disk and return its space to its pool; refused while a replication pair uses it. */
    public void deleteDisk(String diskId) {
        VirtualDisk disk = disk(diskId);
        if (disk.isInUse()) {
            throw new IllegalStateException("disk " + diskId + " is in use by a replication pair");
        }
        disks.remove(diskId);
        disk.markDeleted();
        generation.incrementAndGet();
    }

    /** Changes whenever a disk is created or deleted: a cheap way to notice that {@link #disks()} changed. */
    public long generation() {
        return generation.get();
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

    private static int byNumber(String a, String b) {
        int c = Long.compare(number(a), number(b));
        return c != 0 ? c : a.compareTo(b);
    }

    private static long number(String id) {
        return Long.parseLong(id.substring(id.lastIndexOf('-') + 1));
    }
}
