package org.iscsismis.e2e;

import java.util.Arrays;

/**
 * What a client knows a volume holds: every write the server acknowledged, and the one write in flight when the
 * server died (which may have landed in part, whole blocks each, or not at all).
 */
final class BlockModel {

    private final int blockSize;
    private byte[] acknowledged;
    private long inFlightOffset = -1;
    private byte[] inFlight;

    BlockModel(int sizeBytes, int blockSize) {
        this.blockSize = blockSize;
        this.acknowledged = new byte[sizeBytes];
    }

    BlockModel(byte[] bytes, int blockSize) {
        this.blockSize = blockSize;
        this.acknowledged = bytes.clone();
    }

    synchronized void sending(long offset, byte[] data) {
        inFlightOffset = offset;
        inFlight = data;
    }

    synchronized void acknowledged(long offset, byte[] data) {
        System.arraycopy(data, 0, acknowledged, (int) offset, data.length);
        inFlight = null;
        inFlightOffset = -1;
    }

    synchronized byte[] bytes() {
        return acknowledged.clone();
    }

    /**
     * Null if {@code actual} is what the volume may hold: each block as acknowledged, or as the write in flight left
     * it; otherwise where they differ. Afterwards the model is {@code actual} (the in-flight write resolved).
     */
    synchronized String check(byte[] actual) {
        if (actual.length != acknowledged.length) {
            return "size " + actual.length + ", expected " + acknowledged.length;
        }
        for (int off = 0; off < actual.length; off += blockSize) {
            if (Arrays.equals(actual, off, off + blockSize, acknowledged, off, off + blockSize)) {
                continue;
            }
            boolean covered = inFlight != null && off >= inFlightOffset && off + blockSize <= inFlightOffset + inFlight.length;
            int at = (int) (off - inFlightOffset);
            if (!covered || !Arrays.equals(actual, off, off + blockSize, inFlight, at, at + blockSize)) {
                return "block " + off / blockSize + " holds neither what was acknowledged nor the write in flight";
            }
        }
        acknowledged = actual.clone();
        inFlight = null;
        inFlightOffset = -1;
        return null;
    }
}
