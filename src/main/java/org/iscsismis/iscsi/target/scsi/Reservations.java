package org.iscsismis.iscsi.target.scsi;

/**
 * The SPC-2 reservation of one logical unit (RESERVE(6)/RELEASE(6)): at most one nexus holds it; commands that
 * touch the medium from any other nexus end in RESERVATION CONFLICT. Released by its holder, by a logical unit or
 * target reset, and when the holder's nexus goes away.
 */
public final class Reservations {

    private Nexus holder;

    /** Reserves for {@code nexus}; false if another nexus holds the reservation. */
    public synchronized boolean reserve(Nexus nexus) {
        if (holder != null && holder != nexus) {
            return false;
        }
        holder = nexus;
        return true;
    }

    /** Releases the reservation if {@code nexus} holds it (a release by anyone else does nothing, SPC-2 §7.21). */
    public synchronized void release(Nexus nexus) {
        if (holder == nexus) {
            holder = null;
        }
    }

    public synchronized void clear() {
        holder = null;
    }

    /** True if another nexus than {@code nexus} holds the reservation. */
    public synchronized boolean conflicts(Nexus nexus) {
        return holder != null && holder != nexus;
    }
}
