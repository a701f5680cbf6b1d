package org.iscsismis.iscsi.target.session;

import java.util.ArrayDeque;

/**
 * Staging buffers of one connection, reused from write to write: a 1 MiB array per WRITE would otherwise be
 * allocated (and, on a G1 heap, be a humongous object) for every command. Used by the connection's thread only.
 */
final class BufferPool {

    private final int size;
    private final int keep;
    private final ArrayDeque<byte[]> free = new ArrayDeque<>();

    /** Buffers of {@code size} bytes; at most {@code keep} idle ones are kept. */
    BufferPool(int size, int keep) {
        this.size = size;
        this.keep = keep;
    }

    int size() {
        return size;
    }

    byte[] take() {
        byte[] b = free.poll();
        return b != null ? b : new byte[size];
    }

    void give(byte[] buffer) {
        if (buffer.length == size && free.size() < keep) {
            free.push(buffer);
        }
    }
}
