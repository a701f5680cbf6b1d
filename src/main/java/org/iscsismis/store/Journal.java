package org.iscsismis.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.zip.CRC32C;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A write-ahead log of keyed state records: {@code put(key, value)} and {@code remove(key)}, each appended and
 * forced to the device ({@link FileChannel#force}) before the call returns, so a change a client was told about
 * survives a crash. The journal's meaning is the last value per key, in the order keys were first put.
 *
 * <p>On disk, one record is {@code [length u32][CRC32C u32][op u8][key length u16][key UTF-8][value]}, the CRC over
 * everything after it. Opening reads records until the first that is cut short or fails its CRC: that record and
 * everything after it is a torn tail (a write the crash interrupted, never acknowledged) and is cut off. When the
 * file has grown to several times the live state, it is compacted: the live records are written to a new file,
 * forced, and renamed over the old one (atomic on POSIX file systems), so a crash leaves either file whole.
 *
 * <p>The values of keys put with {@code live = true} are not kept in memory; compaction asks the
 * {@code liveValues} function for them (the repository's instances, which it holds anyway). Thread-safe: appends
 * are serialised.
 *
 * <p>A record that cannot be written or forced (device full, I/O error) is refused with a
 * {@link JournalWriteException} and leaves nothing behind: the file is cut back to where the record began, so the
 * caller can undo its change and a restart never brings it back. If even that cut fails, the journal refuses every
 * later change too (it no longer knows what the file holds) until the server is restarted.
 */
public final class Journal implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Journal.class);
    private static final byte PUT = 1;
    private static final byte REMOVE = 2;
    private static final int HEADER = 8;
    /** Records above this size are refused (a corrupt length must not make the reader allocate gigabytes). */
    static final int MAX_RECORD = 64 << 20;
    private static final long MIN_COMPACT_BYTES = 1 << 20;
    private static final byte[] LIVE = new byte[0];

    /** Opens the journal's files: {@link FileChannel#open} but in tests, which inject failures. */
    interface Channels {
        FileChannel open(Path file, OpenOption... options) throws IOException;
    }

    private final Path file;
    private final Channels channels;
    private FileChannel channel;
    /** Set when a failed record could not be cut off again: every later change is refused. */
    private IOException broken;
    private long size;
    private long liveBytes;
    private final LinkedHashMap<String, byte[]> state = new LinkedHashMap<>();
    /** The length of each key's last value (kept for live keys too: it sizes the file's live part). */
    private final Map<String, Integer> lengths = new java.util.HashMap<>();
    private Function<String, byte[]> liveValues = key -> null;
    private final Recovered recovered;
    private long commits;

    /** What opening found: the records read and what was cut off. */
    public record Recovered(int records, long bytesKept, long tornBytes, String tornReason) {
    }

    private Journal(Path file, Channels channels) throws IOException {
        this.file = file;
        this.channels = channels;
        Files.deleteIfExists(file.resolveSibling(file.getFileName() + ".new")); // a compaction the crash interrupted
        this.channel = channels.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
        this.recovered = readAll();
        if (recovered.tornBytes() > 0) {
            LOG.warn("Journal {}: dropped a torn tail of {} bytes after {} records ({}); those changes were never acknowledged",
                    file, recovered.tornBytes(), recovered.records(), recovered.tornReason());
            channel.truncate(recovered.bytesKept());
            channel.force(true);
        }
        this.size = recovered.bytesKept();
    }

    /** Opens (or creates) the journal and reads it, cutting off a torn tail. */
    public static Journal open(Path file) {
        return open(file, FileChannel::open);
    }

    static Journal open(Path file, Channels channels) {
        try {
            return new Journal(file, channels);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the journal " + file + ": " + e.getMessage(), e);
        }
    }

    public Recovered recovered() {
        return recovered;
    }

    /** The state read at open (and changed since): key → value, in the order keys were first put. */
    public synchronized Map<String, byte[]> snapshot() {
        return new LinkedHashMap<>(state);
    }

    /** The value of {@code key}, or null (empty for a key put with {@code live = true}). */
    public synchronized byte[] get(String key) {
        return state.get(key);
    }

    /** The values of the given key prefix, in order. */
    public synchronized Map<String, byte[]> withPrefix(String prefix) {
        Map<String, byte[]> out = new LinkedHashMap<>();
        state.forEach((k, v) -> {
            if (k.startsWith(prefix)) {
                out.put(k, v);
            }
        });
        return out;
    }

    /** Stops holding the value of {@code key} read at open: compaction asks {@link #liveValues} for it from now on. */
    public synchronized void keepLive(String key) {
        if (state.containsKey(key)) {
            state.put(key, LIVE);
        }
    }

    /** The bytes of values held in memory (those of live keys are not). */
    public synchronized long heldBytes() {
        long held = 0;
        for (byte[] v : state.values()) {
            held += v.length;
        }
        return held;
    }

    /**
     * Where compaction gets the values of keys put with {@code live = true}. The function may throw
     * {@link IllegalStateException} when the owner's state is ahead of the journal (a change being recorded on
     * another thread): that compaction is given up, and tried again on a later append.
     */
    public synchronized void liveValues(Function<String, byte[]> values) {
        this.liveValues = values;
    }

    /** Records {@code key = value} durably. */
    public void put(String key, byte[] value) {
        put(key, value, false);
    }

    /**
     * Records {@code key = value} durably; with {@code live}, the value is not kept in memory (compaction asks
     * {@link #liveValues} for it).
     */
    public synchronized void put(String key, byte[] value, boolean live) {
        append(PUT, key, value);
        state.put(key, live ? LIVE : value);
        track(key, value.length);
        compactIfLarge();
    }

    /** Records that {@code key} is gone (nothing if it was not there). */
    public synchronized void remove(String key) {
        if (!state.containsKey(key)) {
            return;
        }
        append(REMOVE, key, new byte[0]);
        state.remove(key);
        track(key, -1);
        compactIfLarge();
    }

    /** Records forced to the device since open (what {@code put}/{@code remove} cost). */
    public synchronized long commits() {
        return commits;
    }

    public synchronized long sizeBytes() {
        return size;
    }

    private void append(byte op, String key, byte[] value) {
        if (broken != null) {
            throw new JournalWriteException(key, "its journal failed earlier: " + JournalWriteException.reason(broken)
                    + "; restart the server once the cause is fixed", broken);
        }
        ByteBuffer record = encode(op, key, value);
        try {
            writeFully(channel, record, size);
            channel.force(false);
        } catch (IOException e) {
            LOG.error("Journal {}: cannot record {}: {}; the change is refused", file, key, e.toString());
            cutBack(e);
            throw new JournalWriteException(key, JournalWriteException.reason(e), e);
        }
        size += record.limit();
        commits++;
    }

    /** Removes what a failed append may have left, so a restart cannot bring back a refused change. */
    private void cutBack(IOException failure) {
        try {
            channel.truncate(size);
            channel.force(true);
        } catch (IOException e) {
            failure.addSuppressed(e);
            broken = failure;
            LOG.error("Journal {}: cannot cut a failed record off again ({}); every change is refused until a restart",
                    file, e.toString());
        }
    }

    static ByteBuffer encode(byte op, String key, byte[] value) {
        byte[] k = key.getBytes(StandardCharsets.UTF_8);
        int body = 1 + 2 + k.length + value.length;
        if (k.length > 0xFFFF || body > MAX_RECORD) {
            throw new IllegalArgumentException("journal record for " + key + " is too large: " + body + " bytes");
        }
        ByteBuffer b = ByteBuffer.allocate(HEADER + body);
        b.putInt(body).putInt(0).put(op).putShort((short) k.length).put(k).put(value);
        CRC32C crc = new CRC32C();
        crc.update(b.array(), HEADER, body);
        b.putInt(4, (int) crc.getValue());
        b.flip();
        return b;
    }

    private Recovered readAll() throws IOException {
        long pos = 0;
        long end = channel.size();
        int records = 0;
        ByteBuffer header = ByteBuffer.allocate(HEADER);
        String torn = null;
        while (pos < end) {
            header.clear();
            if (end - pos < HEADER) {
                torn = "a record header cut short";
                break;
            }
            readFully(channel, header, pos);
            int length = header.getInt(0);
            int crc = header.getInt(4);
            if (length < 3 || length > MAX_RECORD || pos + HEADER + length > end) {
                torn = length < 3 || length > MAX_RECORD ? "a record length of " + length : "a record cut short";
                break;
            }
            ByteBuffer body = ByteBuffer.allocate(length);
            readFully(channel, body, pos + HEADER);
            CRC32C check = new CRC32C();
            check.update(body.array(), 0, length);
            if ((int) check.getValue() != crc) {
                torn = "a record failing its checksum";
                break;
            }
            apply(body.array());
            pos += HEADER + length;
            records++;
        }
        return new Recovered(records, pos, end - pos, torn);
    }

    private void apply(byte[] body) {
        ByteBuffer b = ByteBuffer.wrap(body);
        byte op = b.get();
        int keyLength = b.getShort() & 0xFFFF;
        String key = new String(body, 3, keyLength, StandardCharsets.UTF_8);
        byte[] value = new byte[body.length - 3 - keyLength];
        System.arraycopy(body, 3 + keyLength, value, 0, value.length);
        if (op == PUT) {
            state.put(key, value);
            track(key, value.length);
        } else {
            state.remove(key);
            track(key, -1);
        }
    }

    /** A key's value is now {@code length} bytes long ({@code -1}: removed). */
    private void track(String key, int length) {
        Integer old = length < 0 ? lengths.remove(key) : lengths.put(key, length);
        liveBytes += Math.max(length, 0) - (old == null ? 0 : old);
    }

    /** Keep the file within a few times the live state: rewrite it when it grows past that. */
    private void compactIfLarge() {
        if (size > Math.max(MIN_COMPACT_BYTES, 4 * (liveBytes + 64L * state.size()))) {
            try {
                compact();
            } catch (IllegalStateException e) {
                LOG.debug("Journal {}: compaction put off: {}", file, e.getMessage());
            } catch (UncheckedIOException e) {
                // the change is recorded already; the file simply stays long until a compaction succeeds
                LOG.warn("Journal {}: compaction failed, the journal stays at {} bytes: {}", file, size, e.getMessage());
            }
        }
    }

    /** Rewrites the journal as one record per live key (forced, then renamed over the old file). */
    public synchronized void compact() {
        Path next = file.resolveSibling(file.getFileName() + ".new");
        long written = 0;
        long live = 0;
        try (FileChannel out = channels.open(next, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                StandardOpenOption.WRITE)) {
            for (Map.Entry<String, byte[]> e : state.entrySet()) {
                byte[] value = e.getValue() == LIVE ? liveValues.apply(e.getKey()) : e.getValue();
                if (value == null) {
                    continue; // the owner no longer has it: its removal record is on its way
                }
                ByteBuffer record = encode(PUT, e.getKey(), value);
                writeFully(out, record, written);
                written += record.limit();
                live += value.length;
            }
            out.force(true);
        } catch (IllegalStateException e) {
            deleteQuietly(next);
            throw e;
        } catch (IOException e) {
            deleteQuietly(next);
            throw new UncheckedIOException("cannot compact the journal " + file + ": " + e.getMessage(), e);
        }
        try {
            Files.move(next, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            deleteQuietly(next); // the old file and its channel are untouched
            throw new UncheckedIOException("cannot replace the journal " + file + ": " + e.getMessage(), e);
        }
        try {
            DataDirectory.forceDirectory(file.getParent());
            FileChannel old = channel;
            channel = channels.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE);
            old.close();
        } catch (IOException e) {
            broken = e; // which file the next record would land in is unknown
            throw new UncheckedIOException("cannot replace the journal " + file + ": " + e.getMessage(), e);
        }
        LOG.debug("Journal {} compacted from {} to {} bytes ({} keys)", file, size, written, state.size());
        size = written;
        liveBytes = live;
    }

    @Override
    public synchronized void close() {
        try {
            channel.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot close the journal " + file + ": " + e.getMessage(), e);
        }
    }

    private static void deleteQuietly(Path f) {
        try {
            Files.deleteIfExists(f);
        } catch (IOException e) {
            LOG.debug("cannot delete {}: {}", f, e.toString());
        }
    }

    static void writeFully(FileChannel channel, ByteBuffer buf, long position) throws IOException {
        long pos = position;
        while (buf.hasRemaining()) {
            pos += channel.write(buf, pos);
        }
    }

    static void readFully(FileChannel channel, ByteBuffer buf, long position) throws IOException {
        long pos = position;
        while (buf.hasRemaining()) {
            int n = channel.read(buf, pos);
            if (n < 0) {
                throw new IOException("unexpected end of file");
            }
            pos += n;
        }
    }
}
