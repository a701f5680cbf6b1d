package org.iscsismis.store;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.ReadableByteChannel;
import java.nio.channels.WritableByteChannel;
import java.nio.file.OpenOption;
import java.nio.file.Path;

/**
 * The journal's files as a device that can fill up: while {@link #full} is set, a write lands in part (half the
 * record, as a full file system may leave it) and then fails with "No space left on device". With
 * {@link #forceFails} forcing to the device fails (an I/O error: whether the record is there is unknown); with
 * {@link #truncateFails} even cutting the file back fails (the journal must then refuse everything).
 */
final class FailingChannels implements Journal.Channels {

    volatile boolean full;
    /** Writes that still succeed before one fails (a passing I/O error); negative: none fails that way. */
    volatile int writesLeft = -1;
    volatile boolean forceFails;
    volatile boolean truncateFails;

    @Override
    public FileChannel open(Path file, OpenOption... options) throws IOException {
        return new Channel(FileChannel.open(file, options));
    }

    private IOException noSpace() {
        return new IOException("No space left on device");
    }

    private final class Channel extends FileChannel {

        private final FileChannel real;

        Channel(FileChannel real) {
            this.real = real;
        }

        @Override
        public int write(ByteBuffer src, long position) throws IOException {
            boolean failOnce = writesLeft == 0;
            if (writesLeft >= 0) {
                writesLeft--;
            }
            if (full || failOnce) {
                ByteBuffer half = src.slice(src.position(), Math.max(1, src.remaining() / 2));
                real.write(half, position);
                throw noSpace();
            }
            return real.write(src, position);
        }

        @Override
        public void force(boolean metaData) throws IOException {
            if (forceFails) {
                throw new IOException("Input/output error");
            }
            real.force(metaData);
        }

        @Override
        public FileChannel truncate(long size) throws IOException {
            if (truncateFails) {
                throw new IOException("Input/output error");
            }
            real.truncate(size);
            return this;
        }

        @Override
        public int read(ByteBuffer dst) throws IOException {
            return real.read(dst);
        }

        @Override
        public long read(ByteBuffer[] dsts, int offset, int length) throws IOException {
            return real.read(dsts, offset, length);
        }

        @Override
        public int write(ByteBuffer src) throws IOException {
            if (full) {
                throw noSpace();
            }
            return real.write(src);
        }

        @Override
        public long write(ByteBuffer[] srcs, int offset, int length) throws IOException {
            if (full) {
                throw noSpace();
            }
            return real.write(srcs, offset, length);
        }

        @Override
        public long position() throws IOException {
            return real.position();
        }

        @Override
        public FileChannel position(long newPosition) throws IOException {
            real.position(newPosition);
            return this;
        }

        @Override
        public long size() throws IOException {
            return real.size();
        }

        @Override
        public long transferTo(long position, long count, WritableByteChannel target) throws IOException {
            return real.transferTo(position, count, target);
        }

        @Override
        public long transferFrom(ReadableByteChannel src, long position, long count) throws IOException {
            throw new UnsupportedOperationException("the journal does not transfer");
        }

        @Override
        public int read(ByteBuffer dst, long position) throws IOException {
            return real.read(dst, position);
        }

        @Override
        public MappedByteBuffer map(MapMode mode, long position, long size) throws IOException {
            throw new UnsupportedOperationException("the journal does not map");
        }

        @Override
        public FileLock lock(long position, long size, boolean shared) throws IOException {
            return real.lock(position, size, shared);
        }

        @Override
        public FileLock tryLock(long position, long size, boolean shared) throws IOException {
            return real.tryLock(position, size, shared);
        }

        @Override
        protected void implCloseChannel() throws IOException {
            real.close();
        }
    }
}
