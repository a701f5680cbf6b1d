package org.iscsismis.bench.http;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;

/**
 * The workload of docs/benchmarks.md (defined in TARGETS.md): class {@code Bench_Item} in
 * root/cimv2 and its instances, plus every request the driver sends, written the way pywbem writes
 * them and pre-encoded as complete HTTP/1.1 requests (head and body in one byte array). The end-to-end memory test
 * sends the same bodies.
 */
public final class BenchWorkload {
    public static final String CLASS_NAME = "Bench_Item";
    public static final String NAMESPACE = "root/cimv2";

    private static final String XML_DECL = "<?xml version=\"1.0\" encoding=\"utf-8\" ?>";
    private static final String LOCAL_NS =
            "<LOCALNAMESPACEPATH><NAMESPACE NAME=\"root\"/><NAMESPACE NAME=\"cimv2\"/></LOCALNAMESPACEPATH>";
    /** Padding text for Description: the instance then encodes to about 1.4 KB of CIM-XML. */
    private static final String LOREM = "Benchmark instance of the iscsi-smis HTTP load driver; this text only gives"
            + " the instance the size of a typical storage management object. Lorem ipsum dolor sit amet,"
            + " consectetur adipiscing elit, sed do eiusmod tempor.";

    private final String path;
    private final String hostHeader;
    private final String authorization;
    private final boolean teTrailers;

    BenchWorkload(URI url, String user, boolean teTrailers) {
        this.path = url.getRawPath() == null || url.getRawPath().isEmpty() ? "/cimom" : url.getRawPath();
        this.hostHeader = url.getHost() + ":" + url.getPort();
        this.authorization = user == null ? null
                : "Basic " + Base64.getEncoder().encodeToString(user.getBytes(StandardCharsets.UTF_8));
        this.teTrailers = teTrailers;
    }

    // ---- instance data ----------------------------------------------------------------------

    public static String instanceId(int i) {
        return String.format(Locale.ROOT, "Bench:%08d", i);
    }

    /** The INSTANCE element of instance {@code i}; values are deterministic and need no escaping. */
    static String instanceXml(int i) {
        StringBuilder sb = new StringBuilder(1400);
        sb.append("<INSTANCE CLASSNAME=\"").append(CLASS_NAME).append("\">");
        property(sb, "InstanceID", "string", instanceId(i));
        property(sb, "Name", "string", "bench-item-" + i);
        property(sb, "Description", "string", "Item " + i + ". " + LOREM);
        property(sb, "Caption", "string", "Benchmark item number " + i + " of the HTTP load driver");
        property(sb, "Counter", "uint32", Integer.toString(i));
        property(sb, "Big", "uint64", Long.toString(4_000_000_000L + i * 1_000_003L));
        property(sb, "Delta", "sint32", Integer.toString((i & 1) == 0 ? i : -i));
        property(sb, "Ratio", "real64", Double.toString(i / 7.0));
        property(sb, "Enabled", "boolean", (i & 1) == 0 ? "TRUE" : "FALSE");
        property(sb, "Created", "datetime", String.format(Locale.ROOT, "20240115%02d%02d%02d.%06d+000",
                (i / 3600) % 24, (i / 60) % 60, i % 60, i % 1_000_000));
        property(sb, "Status", "uint16", Integer.toString(2 + i % 5));
        sb.append("<PROPERTY.ARRAY NAME=\"Tags\" TYPE=\"string\"><VALUE.ARRAY>")
                .append("<VALUE>tag-a-").append(i % 10).append("</VALUE>")
                .append("<VALUE>tag-b-").append(i % 100).append("</VALUE>")
                .append("<VALUE>tag-c-").append(i % 1000).append("</VALUE>")
                .append("</VALUE.ARRAY></PROPERTY.ARRAY>");
        sb.append("</INSTANCE>");
        return sb.toString();
    }

    static String instanceNameXml(String instanceId) {
        return "<INSTANCENAME CLASSNAME=\"" + CLASS_NAME + "\"><KEYBINDING NAME=\"InstanceID\">"
                + "<KEYVALUE VALUETYPE=\"string\" TYPE=\"string\">" + instanceId + "</KEYVALUE></KEYBINDING></INSTANCENAME>";
    }

    private static void property(StringBuilder sb, String name, String type, String value) {
        sb.append("<PROPERTY NAME=\"").append(name).append("\" TYPE=\"").append(type).append("\"><VALUE>")
                .append(value).append("</VALUE></PROPERTY>");
    }

    // ---- request bodies ---------------------------------------------------------------------

    public static String createClassBody() {
        StringBuilder c = new StringBuilder();
        c.append("<CLASS NAME=\"").append(CLASS_NAME).append("\">");
        c.append("<PROPERTY NAME=\"InstanceID\" TYPE=\"string\">")
                .append("<QUALIFIER NAME=\"Key\" TYPE=\"boolean\" OVERRIDABLE=\"false\"><VALUE>TRUE</VALUE></QUALIFIER>")
                .append("</PROPERTY>");
        String[][] props = {
            {"Name", "string"}, {"Description", "string"}, {"Caption", "string"}, {"Counter", "uint32"},
            {"Big", "uint64"}, {"Delta", "sint32"}, {"Ratio", "real64"}, {"Enabled", "boolean"},
            {"Created", "datetime"}, {"Status", "uint16"},
        };
        for (String[] p : props) {
            c.append("<PROPERTY NAME=\"").append(p[0]).append("\" TYPE=\"").append(p[1]).append("\"/>");
        }
        c.append("<PROPERTY.ARRAY NAME=\"Tags\" TYPE=\"string\"/>");
        c.append("</CLASS>");
        return call("CreateClass", iparam("NewClass", c.toString()));
    }

    static String deleteClassBody() {
        return call("DeleteClass", iparam("ClassName", className()));
    }

    public static String createInstanceBody(int i) {
        return call("CreateInstance", iparam("NewInstance", instanceXml(i)));
    }

    static String deleteInstanceBody(String instanceId) {
        return call("DeleteInstance", iparam("InstanceName", instanceNameXml(instanceId)));
    }

    public static String enumerateInstancesBody() {
        return call("EnumerateInstances", iparam("ClassName", className())
                + bool("LocalOnly", false) + bool("DeepInheritance", true)
                + bool("IncludeQualifiers", false) + bool("IncludeClassOrigin", false));
    }

    /**
     * EnumerateInstances of Bench_Item with a PropertyList (Name, Counter, Status): the filter reads every property of
     * every instance and builds a new one, so no kept encoding serves it.
     */
    public static String enumerateInstancesPropertyListBody() {
        return call("EnumerateInstances", iparam("ClassName", className())
                + bool("LocalOnly", false) + bool("DeepInheritance", true)
                + bool("IncludeQualifiers", false) + bool("IncludeClassOrigin", false)
                + iparam("PropertyList", "<VALUE.ARRAY><VALUE>Name</VALUE><VALUE>Counter</VALUE><VALUE>Status</VALUE></VALUE.ARRAY>"));
    }

    /** OpenEnumerateInstances of Bench_Item as pywbem's OpenEnumerateInstances sends it. */
    static String openEnumerateInstancesBody(int maxObjectCount) {
        return openEnumerateInstancesBody(maxObjectCount, null);
    }

    /** As above with a DMTF:FQL FilterQuery (null: none), e.g. {@code Counter < 100}. */
    static String openEnumerateInstancesBody(int maxObjectCount, String fqlFilter) {
        return call("OpenEnumerateInstances", iparam("ClassName", className()) + bool("DeepInheritance", true)
                + bool("IncludeClassOrigin", false)
                + (fqlFilter == null ? "" : iparam("FilterQueryLanguage", "<VALUE>DMTF:FQL</VALUE>")
                        + iparam("FilterQuery", "<VALUE>" + escape(fqlFilter) + "</VALUE>"))
                + iparam("MaxObjectCount", "<VALUE>" + maxObjectCount + "</VALUE>"));
    }

    /** ExecQuery in WQL, e.g. {@code SELECT * FROM Bench_Item WHERE Counter < 100}. */
    static String execQueryBody(String wql) {
        return call("ExecQuery", iparam("QueryLanguage", "<VALUE>WQL</VALUE>")
                + iparam("Query", "<VALUE>" + escape(wql) + "</VALUE>"));
    }

    /** The queries of the query rows: all of Bench_Item, and the first {@code selected} instances by Counter. */
    static String queryAll() {
        return "SELECT * FROM " + CLASS_NAME;
    }

    static String queryCounterBelow(int selected) {
        return "SELECT * FROM " + CLASS_NAME + " WHERE Counter < " + selected;
    }

    static String fqlCounterBelow(int selected) {
        return "Counter < " + selected;
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;");
    }

    static String pullInstancesWithPathBody(String context, int maxObjectCount) {
        return call("PullInstancesWithPath", iparam("EnumerationContext", "<VALUE>" + context + "</VALUE>")
                + iparam("MaxObjectCount", "<VALUE>" + maxObjectCount + "</VALUE>"));
    }

    static String enumerateInstanceNamesBody() {
        return call("EnumerateInstanceNames", iparam("ClassName", className()));
    }

    static String getInstanceBody(String instanceId) {
        return call("GetInstance", iparam("InstanceName", instanceNameXml(instanceId))
                + bool("LocalOnly", false) + bool("IncludeQualifiers", false) + bool("IncludeClassOrigin", false));
    }

    static String enumerateClassNamesBody() {
        return call("EnumerateClassNames", bool("DeepInheritance", false));
    }

    /** EnumerateClassNames of the whole namespace, DeepInheritance=true (every class name). */
    public static String enumerateClassNamesDeepBody() {
        return call("EnumerateClassNames", bool("DeepInheritance", true));
    }

    private static String className() {
        return "<CLASSNAME NAME=\"" + CLASS_NAME + "\"/>";
    }

    private static String iparam(String name, String content) {
        return "<IPARAMVALUE NAME=\"" + name + "\">" + content + "</IPARAMVALUE>";
    }

    private static String bool(String name, boolean value) {
        return iparam(name, "<VALUE>" + (value ? "TRUE" : "FALSE") + "</VALUE>");
    }

    private static String call(String method, String params) {
        return XML_DECL + "<CIM CIMVERSION=\"2.0\" DTDVERSION=\"2.0\"><MESSAGE ID=\"1001\" PROTOCOLVERSION=\"1.0\">"
                + "<SIMPLEREQ><IMETHODCALL NAME=\"" + method + "\">" + LOCAL_NS + params
                + "</IMETHODCALL></SIMPLEREQ></MESSAGE></CIM>";
    }

    // ---- HTTP encoding ------------------------------------------------------------------------

    /** The method name of a body built above (the CIMMethod header must equal it). */
    public static String methodOf(String body) {
        int at = body.indexOf("<IMETHODCALL NAME=\"") + 19;
        return body.substring(at, body.indexOf('"', at));
    }

    /** A complete HTTP/1.1 request: head and body as one byte array, sent with a single write. */
    byte[] request(String body) {
        return request(body, methodOf(body), NAMESPACE);
    }

    /** Like {@link #request(String)} with the CIMMethod and CIMObject headers given (other namespaces, extrinsic methods). */
    byte[] request(String body, String cimMethod, String cimObject) {
        byte[] content = body.getBytes(StandardCharsets.UTF_8);
        StringBuilder head = new StringBuilder(256);
        head.append("POST ").append(path).append(" HTTP/1.1\r\n")
                .append("Host: ").append(hostHeader).append("\r\n")
                .append("Content-Type: application/xml; charset=utf-8\r\n")
                .append("Accept-Encoding: identity\r\n")
                .append("CIMOperation: MethodCall\r\n")
                .append("CIMMethod: ").append(cimMethod).append("\r\n")
                .append("CIMObject: ").append(cimObject).append("\r\n");
        if (teTrailers) head.append("TE: trailers\r\n");
        if (authorization != null) head.append("Authorization: ").append(authorization).append("\r\n");
        head.append("Content-Length: ").append(content.length).append("\r\n\r\n");
        byte[] h = head.toString().getBytes(StandardCharsets.ISO_8859_1);
        byte[] all = new byte[h.length + content.length];
        System.arraycopy(h, 0, all, 0, h.length);
        System.arraycopy(content, 0, all, h.length, content.length);
        return all;
    }

    /** The body part of a request built by {@link #request}: the upper-limit server keys replies by it. */
    static byte[] bodyOf(byte[] request) {
        for (int i = 3; i < request.length; i++) {
            if (request[i] == '\n' && request[i - 1] == '\r' && request[i - 2] == '\n' && request[i - 3] == '\r') {
                return java.util.Arrays.copyOfRange(request, i + 1, request.length);
            }
        }
        throw new IllegalArgumentException("no end of head");
    }
}
