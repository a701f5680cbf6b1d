package org.iscsismis.e2e;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Many hostile connections at once, as an attacker opens them: each sends a prefix (a partial request
 * head, or a whole head announcing a body) and then one more byte per {@link #trickle() round}. Sockets
 * are bound to loopback source addresses of their own ({@code 127.0.X.Y}), so the server sees several
 * clients, none of them the well-behaved test client on 127.0.0.1.
 */
public final class SlowClients implements AutoCloseable {

    private final List<Socket> open = new ArrayList<>();
    private final java.util.Map<Integer, Integer> answers = new java.util.TreeMap<>();
    private int refusedAtConnect;

    /**
     * Opens {@code count} connections spread over {@code addresses} source addresses 127.0.{@code net}.1…,
     * each sending {@code prefix} at once.
     */
    public static SlowClients open(int port, int count, int net, int addresses, String prefix) throws IOException {
        SlowClients clients = new SlowClients();
        byte[] head = prefix.getBytes(StandardCharsets.ISO_8859_1);
        for (int i = 0; i < count; i++) {
            Socket s = new Socket();
            try {
                s.bind(new InetSocketAddress(InetAddress.getByName("127.0." + net + "." + (1 + i % addresses)), 0));
                s.connect(new InetSocketAddress("127.0.0.1", port), 10_000);
                s.getOutputStream().write(head);
                s.getOutputStream().flush();
                clients.open.add(s);
            } catch (IOException closedByServer) {
                clients.refusedAtConnect++;
                s.close();
            }
        }
        return clients;
    }

    /**
     * Sends one more byte on every connection still open. A connection the server closed is dropped: the
     * server's answer, if any, is read and counted by status first; a write after the server's close fails.
     */
    public void trickle() {
        open.removeIf(s -> {
            try {
                readAnswer(s);
                s.getOutputStream().write('x');
                s.getOutputStream().flush();
                return false;
            } catch (IOException e) {
                closeQuietly(s);
                return true;
            }
        });
    }

    /** The HTTP statuses the server answered these connections with (status → count). */
    public java.util.Map<Integer, Integer> answers() {
        return answers;
    }

    /** Connections the server has not closed (yet). */
    public int stillOpen() {
        return open.size();
    }

    int refusedAtConnect() {
        return refusedAtConnect;
    }

    /** Reads what the server sent without blocking; a status line is counted. */
    private void readAnswer(Socket s) throws IOException {
        InputStream in = s.getInputStream();
        int available = in.available();
        if (available == 0) {
            return;
        }
        byte[] buffer = new byte[available];
        int n = in.read(buffer);
        String text = new String(buffer, 0, Math.max(n, 0), StandardCharsets.ISO_8859_1);
        if (text.startsWith("HTTP/1.1 ") && text.length() >= 12) {
            answers.merge(Integer.parseInt(text.substring(9, 12)), 1, Integer::sum);
        }
    }

    private static void closeQuietly(Socket s) {
        try {
            s.close();
        } catch (IOException ignored) {
            // already gone
        }
    }

    @Override
    public void close() {
        open.forEach(SlowClients::closeQuietly);
        open.clear();
    }
}
