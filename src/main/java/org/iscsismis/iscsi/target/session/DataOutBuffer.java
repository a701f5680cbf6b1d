package org.iscsismis.iscsi.target.session;

import java.io.IOException;

import org.iscsismis.iscsi.target.pdu.PduFormatException;
import org.iscsismis.iscsi.target.pdu.PduReader;
import org.iscsismis.iscsi.target.scsi.Reply;
import org.iscsismis.iscsi.target.scsi.ScsiTask;

/**
 * Where a command's Data-Out lands. A command that takes its data whole gets a buffer of its length; a streaming
 * command (WRITE, VERIFY) gets a staging buffer from the connection's {@link BufferPool}, handed on in whole blocks
 * as it fills, so a transfer of any length needs no more memory than that and no allocation per command.
 */
abstract class DataOutBuffer {

    /** The most a streaming command stages before its blocks are handed on (at least a PDU and two blocks more). */
    static final int STAGING = 1 << 20;

    /** The size of the staging buffers for PDUs of at most {@code maxSegment} bytes. */
    static int stagingSize(int maxSegment) {
        return Math.max(STAGING, maxSegment + 2 * 4096);
    }

    /** The buffer for {@code length} bytes of {@code task}'s Data-Out. */
    static DataOutBuffer of(ScsiTask task, int length, BufferPool pool) {
        if (task.streams()) {
            return new Streamed(task, length, pool);
        }
        return new Whole(task, length);
    }

    /** Bytes of memory this buffer holds. */
    abstract int memory();

    /** The command is done with the buffer. */
    void release() {
    }

    /** Immediate data: the first {@code len} bytes of {@code src}. */
    abstract void take(byte[] src, int len) throws PendingWrite.DataSequenceException;

    /** Reads the current PDU's data segment: its first {@code keep} bytes belong at {@code offset}, the rest is dropped. */
    abstract void read(PduReader reader, int offset, int keep) throws IOException, PduFormatException,
            PendingWrite.DataSequenceException;

    /** All the data has come: run (or finish) the command. */
    abstract Reply complete();

    /** The whole Data-Out in one array, handed to the command at the end. */
    private static final class Whole extends DataOutBuffer {
        private final ScsiTask task;
        private final byte[] data;

        Whole(ScsiTask task, int length) {
            this.task = task;
            this.data = new byte[length];
        }

        @Override
        int memory() {
            return data.length;
        }

        @Override
        void take(byte[] src, int len) {
            System.arraycopy(src, 0, data, 0, len);
        }

        @Override
        void read(PduReader reader, int offset, int keep) throws IOException, PduFormatException {
            reader.readDataInto(data, offset, keep);
        }

        @Override
        Reply complete() {
            return task.execute(data);
        }
    }

    /** In-order data staged and handed on in whole blocks. */
    private static final class Streamed extends DataOutBuffer {
        private final ScsiTask task;
        private final int length;
        private final int blockSize;
        private final BufferPool pool;
        private final int memory;
        private byte[] staging;
        private int staged;
        private long delivered;

        Streamed(ScsiTask task, int length, BufferPool pool) {
            this.task = task;
            this.length = length;
            this.blockSize = task.blockSize();
            this.pool = pool;
            this.staging = pool.take();
            this.memory = staging.length;
        }

        @Override
        void release() {
            if (staging != null) {
                pool.give(staging);
                staging = null;
            }
        }

        @Override
        int memory() {
            return memory;
        }

        @Override
        void take(byte[] src, int len) throws PendingWrite.DataSequenceException {
            makeRoom(len);
            System.arraycopy(src, 0, staging, staged, len);
            staged += len;
        }

        @Override
        void read(PduReader reader, int offset, int keep) throws IOException, PduFormatException,
                PendingWrite.DataSequenceException {
            if (offset != delivered + staged && keep > 0) {
                reader.discardData();
                throw new PendingWrite.DataSequenceException("Buffer Offset " + offset + " is not the next byte ("
                        + (delivered + staged) + "); data must arrive in order");
            }
            makeRoom(keep);
            reader.readDataInto(staging, staged, keep);
            staged += keep;
        }

        private void makeRoom(int len) {
            if (staged + len > staging.length) {
                handOn(staged / blockSize * blockSize);
            }
        }

        private void handOn(int n) {
            if (n > 0) {
                task.accept(delivered, staging, 0, n);
                delivered += n;
                System.arraycopy(staging, n, staging, 0, staged - n);
                staged -= n;
            }
        }

        @Override
        Reply complete() {
            handOn(staged);
            return task.finish(length);
        }
    }
}
