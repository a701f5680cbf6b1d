package org.iscsismis.iscsi.target.scsi;

import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * One logical unit of the target: its LUN, its medium, and the state SPC-4 keeps per logical unit (the reservation
 * of RESERVE(6), the persistent reservations). Writes run {@link #locked} shared; COMPARE AND WRITE, ORWRITE and WRITE
 * ATOMIC exclusively, so their read, compare and write are atomic with respect to every other write through this
 * target.
 */
public final class LogicalUnit {

    private final int lun;
    private final BlockDevice device;
    private final ReentrantReadWriteLock atomicity = new ReentrantReadWriteLock();
    private final Reservations reservations = new Reservations();
    private final PersistentReservations persistent = new PersistentReservations();

    public LogicalUnit(int lun, BlockDevice device) {
        this.lun = lun;
        this.device = device;
    }

    public int lun() {
        return lun;
    }

    public BlockDevice device() {
        return device;
    }

    /** Runs {@code action} holding the atomicity lock: shared for plain writes, exclusive for read-modify-write. */
    public void locked(boolean exclusive, Runnable action) {
        var lock = exclusive ? atomicity.writeLock() : atomicity.readLock();
        lock.lock();
        try {
            action.run();
        } finally {
            lock.unlock();
        }
    }

    public Reservations reservations() {
        return reservations;
    }

    public PersistentReservations persistent() {
        return persistent;
    }

    @Override
    public String toString() {
        return "LUN " + lun + " (" + device.disk().id() + ")";
    }
}
