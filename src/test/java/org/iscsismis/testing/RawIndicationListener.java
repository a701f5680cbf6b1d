package org.iscsismis.testing;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A minimal CIM-XML listener over the JDK's HTTP server, for volume: it answers every ExportIndication with an empty
 * EXPMETHODRESPONSE, one request at a time, and keeps of each indication only its SequenceNumber and one value the
 * caller picks out of the body (a regular expression's first group), so 100 000 of them fit in a test.
 */
public final class RawIndicationListener implements AutoCloseable {

    private static final Pattern SEQUENCE_NUMBER = Pattern.compile("NAME=\"SequenceNumber\" TYPE=\"sint64\"><VALUE>(\\d+)<");
    private static final byte[] ANSWER = ("<?xml version=\"1.0\" encoding=\"utf-8\"?><CIM CIMVERSION=\"2.0\" DTDVERSION=\"2.0\">"
            + "<MESSAGE ID=\"1\" PROTOCOLVERSION=\"1.0\"><SIMPLEEXPRSP><EXPMETHODRESPONSE NAME=\"ExportIndication\"/>"
            + "</SIMPLEEXPRSP></MESSAGE></CIM>").getBytes(StandardCharsets.UTF_8);

    private final HttpServer http;
    private final ExecutorService thread = Executors.newSingleThreadExecutor();
    private final Pattern mark;
    private final List<Long> numbers = new ArrayList<>();
    private final List<String> marks = new ArrayList<>();

    /** @param mark picks the value kept from each request body (group 1; null when it does not match) */
    public RawIndicationListener(Pattern mark) throws IOException {
        this.mark = mark;
        http = newServer();
        http.setExecutor(thread);
        http.createContext("/", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            record(body);
            exchange.getResponseHeaders().add("Content-Type", "application/xml; charset=utf-8");
            exchange.getResponseHeaders().add("CIMExport", "MethodResponse");
            exchange.sendResponseHeaders(200, ANSWER.length);
            exchange.getResponseBody().write(ANSWER);
            exchange.close();
        });
        http.start();
    }

    /**
     * A JDK HTTP server on a free loopback port with TCP_NODELAY: the JDK server writes headers and body apart, and
     * without it Nagle plus the client's delayed ACK cost 40 ms per answer. The JDK reads the setting once, when the
     * first server of the JVM is made, so every test server is made here.
     */
    public static HttpServer newServer() throws IOException {
        System.setProperty("sun.net.httpserver.nodelay", "true");
        return HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
    }

    private synchronized void record(String body) {
        Matcher n = SEQUENCE_NUMBER.matcher(body);
        numbers.add(n.find() ? Long.parseLong(n.group(1)) : -1);
        Matcher m = mark.matcher(body);
        marks.add(m.find() ? m.group(1) : null);
    }

    public URI url() {
        return URI.create("http://127.0.0.1:" + http.getAddress().getPort() + "/");
    }

    public synchronized int count() {
        return numbers.size();
    }

    /** The SequenceNumbers received, in arrival order (-1 where there was none). */
    public synchronized List<Long> sequenceNumbers() {
        return List.copyOf(numbers);
    }

    /** The picked values, in arrival order. */
    public synchronized List<String> marks() {
        return new ArrayList<>(marks);
    }

    @Override
    public void close() {
        http.stop(0);
        thread.shutdownNow();
    }
}
