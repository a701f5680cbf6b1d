package org.iscsismis.http;

import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.iscsismis.cim.CimNamespace;
import org.iscsismis.cim.ObjectPath;
import org.iscsismis.cimxml.CimXmlException;
import org.iscsismis.cimxml.ParsedRequest;

/**
 * The DSP0200 checks of an operation request's CIM headers and body, in the order of the
 * reference table (§1.3): each failure is an {@link HttpFailure} with its status and CIMError.
 */
final class AdmissionRules {

    /** The CIM headers of one request, %-decoded. */
    record CimHeaders(String method, String object, String protocolVersion) {
    }

    private final RequestDecoder decoder;
    private final HttpLimits limits;

    AdmissionRules(RequestDecoder decoder, HttpLimits limits) {
        this.decoder = decoder;
        this.limits = limits;
    }

    private static final java.util.Set<String> STANDARD_METHODS =
            java.util.Set.of("GET", "HEAD", "PUT", "DELETE", "OPTIONS", "TRACE", "PATCH", "CONNECT");

    /**
     * The request line and the extension declaration: path {@code /cimom} (404), method POST or M-POST
     * (405 for other standard methods, 501 for unknown ones), and for M-POST not HTTP/1.0 (400) and a
     * {@code Man:}/{@code Opt:} declaration of the CIM mapping (510).
     *
     * @return the prefix of the CIM headers ({@link ExtensionPrefix#NONE} for POST)
     */
    ExtensionPrefix checkRequestLine(String path, String method, boolean http10, HttpFields headers) throws HttpFailure {
        if (!CimOperationHandler.PATH.equals(path)) {
            throw new HttpFailure(404, "no such resource; CIM operations are served at " + CimOperationHandler.PATH);
        }
        if (method.equals("POST")) {
            return ExtensionPrefix.NONE;
        }
        if (!method.equals("M-POST")) {
            throw STANDARD_METHODS.contains(method)
                    ? new HttpFailure(405, method + " is not allowed; use POST or M-POST")
                    : new HttpFailure(501, "method " + method + " is not implemented; use POST or M-POST");
        }
        if (http10) {
            throw new HttpFailure(400, "M-POST is not allowed on HTTP/1.0");
        }
        ExtensionPrefix prefix = ExtensionPrefix.fromDeclaration(headers.get("Man"));
        if (prefix == null) {
            prefix = ExtensionPrefix.fromDeclaration(headers.get("Opt"));
        }
        if (prefix == null) {
            throw new HttpFailure(510, "M-POST needs Man: " + ExtensionPrefix.CIM_MAPPING + "; ns=NN");
        }
        return prefix;
    }

    /**
     * Checks everything that can be checked before the body is read.
     *
     * @param contentLength the declared body length, or -1 if unknown (chunked)
     */
    CimHeaders checkHeaders(HttpFields headers, long contentLength, ExtensionPrefix prefix) throws HttpFailure {
        String operation = header(headers, prefix, "CIMOperation");
        if (operation == null) {
            throw new HttpFailure(400, "missing CIMOperation header (this endpoint serves CIM operation requests)");
        }
        if (!operation.trim().equalsIgnoreCase("MethodCall")) {
            throw new HttpFailure(400, CimError.UNSUPPORTED_OPERATION,
                    "CIMOperation must be MethodCall, got \"" + operation + "\"");
        }
        if (header(headers, prefix, "CIMBatch") != null) {
            throw new HttpFailure(501, CimError.MULTIPLE_REQUESTS_UNSUPPORTED, "batched (multiple) requests are not supported");
        }
        String method = decodedHeader(headers, prefix, "CIMMethod");
        String object = decodedHeader(headers, prefix, "CIMObject");
        String contentType = headers.get(HttpHeader.CONTENT_TYPE);
        if (!HeaderValues.isXmlUtf8(contentType)) {
            throw new HttpFailure(400, "Content-Type must be application/xml or text/xml with charset utf-8, got "
                    + (contentType == null ? "none" : "\"" + contentType + "\""));
        }
        String version = header(headers, prefix, "CIMProtocolVersion");
        if (version != null) {
            int[] parsed = HeaderValues.version(version);
            if (parsed == null || parsed[0] != 1) {
                throw new HttpFailure(501, CimError.UNSUPPORTED_PROTOCOL_VERSION,
                        "CIMProtocolVersion \"" + version + "\" is not supported (1.x is)");
            }
        }
        if (contentLength > limits.maxBodyBytes()) {
            throw new HttpFailure(413, "request body of " + contentLength + " bytes exceeds the limit of "
                    + limits.maxBodyBytes() + " bytes");
        }
        return new CimHeaders(method, object, version);
    }

    /** Decodes a body that has arrived whole (the body limit was enforced while it was read). */
    ParsedRequest decode(java.io.InputStream body) throws HttpFailure {
        try {
            return decoder.decode(body, limits.xml());
        } catch (CimXmlException e) {
            throw CimError.of(e);
        }
    }

    /** The body must say what the headers say: protocol version, method name and target. */
    void checkAgreement(CimHeaders cim, ParsedRequest parsed) throws HttpFailure {
        if (cim.protocolVersion() != null && !sameVersion(cim.protocolVersion(), parsed.protocolVersion())) {
            throw mismatch("CIMProtocolVersion \"" + cim.protocolVersion() + "\" differs from PROTOCOLVERSION \""
                    + parsed.protocolVersion() + "\"");
        }
        if (!sameMethod(cim.method(), parsed.methodName())) {
            throw mismatch("CIMMethod \"" + cim.method() + "\" differs from the method \"" + parsed.methodName()
                    + "\" in the body");
        }
        if (parsed.error() != null && (parsed.intrinsic() ? parsed.namespace() : parsed.objectPath()) == null) {
            return; // the body's target itself was refused (an invalid namespace name): its CIM error answers
        }
        if (parsed.intrinsic()) {
            CimNamespace namespace = parseOrNull(() -> CimNamespace.of(cim.object()));
            if (namespace == null || !namespace.equals(parsed.namespace())) {
                throw mismatch("CIMObject \"" + cim.object() + "\" differs from the namespace \"" + parsed.namespace()
                        + "\" in the body");
            }
        } else {
            ObjectPath path = parseOrNull(() -> decoder.parseObjectHeader(cim.object()));
            if (path == null || !path.equals(parsed.objectPath())) {
                throw mismatch("CIMObject \"" + cim.object() + "\" differs from the object \"" + parsed.objectPath()
                        + "\" in the body");
            }
        }
    }

    /**
     * Header names a widely used client sends for an intrinsic method other than the body's: the SBLIM CIM
     * Client for Java writes {@code CIMMethod: SetQualifierType} (and {@code DeleteQualifierType}) over a body
     * whose IMETHODCALL is the DSP0200 {@code SetQualifier} ({@code DeleteQualifier}). Tolerated so that client
     * can manage qualifier declarations; any other difference is a mismatch.
     */
    private static final java.util.Map<String, String> CLIENT_METHOD_ALIASES = java.util.Map.of(
            "setqualifiertype", "setqualifier",
            "deletequalifiertype", "deletequalifier");

    private static boolean sameMethod(String header, String body) {
        if (header.equalsIgnoreCase(body)) {
            return true;
        }
        String canonical = CLIENT_METHOD_ALIASES.get(header.toLowerCase(java.util.Locale.ROOT));
        return canonical != null && canonical.equalsIgnoreCase(body);
    }

    private static boolean sameVersion(String header, String body) {
        int[] a = HeaderValues.version(header);
        int[] b = HeaderValues.version(body);
        return a != null && b != null ? a[0] == b[0] && a[1] == b[1] : header.trim().equals(body);
    }

    private static HttpFailure mismatch(String message) {
        return new HttpFailure(400, CimError.HEADER_MISMATCH, message);
    }

    private static <T> T parseOrNull(java.util.function.Supplier<T> parser) {
        try {
            return parser.get();
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** A CIM header, prefixed for M-POST (the unprefixed name is accepted as well). */
    private static String header(HttpFields headers, ExtensionPrefix prefix, String name) {
        String value = headers.get(prefix.name(name));
        return value == null && prefix.isExtended() ? headers.get(name) : value;
    }

    private static String decodedHeader(HttpFields headers, ExtensionPrefix prefix, String name) throws HttpFailure {
        String raw = header(headers, prefix, name);
        if (raw == null || raw.isBlank()) {
            throw mismatch("missing or empty " + name + " header");
        }
        String decoded = HeaderValues.percentDecode(raw.trim());
        if (decoded == null || decoded.isEmpty()) {
            throw mismatch(name + " header \"" + raw + "\" is not valid %-encoded UTF-8");
        }
        return decoded;
    }
}
