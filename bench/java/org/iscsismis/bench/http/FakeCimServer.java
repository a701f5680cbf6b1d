package org.iscsismis.bench.http;

import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.util.Callback;

/**
 * DRIVER TEST AID, NOT A BENCHMARK OF THE SERVER. An in-process Jetty handler that answers just
 * enough CIM-XML (CreateClass, DeleteClass, CreateInstance, DeleteInstance, GetInstance,
 * EnumerateInstances, EnumerateInstanceNames, EnumerateClassNames) with regular expressions and
 * canned text, so that {@code HttpLoadDriver --self-check} can exercise the whole driver end to
 * end: request encoding, response framing (EnumerateInstances is sent chunked, everything else with
 * Content-Length), checks, capture and replay. It stores each created INSTANCE element verbatim and
 * echoes it back. Its figures say nothing about iscsi-smis.
 */
final class FakeCimServer implements AutoCloseable {
    private static final Pattern CLASS_NAME = Pattern.compile("<CLASS NAME=\"([^\"]+)\"");
    private static final Pattern CLASSNAME_PARAM = Pattern.compile("<CLASSNAME NAME=\"([^\"]+)\"");
    private static final Pattern INSTANCE = Pattern.compile("<INSTANCE CLASSNAME=\"([^\"]+)\">.*?</INSTANCE>", Pattern.DOTALL);
    private static final Pattern INSTANCE_ID = Pattern.compile("<PROPERTY NAME=\"InstanceID\" TYPE=\"string\"><VALUE>([^<]*)</VALUE>");
    private static final Pattern KEYVALUE = Pattern.compile("<KEYVALUE[^>]*>([^<]*)</KEYVALUE>");
    private static final int CHUNK = 64 * 1024;

    private final Set<String> classes = ConcurrentHashMap.newKeySet();
    /** InstanceID → INSTANCE element; insertion order is the enumeration order. */
    private final Map<String, String> instances = new LinkedHashMap<>();
    private byte[] enumerationCache;
    private final Server server;

    FakeCimServer() throws Exception {
        this(0);
    }

    FakeCimServer(int port) throws Exception {
        server = JettyServers.start(new CimHandler(), "fake-cim", port);
    }

    /**
     * Runs the fake as a process ({@code --http-port PORT}), with the same command-line shape as the
     * server jar, so that the driver's --start-server and --url modes can be tried without the server.
     */
    public static void main(String[] args) throws Exception {
        HttpLoadDriver.quietLogging();
        int port = args.length == 2 && args[0].equals("--http-port") ? Integer.parseInt(args[1]) : 5988;
        FakeCimServer fake = new FakeCimServer(port);
        System.out.println("FakeCimServer (driver test aid) listening on " + fake.url());
        fake.server.join();
    }

    URI url() {
        return URI.create("http://127.0.0.1:" + JettyServers.port(server) + "/cimom");
    }

    @Override
    public void close() throws Exception {
        server.stop();
    }

    private final class CimHandler extends Handler.Abstract {
        @Override
        public boolean handle(Request request, Response response, Callback callback) throws Exception {
            String body = Content.Source.asString(request, StandardCharsets.UTF_8);
            String method = request.getHeaders().get("CIMMethod");
            if (!"POST".equals(request.getMethod()) || method == null) {
                Response.writeError(request, response, callback, 400, "not a CIM operation request");
                return true;
            }
            response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/xml; charset=utf-8");
            response.getHeaders().put("CIMOperation", "MethodResponse");
            if (method.equals("EnumerateInstances")) {
                writeChunked(response, enumeration(), callback);
            } else {
                byte[] bytes = respond(method, body, new StringBuilder()).getBytes(StandardCharsets.UTF_8);
                response.getHeaders().put(HttpHeader.CONTENT_LENGTH, bytes.length);
                response.write(true, ByteBuffer.wrap(bytes), callback);
            }
            return true;
        }
    }

    private String respond(String method, String body, StringBuilder r) {
        synchronized (instances) {
            switch (method) {
                case "CreateClass" -> {
                    String name = group(CLASS_NAME, body);
                    if (!classes.add(name)) return error(method, 11, "class " + name + " exists");
                    return empty(method);
                }
                case "DeleteClass" -> {
                    String name = group(CLASSNAME_PARAM, body);
                    if (!classes.remove(name)) return error(method, 6, "no class " + name);
                    instances.clear();
                    enumerationCache = null;
                    return empty(method);
                }
                case "CreateInstance" -> {
                    Matcher m = INSTANCE.matcher(body);
                    if (!m.find()) return error(method, 4, "no INSTANCE");
                    if (!classes.contains(m.group(1))) return error(method, 5, "no class " + m.group(1));
                    String id = group(INSTANCE_ID, m.group());
                    if (instances.containsKey(id)) return error(method, 11, "instance " + id + " exists");
                    instances.put(id, m.group());
                    enumerationCache = null;
                    return ok(method, BenchWorkload.instanceNameXml(id));
                }
                case "DeleteInstance" -> {
                    String id = group(KEYVALUE, body);
                    if (instances.remove(id) == null) return error(method, 6, "no instance " + id);
                    enumerationCache = null;
                    return empty(method);
                }
                case "GetInstance" -> {
                    String instance = instances.get(group(KEYVALUE, body));
                    return instance == null ? error(method, 6, "not found") : ok(method, instance);
                }
                case "EnumerateInstanceNames" -> {
                    for (String id : instances.keySet()) r.append(BenchWorkload.instanceNameXml(id));
                    return ok(method, r.toString());
                }
                case "EnumerateClassNames" -> {
                    for (String c : classes) r.append("<CLASSNAME NAME=\"").append(c).append("\"/>");
                    return ok(method, r.toString());
                }
                default -> {
                    return error(method, 7, method + " not supported by the fake");
                }
            }
        }
    }

    private byte[] enumeration() {
        synchronized (instances) {
            if (enumerationCache == null) {
                StringBuilder r = new StringBuilder(instances.size() * 1500 + 512);
                for (Map.Entry<String, String> e : instances.entrySet()) {
                    r.append("<VALUE.NAMEDINSTANCE>").append(BenchWorkload.instanceNameXml(e.getKey()))
                            .append(e.getValue()).append("</VALUE.NAMEDINSTANCE>");
                }
                enumerationCache = ok("EnumerateInstances", r.toString()).getBytes(StandardCharsets.UTF_8);
            }
            return enumerationCache;
        }
    }

    /** Several writes without Content-Length, so Jetty uses chunked transfer coding. */
    private static void writeChunked(Response response, byte[] bytes, Callback callback) {
        writeFrom(response, bytes, 0, callback);
    }

    private static void writeFrom(Response response, byte[] bytes, int offset, Callback callback) {
        int n = Math.min(CHUNK, bytes.length - offset);
        boolean last = offset + n >= bytes.length;
        Runnable next = last
                ? () -> response.write(true, ByteBuffer.allocate(0), callback)
                : () -> writeFrom(response, bytes, offset + n, callback);
        response.write(false, ByteBuffer.wrap(bytes, offset, n), Callback.from(next, callback::failed));
    }

    private static String group(Pattern p, String text) {
        Matcher m = p.matcher(text);
        return m.find() ? m.group(1) : "";
    }

    private static String head(String method) {
        return "<?xml version=\"1.0\" encoding=\"utf-8\" ?><CIM CIMVERSION=\"2.0\" DTDVERSION=\"2.0\">"
                + "<MESSAGE ID=\"1001\" PROTOCOLVERSION=\"1.0\"><SIMPLERSP><IMETHODRESPONSE NAME=\"" + method + "\">";
    }

    private static final String TAIL = "</IMETHODRESPONSE></SIMPLERSP></MESSAGE></CIM>";

    private static String ok(String method, String content) {
        return head(method) + "<IRETURNVALUE>" + content + "</IRETURNVALUE>" + TAIL;
    }

    private static String empty(String method) {
        return head(method) + TAIL;
    }

    private static String error(String method, int code, String description) {
        return head(method) + "<ERROR CODE=\"" + code + "\" DESCRIPTION=\"" + description + "\"/>" + TAIL;
    }
}
