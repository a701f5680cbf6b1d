package org.iscsismis.bench.http;

import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.List;

/**
 * A minimal blocking HTTP/1.1 keep-alive client connection: one socket, TCP_NODELAY, requests sent
 * as pre-encoded bytes in a single write, responses framed by Content-Length, chunked transfer
 * coding (chunk extensions and trailers included) or connection close. Not thread safe: one
 * connection per load thread. Reconnects transparently when the server closed the connection.
 */
final class HttpConnection implements Closeable {
    private static final int CONNECT_TIMEOUT_MS = 5_000;
    private static final int READ_TIMEOUT_MS = 120_000;

    private final String host;
    private final int port;
    private Socket socket;
    private InputStream in;
    private OutputStream out;
    private boolean reused;
    private final byte[] buf = new byte[64 * 1024];
    private int pos;
    private int lim;
    private final HttpResponse response = new HttpResponse();
    private final StringBuilder line = new StringBuilder(128);
    private int connects;

    HttpConnection(String host, int port) {
        this.host = host;
        this.port = port;
    }

    String host() {
        return host;
    }

    int port() {
        return port;
    }

    /** Number of TCP connections opened so far (1 for a connection that stayed alive throughout). */
    int connects() {
        return connects;
    }

    void connect() throws IOException {
        close();
        Socket s = new Socket();
        s.setTcpNoDelay(true);
        s.setKeepAlive(true);
        s.setSoTimeout(READ_TIMEOUT_MS);
        s.connect(new InetSocketAddress(host, port), CONNECT_TIMEOUT_MS);
        socket = s;
        in = s.getInputStream();
        out = s.getOutputStream();
        pos = lim = 0;
        reused = false;
        connects++;
    }

    /**
     * Sends one complete pre-encoded request and reads its response. The returned object is reused by
     * the next call. A request on a kept-alive connection that the server had already closed is
     * retried once on a new connection.
     */
    HttpResponse exchange(byte[] request) throws IOException {
        if (socket == null) connect();
        boolean wasReused = reused;
        try {
            out.write(request);
            readResponse();
        } catch (StaleConnection | java.net.SocketException e) {
            if (!wasReused) throw e instanceof StaleConnection ? new EOFException("connection closed before response") : e;
            connect();
            out.write(request);
            readResponse();
        }
        reused = true;
        if (mustClose()) close();
        return response;
    }

    @Override
    public void close() {
        if (socket != null) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing anyway
            }
            socket = null;
        }
    }

    private boolean mustClose() {
        String connection = response.header("Connection");
        if (connection != null && connection.toLowerCase(java.util.Locale.ROOT).contains("close")) return true;
        return response.statusLine.startsWith("HTTP/1.0")
                && (connection == null || !connection.equalsIgnoreCase("keep-alive"));
    }

    private void readResponse() throws IOException {
        do {
            response.reset();
            String statusLine = readLine(true);
            response.statusLine = statusLine;
            response.status = parseStatus(statusLine);
            readFields(response.headers);
        } while (response.status >= 100 && response.status < 200); // skip interim responses
        readBody();
    }

    private void readBody() throws IOException {
        String te = response.header("Transfer-Encoding");
        String cl = response.header("Content-Length");
        int status = response.status;
        if (status == 204 || status == 304) return;
        if (te != null && te.toLowerCase(java.util.Locale.ROOT).contains("chunked")) {
            response.chunked = true;
            readChunked();
        } else if (cl != null) {
            long length = Long.parseLong(cl.trim());
            if (length > Integer.MAX_VALUE - 16) throw new IOException("response too large: " + length);
            readExactly((int) length);
        } else {
            readToEof();
        }
    }

    private void readChunked() throws IOException {
        while (true) {
            String sizeLine = readLine(false);
            int semi = sizeLine.indexOf(';');
            String hex = (semi >= 0 ? sizeLine.substring(0, semi) : sizeLine).trim();
            if (hex.isEmpty()) throw new IOException("bad chunk size line: '" + sizeLine + "'");
            long size = Long.parseLong(hex, 16);
            if (size == 0) {
                readFields(response.trailers);
                return;
            }
            if (response.bodyLength + size > Integer.MAX_VALUE - 16) throw new IOException("response too large");
            readExactly((int) size);
            String end = readLine(false);
            if (!end.isEmpty()) throw new IOException("chunk not followed by CRLF");
        }
    }

    /** Appends exactly {@code n} body bytes to the response body. */
    private void readExactly(int n) throws IOException {
        ensureBody(response.bodyLength + n);
        byte[] body = response.body;
        int off = response.bodyLength;
        int buffered = Math.min(n, lim - pos);
        System.arraycopy(buf, pos, body, off, buffered);
        pos += buffered;
        off += buffered;
        int remaining = n - buffered;
        while (remaining > 0) {
            int r = in.read(body, off, remaining);
            if (r < 0) throw new EOFException("connection closed inside a body");
            off += r;
            remaining -= r;
        }
        response.wireBytes += n;
        response.bodyLength = off;
    }

    private void readToEof() throws IOException {
        while (true) {
            if (pos == lim && !fill()) break;
            int n = lim - pos;
            readExactly(n);
        }
        reused = false;
        close();
    }

    private void ensureBody(int capacity) {
        if (response.body.length < capacity) {
            response.body = java.util.Arrays.copyOf(response.body, Math.max(capacity, response.body.length * 2));
        }
    }

    private void readFields(List<String[]> into) throws IOException {
        while (true) {
            String l = readLine(false);
            if (l.isEmpty()) return;
            int colon = l.indexOf(':');
            if (colon <= 0) throw new IOException("bad header line: '" + l + "'");
            into.add(new String[] {l.substring(0, colon).trim(), l.substring(colon + 1).trim()});
        }
    }

    private static int parseStatus(String statusLine) throws IOException {
        if (!statusLine.startsWith("HTTP/1.") || statusLine.length() < 12) {
            throw new IOException("bad status line: '" + statusLine + "'");
        }
        try {
            return Integer.parseInt(statusLine.substring(9, 12));
        } catch (NumberFormatException e) {
            throw new IOException("bad status line: '" + statusLine + "'");
        }
    }

    /** Reads a CRLF (or LF) terminated ASCII line without its terminator. */
    private String readLine(boolean first) throws IOException {
        line.setLength(0);
        while (true) {
            if (pos == lim && !fill()) {
                if (first && line.length() == 0) throw new StaleConnection();
                throw new EOFException("connection closed inside the response head");
            }
            byte b = buf[pos++];
            response.wireBytes++;
            if (b == '\n') {
                int n = line.length();
                if (n > 0 && line.charAt(n - 1) == '\r') line.setLength(n - 1);
                return line.toString();
            }
            line.append((char) (b & 0xff));
            if (line.length() > 64 * 1024) throw new IOException("header line too long");
        }
    }

    private boolean fill() throws IOException {
        int r = in.read(buf, 0, buf.length);
        if (r <= 0) return false;
        pos = 0;
        lim = r;
        return true;
    }

    /** End of stream before the first byte of a response: the server closed an idle connection. */
    private static final class StaleConnection extends IOException {
        StaleConnection() {
            super("connection closed before response");
        }
    }
}
