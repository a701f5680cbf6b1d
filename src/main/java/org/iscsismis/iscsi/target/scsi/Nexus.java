package org.iscsismis.iscsi.target.scsi;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;

/**
 * One I_T nexus (SAM-5 §4.6): an initiator port (iSCSI name plus ISID) logged in to this target, for as long as its
 * session lives. Holds the unit attentions waiting to be reported to it, per logical unit, at most a few each
 * (later conditions of the same kind are one report).
 */
public final class Nexus {

    private static final int MAX_PENDING_PER_LUN = 8;

    private final String initiatorPort;
    private final LogicalUnitDirectory directory;
    private final Map<Integer, ArrayDeque<AdditionalSense>> attentions = new HashMap<>();
    private volatile long seenInventory;

    /** @param directory the logical units this nexus sees; the initiator starts from its current generation */
    public Nexus(String initiatorPort, LogicalUnitDirectory directory) {
        this.initiatorPort = initiatorPort;
        this.directory = directory;
        this.seenInventory = directory.generation();
    }

    /** The logical units this nexus may address (masking decides; the same for the life of the session). */
    public LogicalUnitDirectory directory() {
        return directory;
    }

    /** {@code iqn...,i,0x<ISID>}: the SCSI initiator port name. */
    public String initiatorPort() {
        return initiatorPort;
    }

    /** Queues a unit attention for {@code lun} unless the same one is already waiting. */
    public synchronized void raise(int lun, AdditionalSense sense) {
        ArrayDeque<AdditionalSense> queue = attentions.computeIfAbsent(lun, l -> new ArrayDeque<>());
        if (!queue.contains(sense) && queue.size() < MAX_PENDING_PER_LUN) {
            queue.add(sense);
        }
    }

    /** The oldest unit attention waiting for {@code lun}, removed; null if none. */
    public synchronized AdditionalSense take(int lun) {
        ArrayDeque<AdditionalSense> queue = attentions.get(lun);
        return queue == null ? null : queue.poll();
    }

    public synchronized void clear(int lun, AdditionalSense sense) {
        ArrayDeque<AdditionalSense> queue = attentions.get(lun);
        if (queue != null) {
            queue.remove(sense);
        }
    }

    /**
     * True once per change of the LUN inventory seen since the last call: the nexus then owes the initiator a
     * REPORTED LUNS DATA HAS CHANGED.
     */
    boolean inventoryChanged(long generation) {
        if (generation == seenInventory) {
            return false;
        }
        seenInventory = generation;
        return true;
    }

    @Override
    public String toString() {
        return initiatorPort;
    }
}
