package org.iscsismis.replication;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * The file behind a persistent {@link ChunkBitmap}: its 64-bit words in order, each rewritten in place (a positional
 * write of 8 bytes) right after it changes in memory, so the file is never behind a change that a write or copy
 * relied on by more than the write in flight. Forced to the device on a host's flush and when the engine closes.
 */
final class ChunkMapFile implements AutoCloseable {

    private static final int STRIPES = 64;

    private final Path path;
    private final FileChannel channel;
    private final Object[] stripes = new Object[STRIPES];

    private ChunkMapFile(Path path, FileChannel channel) {
        this.path = path;
        this.channel = channel;
        for (int i = 0; i < STRIPES; i++) {
            stripes[i] = new Object();
        }
    }

    /** Opens (creating if missing) the map file. */
    static ChunkMapFile open(Path path) {
        try {
            return new ChunkMapFile(path, FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the chunk map " + path + ": " + e.getMessage(), e);
        }
    }

    /** Reads the words the file holds into {@code words} (missing words read as zero). */
    void load(AtomicLongArray words) {
        ByteBuffer all = ByteBuffer.allocate(words.length() * 8);
        try {
            long pos = 0;
            while (all.hasRemaining()) {
                int n = channel.read(all, pos);
                if (n < 0) {
                    break;
                }
                pos += n;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the chunk map " + path + ": " + e.getMessage(), e);
        }
        for (int w = 0; w < all.position() / 8; w++) {
            words.set(w, all.getLong(w * 8));
        }
    }

    /** Writes word {@code w} as it is now: of two racing writers of a word, the last to write saw both changes. */
    void writeWord(AtomicLongArray words, int w) {
        synchronized (stripes[w & (STRIPES - 1)]) {
            ByteBuffer b = ByteBuffer.allocate(8).putLong(0, words.get(w));
            write(b, w * 8L);
        }
    }

    /** Rewrites every word (after a bulk change made under the pair's exclusive lock). */
    void writeAll(AtomicLongArray words) {
        ByteBuffer all = ByteBuffer.allocate(words.length() * 8);
        for (int w = 0; w < words.length(); w++) {
            all.putLong(w * 8, words.get(w));
        }
        write(all, 0);
    }

    private void write(ByteBuffer b, long position) {
        try {
            long pos = position;
            while (b.hasRemaining()) {
                pos += channel.write(b, pos);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the chunk map " + path + ": " + e.getMessage(), e);
        }
    }

    void force() {
        try {
            channel.force(false);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot force the chunk map " + path + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        try {
            channel.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot close the chunk map " + path + ": " + e.getMessage(), e);
        }
    }

    void delete() {
        close();
        try {
            Files.deleteIfExists(path);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove the chunk map " + path + ": " + e.getMessage(), e);
        }
    }
}
