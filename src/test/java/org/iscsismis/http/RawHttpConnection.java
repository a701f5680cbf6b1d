package org.iscsismis.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.BufferedInputStream;
import java.io.InputStream;
import java.io.PushbackInputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * A raw HTTP/1.x connection for tests: sends bytes as given (any method, any version) and parses
 * one response at a time, including chunked bodies and trailers, so keep-alive and aborted streams
 * can be observed.
 */
final class RawHttpConnection implements AutoCloseable {

    /** One parsed response; {@code complete} is false when the connection ended inside the body. */
    record RawResponse(String statusLine, int status, Map<String, List<String>> headers, String body,
                       Map<String, List<String>> trailers, boolean chunked, boolean complete) {

        String header(String name) {
            List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
            return values == null ? null : values.get(0);
        }

        String trailer(String name) {
            List<String> values = trailers.get(name.toLowerCase(Locale.ROOT));
            return values == null ? null : values.get(0);
        }
    }

    private final Socket socket;
    private final PushbackInputStream in;
    private final OutputStream out;

    RawHttpConnection(int port) throws IOException {
        this.socket = new Socket("127.0.0.1", port);
        socket.setSoTimeout(10_000);
        this.in = new PushbackInputStream(new BufferedInputStream(socket.getInputStream()));
        this.out = socket.getOutputStream();
    }

    /** Sends a request head (lines without the final empty line; CRLF added) and a body. */
    RawHttpConnection send(String head, byte[] body) throws IOException {
        String text = head.strip().replace("\r\n", "\n").replace("\n", "\r\n") + "\r\n\r\n";
        out.write(text.getBytes(StandardCharsets.ISO_8859_1));
        if (body != null) {
            out.write(body);
        }
        out.flush();
        return this;
    }

    /** Writes raw bytes (e.g. chunks of a chunked upload). */
    RawHttpConnection write(String raw) throws IOException {
        out.write(raw.getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
        return this;
    }

    RawResponse read() throws IOException {
        String statusLine = line();
        if (statusLine == null) {
            throw new IOException("connection closed before a response");
        }
        int status = Integer.parseInt(statusLine.split(" ")[1]);
        Map<String, List<String>> headers = fields();
        boolean chunked = "chunked".equalsIgnoreCase(first(headers, "transfer-encoding"));
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        Map<String, List<String>> trailers = new TreeMap<>();
        boolean complete = true;
        try {
            if (chunked) {
                while (true) {
                    String size = line();
                    if (size == null) {
                        complete = false;
                        break;
                    }
                    int n = Integer.parseInt(size.split(";")[0].trim(), 16);
                    if (n == 0) {
                        trailers = fields();
                        break;
                    }
                    if (!readFully(body, n)) {
                        complete = false;
                        break;
                    }
                    line();
                }
            } else if (first(headers, "content-length") != null) {
                complete = readFully(body, Integer.parseInt(first(headers, "content-length")));
            } else if (status != 204 && status != 304) {
                in.transferTo(body);
            }
        } catch (SocketException e) {
            complete = false;
        }
        return new RawResponse(statusLine, status, headers, body.toString(StandardCharsets.UTF_8), trailers, chunked,
                complete);
    }

    /**
     * True when the server sends something (or closes) within {@code millis}; nothing is consumed. Only for
     * checking that the server waits: a false answer takes the whole {@code millis}.
     */
    boolean answersWithin(int millis) throws IOException {
        socket.setSoTimeout(millis);
        try {
            int b = in.read();
            if (b >= 0) {
                in.unread(b);
            }
            return true;
        } catch (SocketTimeoutException e) {
            return false;
        } finally {
            socket.setSoTimeout(10_000);
        }
    }

    /** True once the server has closed the connection (reads EOF within the timeout). */
    boolean closedByServer() throws IOException {
        try {
            return in.read() < 0;
        } catch (SocketException e) {
            return true;
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }

    private Map<String, List<String>> fields() throws IOException {
        Map<String, List<String>> fields = new TreeMap<>();
        for (String l = line(); l != null && !l.isEmpty(); l = line()) {
            int colon = l.indexOf(':');
            fields.computeIfAbsent(l.substring(0, colon).trim().toLowerCase(Locale.ROOT), k -> new ArrayList<>())
                    .add(l.substring(colon + 1).trim());
        }
        return fields;
    }

    private static String first(Map<String, List<String>> fields, String name) {
        List<String> values = fields.get(name);
        return values == null ? null : values.get(0);
    }

    private boolean readFully(ByteArrayOutputStream body, int n) throws IOException {
        byte[] buffer = in.readNBytes(n);
        body.write(buffer);
        return buffer.length == n;
    }

    private String line() throws IOException {
        StringBuilder sb = new StringBuilder();
        int c;
        while ((c = in.read()) >= 0) {
            if (c == '\n') {
                int len = sb.length();
                return len > 0 && sb.charAt(len - 1) == '\r' ? sb.substring(0, len - 1) : sb.toString();
            }
            sb.append((char) c);
        }
        return sb.length() == 0 ? null : sb.toString();
    }
}
