package org.iscsismis.iscsi.disk;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A disk's chunks in a sparse file ({@code disk-N.img}, chunk {@code c} at byte {@code c * chunkSize}: a raw image
 * of the disk), read and written with positional {@link FileChannel} calls, and a chunk map beside it
 * ({@code disk-N.map}: a 24-byte header, then one bit per chunk) saying which chunks hold data. The map, not the
 * file, is the truth: a freed chunk reads as zeros even where the file system kept its old bytes, and a chunk's
 * first write covers the whole chunk so that no old bytes show through.
 *
 * <p>Order on disk: a new chunk's bytes are written before its map bit, a freed chunk's bit is cleared first, so a
 * process killed in between leaves at worst a write that never completed, never another chunk's old data.
 * {@link #force} makes the image durable before the map.
 */
final class FileChunkStore implements ChunkStore {

    static final String IMAGE_SUFFIX = ".img";
    static final String MAP_SUFFIX = ".map";
    private static final byte[] MAGIC = "ISMISMAP".getBytes(StandardCharsets.US_ASCII);
    private static final int HEADER_BYTES = 24;

    private final String diskId;
    private final Path image;
    private final Path mapFile;
    private final FileChannel data;
    private final FileChannel map;
    private final int chunkSize;
    private final long sizeBytes;
    /** One bit per chunk, as ints so that a byte of the map file can be rewritten from them. */
    private final AtomicIntegerArray bits;
    private final AtomicLong allocated = new AtomicLong();
    private final Object mapWrites = new Object();

    private FileChunkStore(String diskId, Path image, Path mapFile, long sizeBytes, int chunkSize, boolean create) throws IOException {
        this.diskId = diskId;
        this.image = image;
        this.mapFile = mapFile;
        this.sizeBytes = sizeBytes;
        this.chunkSize = chunkSize;
        long chunks = (sizeBytes + chunkSize - 1) / chunkSize;
        this.bits = new AtomicIntegerArray((int) ((chunks + 31) >>> 5));
        if (create) {
            this.data = FileChannel.open(image, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                    StandardOpenOption.READ, StandardOpenOption.WRITE);
            this.map = FileChannel.open(mapFile, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                    StandardOpenOption.READ, StandardOpenOption.WRITE);
            writeHeader(chunks);
        } else {
            this.data = FileChannel.open(image, StandardOpenOption.READ, StandardOpenOption.WRITE);
            this.map = FileChannel.open(mapFile, StandardOpenOption.READ, StandardOpenOption.WRITE);
            readMap(chunks);
        }
    }

    /** A new, empty store ({@code create}) or the one an earlier run left in {@code directory}. */
    static FileChunkStore open(Path directory, String diskId, long sizeBytes, int chunkSize, boolean create) {
        try {
            return new FileChunkStore(diskId, directory.resolve(diskId + IMAGE_SUFFIX), directory.resolve(diskId + MAP_SUFFIX),
                    sizeBytes, chunkSize, create);
        } catch (IOException e) {
            throw new DiskIoException(diskId, "cannot " + (create ? "create" : "open") + " the data files of disk " + diskId
                    + " in " + directory + ": " + e, e);
        }
    }

    private void writeHeader(long chunks) throws IOException {
        ByteBuffer header = ByteBuffer.allocate(HEADER_BYTES);
        header.put(MAGIC).putLong(chunkSize).putLong(chunks).flip();
        writeFully(map, header, 0);
        map.truncate(HEADER_BYTES + (chunks + 7) / 8);
        writeFully(map, ByteBuffer.allocate((int) ((chunks + 7) / 8)), HEADER_BYTES);
        data.truncate(0);
        try (RandomAccessFile sized = new RandomAccessFile(image.toFile(), "rw")) {
            sized.setLength(sizeBytes); // a raw image of the disk's size that takes no space until written
        }
    }

    private void readMap(long chunks) throws IOException {
        ByteBuffer header = ByteBuffer.allocate(HEADER_BYTES);
        readFully(map, header, 0);
        header.flip();
        byte[] magic = new byte[MAGIC.length];
        header.get(magic);
        long storedChunkSize = header.getLong();
        long storedChunks = header.getLong();
        if (!Arrays.equals(magic, MAGIC) || storedChunkSize != chunkSize || storedChunks != chunks) {
            throw new IOException("chunk map " + mapFile + " does not describe " + chunks + " chunks of " + chunkSize
                    + " bytes (found " + storedChunks + " of " + storedChunkSize + ")");
        }
        ByteBuffer body = ByteBuffer.allocate((int) ((chunks + 7) / 8));
        readFully(map, body, HEADER_BYTES);
        for (long c = 0; c < chunks; c++) {
            if ((body.get((int) (c >>> 3)) & (1 << (c & 7))) != 0) {
                setBit(c);
                allocated.incrementAndGet();
            }
        }
    }

    @Override
    public boolean isAllocated(long chunk) {
        return (bits.get((int) (chunk >>> 5)) & (1 << (chunk & 31))) != 0;
    }

    @Override
    public long allocatedChunks() {
        return allocated.get();
    }

    @Override
    public void read(long chunk, int inChunk, byte[] dst, int dstOff, int len) {
        if (!isAllocated(chunk)) {
            Arrays.fill(dst, dstOff, dstOff + len, (byte) 0);
            return;
        }
        try {
            ByteBuffer buf = ByteBuffer.wrap(dst, dstOff, len);
            long pos = chunk * chunkSize + inChunk;
            while (buf.hasRemaining()) {
                int n = data.read(buf, pos);
                if (n < 0) {
                    Arrays.fill(dst, buf.position(), dstOff + len, (byte) 0); // past the end: never written
                    return;
                }
                pos += n;
            }
        } catch (IOException e) {
            throw new DiskIoException(diskId, "disk " + diskId + ": reading its data file failed: " + e, e);
        }
    }

    @Override
    public void write(long chunk, int inChunk, byte[] src, int srcOff, int len) {
        try {
            long start = chunk * chunkSize;
            if (isAllocated(chunk)) {
                writeFully(data, ByteBuffer.wrap(src, srcOff, len), start + inChunk);
                return;
            }
            int length = (int) Math.min(chunkSize, sizeBytes - start);
            if (inChunk == 0 && len == length) {
                writeFully(data, ByteBuffer.wrap(src, srcOff, len), start);
            } else {
                byte[] whole = new byte[length]; // the rest of a new chunk is zeros, whatever the file held there
                System.arraycopy(src, srcOff, whole, inChunk, len);
                writeFully(data, ByteBuffer.wrap(whole), start);
            }
            mark(chunk, true);
        } catch (IOException e) {
            throw new DiskIoException(diskId, "disk " + diskId + ": writing its data file failed: " + e, e);
        }
    }

    @Override
    public void free(long chunk) {
        if (!isAllocated(chunk)) {
            return;
        }
        try {
            mark(chunk, false);
        } catch (IOException e) {
            throw new DiskIoException(diskId, "disk " + diskId + ": writing its chunk map failed: " + e, e);
        }
    }

    /** Flip a chunk's bit in memory, then write the map byte holding it as it now is (writes of one byte in order). */
    private void mark(long chunk, boolean on) throws IOException {
        synchronized (mapWrites) {
            if (on) {
                setBit(chunk);
                allocated.incrementAndGet();
            } else {
                clearBit(chunk);
                allocated.decrementAndGet();
            }
            int word = bits.get((int) (chunk >>> 5));
            byte b = (byte) (word >>> (chunk & 24));
            writeFully(map, ByteBuffer.wrap(new byte[] {b}), HEADER_BYTES + (chunk >>> 3));
        }
    }

    private void setBit(long chunk) {
        int i = (int) (chunk >>> 5);
        int bit = 1 << (chunk & 31);
        bits.getAndUpdate(i, w -> w | bit);
    }

    private void clearBit(long chunk) {
        int i = (int) (chunk >>> 5);
        int bit = 1 << (chunk & 31);
        bits.getAndUpdate(i, w -> w & ~bit);
    }

    @Override
    public void force() {
        try {
            data.force(false);
            map.force(false);
        } catch (IOException e) {
            throw new DiskIoException(diskId, "disk " + diskId + ": making its data durable failed: " + e, e);
        }
    }

    @Override
    public void close() {
        try {
            data.close();
            map.close();
        } catch (IOException e) {
            throw new DiskIoException(diskId, "disk " + diskId + ": closing its data files failed: " + e, e);
        }
    }

    @Override
    public void delete() {
        close();
        try {
            Files.deleteIfExists(mapFile);
            Files.deleteIfExists(image);
        } catch (IOException e) {
            throw new DiskIoException(diskId, "disk " + diskId + ": removing its data files failed: " + e, e);
        }
    }

    private static void writeFully(FileChannel channel, ByteBuffer buf, long position) throws IOException {
        long pos = position;
        while (buf.hasRemaining()) {
            pos += channel.write(buf, pos);
        }
    }

    private static void readFully(FileChannel channel, ByteBuffer buf, long position) throws IOException {
        long pos = position;
        while (buf.hasRemaining()) {
            int n = channel.read(buf, pos);
            if (n < 0) {
                throw new IOException("unexpected end of " + channel);
            }
            pos += n;
        }
    }
}
