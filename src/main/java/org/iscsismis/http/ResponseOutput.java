package org.iscsismis.http;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Response;

/**
 * The response body stream: collects the encoder's output in one buffer and hands it to Jetty a
 * buffer at a time (blocking writes), so a response costs few network writes however often the
 * XML writer flushes. Once the first buffer has gone out, a write of at least a quarter of the buffer
 * goes to Jetty directly, after what is gathered here: the writer's own buffer is then the network buffer.
 * The buffer has its configured size ({@code http.outputBufferBytes}) and is reused: each thread keeps
 * the buffer of its last completed response for its next one, so a response allocates none (at most
 * one buffer per HTTP thread stays allocated).
 *
 * <ul>
 *   <li>A response that fits in the buffer goes out in one write with a {@code Content-Length}
 *       (unless it is chunked for trailers).</li>
 *   <li>Until the first buffer is written the response is not committed: {@link #discard()}
 *       drops what was written so that an ERROR response can replace it.</li>
 *   <li>{@link #flush()} does nothing; only a full buffer or {@link #complete()} writes.</li>
 * </ul>
 * Not thread-safe: one per response, used by the request's thread.
 */
final class ResponseOutput extends OutputStream {

    private final Response response;
    /** The buffer of this thread's last completed response, if any. */
    private static final ThreadLocal<byte[]> SPARE = new ThreadLocal<>();

    private final boolean chunked;
    private byte[] buffer;
    private int count;
    private boolean committed;
    private boolean completed;

    /**
     * @param chunked true to stream without a Content-Length even when the body fits the buffer
     *                (responses announcing trailers)
     */
    ResponseOutput(Response response, int bufferSize, boolean chunked) {
        this.response = response;
        this.chunked = chunked;
        byte[] spare = SPARE.get();
        if (spare != null && spare.length == bufferSize) {
            SPARE.remove();
            this.buffer = spare;
        } else {
            this.buffer = new byte[bufferSize];
        }
    }

    /** True once bytes have gone to Jetty: the status and headers are then on their way. */
    boolean isCommitted() {
        return committed;
    }

    /** Drops the buffered bytes; only before the first write. */
    void discard() {
        if (committed) {
            throw new IllegalStateException("Response already committed");
        }
        count = 0;
    }

    @Override
    public void write(int b) throws IOException {
        requireOpen();
        if (count == buffer.length) {
            makeRoom();
        }
        buffer[count++] = (byte) b;
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        requireOpen();
        if (count == buffer.length && len > 0) {
            makeRoom();
        }
        if (committed && len >= buffer.length / 4) {
            // Past the first buffer nothing can be taken back: a writer's full buffer goes to Jetty as it is
            // (the blocking write returns when Jetty is done with it), not copied into this one first. What is
            // gathered here goes first; after that this buffer stays empty while the writes are large.
            if (count > 0) {
                writeBuffer(false);
            }
            Content.Sink.write(response, false, ByteBuffer.wrap(b, off, len));
            return;
        }
        while (len > 0) {
            if (count == buffer.length) {
                makeRoom();
            }
            int n = Math.min(len, buffer.length - count);
            System.arraycopy(b, off, buffer, count, n);
            count += n;
            off += n;
            len -= n;
        }
    }

    /** Deliberately nothing: the XML writer's flushes must not become network writes. */
    @Override
    public void flush() {
    }

    /** Writes what is buffered as the last content of the response (with Content-Length if nothing was sent yet). */
    void complete() throws IOException {
        if (completed) {
            return;
        }
        completed = true;
        if (!committed && !chunked) {
            response.getHeaders().put(HttpHeader.CONTENT_LENGTH, count);
        }
        writeBuffer(true);
        // The blocking write has returned: Jetty no longer reads the buffer.
        SPARE.set(buffer);
        buffer = null;
    }

    /** Closing does not complete the response; {@link #complete()} does. */
    @Override
    public void close() {
    }

    private void requireOpen() throws IOException {
        if (completed) {
            throw new IOException("Response already completed");
        }
    }

    /** Writes the full buffer out. */
    private void makeRoom() throws IOException {
        writeBuffer(false);
    }

    private void writeBuffer(boolean last) throws IOException {
        if (completed && !last) {
            throw new IOException("Response already completed");
        }
        committed = true;
        Content.Sink.write(response, last, ByteBuffer.wrap(buffer, 0, count));
        count = 0;
    }
}
