package org.iscsismis.http;

import java.io.IOException;
import java.io.InputStream;
import java.util.Objects;
import java.util.Set;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.http.HttpVersion;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.iscsismis.cim.CimException;
import org.iscsismis.cim.CimStatus;
import org.iscsismis.cimxml.CimXmlRequestReader;
import org.iscsismis.cimxml.ParsedRequest;
import org.iscsismis.dispatch.Dispatcher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The CIM-XML operation endpoint (DSP0200): {@code POST} and {@code M-POST} on {@code /cimom}.
 *
 * <p>A request passes these checks, in this order (the order OpenPegasus uses), and the first that
 * fails decides the answer:
 * <ol>
 *   <li>path {@code /cimom}, else 404;</li>
 *   <li>method {@code POST}/{@code M-POST}, else 405 with {@code Allow} for standard methods and 501
 *       for unknown ones;</li>
 *   <li>{@code M-POST}: not on HTTP/1.0 (400) and with a {@code Man:}/{@code Opt:} declaration of the
 *       CIM mapping (else 510 Not Extended, so a client falls back to POST); its {@code ns} prefixes
 *       every CIM header of the request and of the response;</li>
 *   <li>credentials, when authentication is configured (401);</li>
 *   <li>{@code CIMOperation: MethodCall}, {@code CIMBatch}, {@code CIMMethod}/{@code CIMObject},
 *       {@code Content-Type}, {@code CIMProtocolVersion}, {@code Content-Length} (see {@link AdmissionRules});</li>
 *   <li>the body, decoded under the body and XML limits, and its agreement with the headers.</li>
 * </ol>
 * Then the operation runs and its results stream into the response (see {@link #respond}).
 * Every response is written on the request's thread (blocking); nothing here holds a lock.
 */
public final class CimOperationHandler extends Handler.Abstract {

    private static final Logger LOG = LoggerFactory.getLogger(CimOperationHandler.class);

    /** The one path served. */
    public static final String PATH = "/cimom";

    static final String ALLOW = "POST, M-POST";
    /** How much of a refused request's body is read to keep the connection alive. */
    static final int DRAIN_LIMIT = 64 * 1024;
    private static final Set<String> STANDARD_METHODS =
            Set.of("GET", "HEAD", "PUT", "DELETE", "OPTIONS", "TRACE", "PATCH", "CONNECT");

    private final AdmissionRules rules;
    private final OperationExecutor executor;
    private final ResponseEncoder.Factory encoders;
    private final HttpLimits limits;
    private final Authenticator authenticator;

    /** The production wiring: the codec's reader and writer around the dispatcher. */
    public CimOperationHandler(Dispatcher dispatcher, CimXmlRequestReader reader, HttpLimits limits,
                               Authenticator authenticator) {
        this(RequestDecoder.of(Objects.requireNonNull(reader, "reader must not be null")),
                Objects.requireNonNull(dispatcher, "dispatcher must not be null")::execute,
                CimXmlResponseEncoder.FACTORY, limits, authenticator);
    }

    /** Wiring through the handler's own seams (tests pass fakes). */
    public CimOperationHandler(RequestDecoder decoder, OperationExecutor executor, ResponseEncoder.Factory encoders,
                               HttpLimits limits, Authenticator authenticator) {
        super(InvocationType.BLOCKING);
        this.limits = Objects.requireNonNull(limits, "limits must not be null");
        this.rules = new AdmissionRules(Objects.requireNonNull(decoder, "decoder must not be null"), limits);
        this.executor = Objects.requireNonNull(executor, "executor must not be null");
        this.encoders = Objects.requireNonNull(encoders, "encoders must not be null");
        this.authenticator = Objects.requireNonNull(authenticator, "authenticator must not be null");
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        Exchange x = new Exchange(request);
        try {
            ParsedRequest parsed = admit(request, x);
            respond(request, response, callback, parsed, x);
        } catch (HttpFailure f) {
            drainRefusedBody(request, response, x, f);
            sendFailure(response, callback, x, f);
        } catch (RuntimeException e) {
            // Escaped from the decoder before any byte of the response was written.
            LOG.error("Internal error handling {} {} (CIMMethod {}, CIMObject {})", request.getMethod(),
                    request.getHttpURI().getPath(), x.operation, x.object, e);
            response.reset();
            sendFailure(response, callback, x, new HttpFailure(500, "internal error (see the server log)"));
        } finally {
            x.log();
        }
        return true;
    }

    /** Checks the request line, extension and authentication, then the CIM headers and body. */
    private ParsedRequest admit(Request request, Exchange x) throws HttpFailure {
        if (!PATH.equals(Request.getPathInContext(request))) {
            throw new HttpFailure(404, "no such resource; CIM operations are served at " + PATH);
        }
        String method = request.getMethod();
        if (method.equals("M-POST")) {
            if (request.getConnectionMetaData().getHttpVersion() == HttpVersion.HTTP_1_0) {
                throw new HttpFailure(400, "M-POST is not allowed on HTTP/1.0");
            }
            HttpFields headers = request.getHeaders();
            ExtensionPrefix prefix = ExtensionPrefix.fromDeclaration(headers.get("Man"));
            if (prefix == null) {
                prefix = ExtensionPrefix.fromDeclaration(headers.get("Opt"));
            }
            if (prefix == null) {
                throw new HttpFailure(510, "M-POST needs Man: " + ExtensionPrefix.CIM_MAPPING + "; ns=NN");
            }
            x.prefix = prefix;
        } else if (!method.equals("POST")) {
            throw STANDARD_METHODS.contains(method)
                    ? new HttpFailure(405, method + " is not allowed; use POST or M-POST")
                    : new HttpFailure(501, "method " + method + " is not implemented; use POST or M-POST");
        }
        if (authenticator.required() && authenticator.authenticate(request.getHeaders().get(HttpHeader.AUTHORIZATION)) == null) {
            throw new HttpFailure(401, "authentication required");
        }
        AdmissionRules.CimHeaders cim = rules.checkHeaders(request.getHeaders(), request.getLength(), x.prefix);
        x.operation = cim.method();
        x.object = cim.object();
        x.body = new LimitedInputStream(Content.Source.asInputStream(request), limits.maxBodyBytes());
        ParsedRequest parsed = rules.decode(x.body).withHost(addressedHost(request));
        x.parsed = parsed;
        rules.checkAgreement(cim, parsed);
        return parsed;
    }

    /**
     * The host the client addressed, for the HOST of returned paths: its {@code Host} header as sent, or (an
     * HTTP/1.0 request without one) the address and port it connected to.
     */
    private static String addressedHost(Request request) {
        String host = request.getHeaders().get(HttpHeader.HOST);
        if (host != null && !host.isBlank()) {
            return host.trim();
        }
        String local = Request.getLocalAddr(request);
        return (local.indexOf(':') >= 0 ? "[" + local + "]" : local) + ":" + Request.getLocalPort(request);
    }

    /**
     * Runs the operation and streams its results. A CIM error before anything reached the network
     * replaces the buffered output with an ERROR response (still 200); after that it goes into the
     * {@code CIMStatusCode} trailers if the client accepts them, else the connection is aborted, so
     * a partial result is never mistaken for a complete one.
     */
    private void respond(Request request, Response response, Callback callback, ParsedRequest parsed, Exchange x) {
        boolean trailers = request.getConnectionMetaData().getHttpVersion() != HttpVersion.HTTP_1_0
                && HeaderValues.listsToken(request.getHeaders().get(HttpHeader.TE), "trailers");
        HttpFields.Mutable trailerFields = HttpFields.build();
        response.setStatus(200);
        HttpFields.Mutable headers = response.getHeaders();
        headers.put(HttpHeader.CONTENT_TYPE, "application/xml; charset=utf-8");
        addExtensionHeaders(headers, x.prefix);
        headers.put(x.prefix.name("CIMOperation"), "MethodResponse");
        if (trailers) {
            headers.put(HttpHeader.TRAILER, x.prefix.name("CIMStatusCode") + ", " + x.prefix.name("CIMStatusCodeDescription"));
            response.setTrailersSupplier(() -> trailerFields);
        }
        ResponseOutput out = new ResponseOutput(response, limits.outputBufferBytes(), trailers);
        try {
            CimException late = encode(parsed, out, x);
            if (late != null && !trailers) {
                abort(callback, x, "CIM error after results were sent, without trailers: " + late.getMessage(), late);
                return;
            }
            if (late != null) {
                trailerFields.put(x.prefix.name("CIMStatusCode"), Integer.toString(late.status().code()));
                trailerFields.put(x.prefix.name("CIMStatusCodeDescription"), headerSafe(late.getMessage()));
            }
            out.complete();
            x.httpStatus = 200;
            callback.succeeded();
        } catch (IOException e) {
            abort(callback, x, "writing the response failed: " + e, null);
        } catch (RuntimeException e) {
            if (!out.isCommitted()) {
                LOG.error("Internal error executing {} on {} ({})", x.operation, x.object, x.target(), e);
                response.reset();
                sendFailure(response, callback, x, new HttpFailure(500, "internal error (see the server log)"));
            } else {
                abort(callback, x, "internal error after results were sent", e);
            }
        }
    }

    /**
     * Runs the operation (or answers the decoding error) into {@code out}. A CIM error raised while
     * nothing has reached the network yet replaces the buffered output with an ERROR response.
     *
     * @return the CIM error raised after results were sent (the response can then only be ended
     *         with trailers or aborted), or null
     */
    private CimException encode(ParsedRequest parsed, ResponseOutput out, Exchange x) {
        try {
            ResponseEncoder encoder = encoders.create(out, parsed);
            if (parsed.error() != null) {
                x.status = parsed.error().status();
                encoder.finishError(parsed.error());
            } else {
                executor.execute(parsed.request(), encoder);
                encoder.finishSuccess();
                x.status = CimStatus.SUCCESS;
            }
            return null;
        } catch (CimException e) {
            x.status = e.status();
            if (out.isCommitted()) {
                return e;
            }
            out.discard();
            encoders.create(out, parsed).finishError(e);
            return null;
        }
    }

    /**
     * Reads what is left of a refused request's body (at most {@link #DRAIN_LIMIT} bytes) so that the
     * connection can serve the next request; a larger or unreadable rest closes the connection.
     */
    private static void drainRefusedBody(Request request, Response response, Exchange x, HttpFailure f) {
        if (f.status() == 413) {
            return;
        }
        long length = request.getLength();
        boolean drained = false;
        if (length < 0 || length <= DRAIN_LIMIT || x.body != null) {
            InputStream in = x.body != null ? x.body : Content.Source.asInputStream(request);
            try (LimitedInputStream rest = new LimitedInputStream(in, DRAIN_LIMIT)) {
                byte[] buffer = new byte[8192];
                while (rest.read(buffer, 0, buffer.length) >= 0) {
                    // discard
                }
                drained = true;
            } catch (IOException e) {
                drained = false;
            }
        }
        if (!drained) {
            response.getHeaders().put(HttpHeader.CONNECTION, "close");
        }
    }

    private static void abort(Callback callback, Exchange x, String why, Throwable cause) {
        x.httpStatus = -1;
        if (cause instanceof CimException) {
            LOG.warn("Aborting the connection for {} on {}: {}", x.operation, x.object, why);
        } else {
            LOG.warn("Aborting the connection for {} on {}: {}", x.operation, x.object, why, cause);
        }
        callback.failed(cause != null ? cause : new IOException(why));
    }

    private void sendFailure(Response response, Callback callback, Exchange x, HttpFailure f) {
        x.httpStatus = f.status();
        if (x.status == null && f.cimError() != null) {
            x.failure = f.cimError().value();
        }
        response.setStatus(f.status());
        HttpFields.Mutable headers = response.getHeaders();
        addExtensionHeaders(headers, x.prefix);
        if (f.cimError() != null) {
            headers.put(x.prefix.name("CIMError"), f.cimError().value());
        }
        switch (f.status()) {
            case 401 -> headers.put(HttpHeader.WWW_AUTHENTICATE, "Basic realm=\"" + Authenticator.REALM + "\"");
            case 405 -> headers.put(HttpHeader.ALLOW, ALLOW);
            case 413, 500 -> headers.put(HttpHeader.CONNECTION, "close");
            default -> { }
        }
        headers.put(HttpHeader.CONTENT_TYPE, "text/plain; charset=utf-8");
        String text = f.status() + " " + HttpStatus.getMessage(f.status()) + ": " + f.getMessage() + "\n";
        Content.Sink.write(response, true, text, callback);
    }

    private static void addExtensionHeaders(HttpFields.Mutable headers, ExtensionPrefix prefix) {
        if (prefix.isExtended()) {
            headers.put("Ext", "");
            headers.put(HttpHeader.CACHE_CONTROL, "no-cache");
            headers.put("Man", ExtensionPrefix.CIM_MAPPING + "; ns=" + prefix.ns());
        }
    }

    /** A trailer value: one line of printable text. */
    private static String headerSafe(String text) {
        return text == null ? "" : text.replaceAll("[\\p{Cntrl}]", " ");
    }

    /** What one request's log line reports. */
    private static final class Exchange {
        private final long started = System.nanoTime();
        private final String method;
        private ExtensionPrefix prefix = ExtensionPrefix.NONE;
        private String operation;
        private String object;
        private ParsedRequest parsed;
        private LimitedInputStream body;
        private CimStatus status;
        private String failure;
        private int httpStatus;

        Exchange(Request request) {
            this.method = request.getMethod();
        }

        String target() {
            return parsed == null ? "-" : RequestTargets.describe(parsed);
        }

        void log() {
            if (LOG.isDebugEnabled()) {
                long ms = (System.nanoTime() - started) / 1_000_000;
                String ns = parsed != null && parsed.namespace() != null ? parsed.namespace().toString() : "-";
                String cim = status != null ? status.cimName() : failure != null ? failure : "-";
                LOG.debug("{} {} ns={} target={} cim={} http={} {}ms", method, operation == null ? "-" : operation,
                        ns, target(), cim, httpStatus == -1 ? "aborted" : Integer.toString(httpStatus), ms);
            }
        }
    }
}
