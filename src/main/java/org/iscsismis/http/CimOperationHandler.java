package org.iscsismis.http;

import java.io.IOException;
import java.io.InputStream;
import java.util.Objects;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.http.HttpVersion;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.io.QuietException;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.BufferUtil;
import org.eclipse.jetty.util.Callback;
import org.iscsismis.cim.CimException;
import org.iscsismis.cim.CimStatus;
import org.iscsismis.cimxml.CimXmlRequestReader;
import org.iscsismis.cimxml.EncodedInstances;
import org.iscsismis.cimxml.ParsedRequest;
import org.iscsismis.dispatch.Caller;
import org.iscsismis.dispatch.Dispatcher;
import org.iscsismis.dispatch.MemoryBudget;
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
 *   <li>without authentication, the {@code Host} header: loopback or a configured name, else 403
 *       ({@link AllowedHosts}, against DNS rebinding); with authentication, an address with too many recent
 *       failed logins gets 429 with {@code Retry-After} ({@link LoginThrottle}), then the credentials are checked
 *       (401; a failure is logged with the client's address);</li>
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
    /**
     * Heap a request may take while it is decoded and run, per byte of its body: the body itself (1), what the
     * decoded request retains (measured on 4 MiB bodies: 2.8 for an array of one-character strings, 2.4 for
     * single-value properties, 1.3 for key bindings, 1.0 for long texts) and the reader's passing copies,
     * with headroom. See "Memory budget" in docs/configuration.md.
     */
    static final long HEAP_PER_BODY_BYTE = 6;

    private final AdmissionRules rules;
    private final OperationExecutor executor;
    private final ResponseEncoder.Factory encoders;
    private final HttpLimits limits;
    private final AccessControl access;
    private final MemoryBudget memory;

    /** The production wiring: the codec's reader and writer around the dispatcher, encoding every instance anew. */
    public CimOperationHandler(Dispatcher dispatcher, CimXmlRequestReader reader, HttpLimits limits,
                               AccessControl access, MemoryBudget memory) {
        this(dispatcher, reader, limits, access, memory, EncodedInstances.NONE);
    }

    /** The production wiring, the writers copying (and keeping) the instances {@code encoded} keeps. */
    public CimOperationHandler(Dispatcher dispatcher, CimXmlRequestReader reader, HttpLimits limits,
                               AccessControl access, MemoryBudget memory, EncodedInstances encoded) {
        this(RequestDecoder.of(Objects.requireNonNull(reader, "reader must not be null")),
                Objects.requireNonNull(dispatcher, "dispatcher must not be null")::execute,
                CimXmlResponseEncoder.factory(Objects.requireNonNull(encoded, "encoded must not be null")), limits, access, memory);
    }

    /** The production wiring with {@link AccessControl#of the default access control} around {@code authenticator}. */
    public CimOperationHandler(Dispatcher dispatcher, CimXmlRequestReader reader, HttpLimits limits,
                               Authenticator authenticator) {
        this(dispatcher, reader, limits, AccessControl.of(authenticator), MemoryBudget.unlimited());
    }

    /** Wiring through the handler's own seams (tests pass fakes), without a memory budget. */
    public CimOperationHandler(RequestDecoder decoder, OperationExecutor executor, ResponseEncoder.Factory encoders,
                               HttpLimits limits, Authenticator authenticator) {
        this(decoder, executor, encoders, limits, AccessControl.of(authenticator), MemoryBudget.unlimited());
    }

    /** Wiring through the handler's own seams, with the given access control and memory budget. */
    public CimOperationHandler(RequestDecoder decoder, OperationExecutor executor, ResponseEncoder.Factory encoders,
                               HttpLimits limits, AccessControl access, MemoryBudget memory) {
        super(InvocationType.BLOCKING);
        this.memory = Objects.requireNonNull(memory, "memory must not be null");
        this.limits = Objects.requireNonNull(limits, "limits must not be null");
        this.rules = new AdmissionRules(Objects.requireNonNull(decoder, "decoder must not be null"), limits);
        this.executor = Objects.requireNonNull(executor, "executor must not be null");
        this.encoders = Objects.requireNonNull(encoders, "encoders must not be null");
        this.access = Objects.requireNonNull(access, "access must not be null");
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        Exchange x = new Exchange(request);
        MemoryBudget.Reservation reservation = memory.reserve();
        Callback done = whenDone(callback, () -> {
            reservation.close();
            x.log();
        });
        AdmissionRules.CimHeaders cim;
        try {
            cim = admitHeaders(request, x);
        } catch (HttpFailure f) {
            refuseBeforeTheBody(request, response, done, x, f);
            return true;
        } catch (RuntimeException e) {
            LOG.error("Internal error admitting {} {}", request.getMethod(), request.getHttpURI().getPath(), e);
            sendFailure(response, done, x, new HttpFailure(500, "internal error (see the server log)"));
            return true;
        }
        BodyReader.Outcome outcome = outcome(request, response, done, x, cim, reservation);
        long length = request.getLength();
        if (length >= 0 && !reservation.growTo(Math.max(length, 1) * HEAP_PER_BODY_BYTE)) {
            // known size, no room now: say so at once, after taking the body off the wire (nothing kept)
            BodyReader.discard(request, limits, BodyReader.busy(reservation, "a request of " + length + " bytes"), outcome);
        } else {
            BodyReader.read(request, limits, reservation, outcome);
        }
        return true;
    }

    /**
     * Answers a request refused on its headers. A body of up to twice the body limit is first read and dropped
     * (no thread waits for it): a client that writes its whole body before reading would otherwise see the
     * connection reset, its answer lost, when the server closes with the body still unread. A larger announced
     * body is not read at all; Jetty closes the connection after the answer.
     */
    private void refuseBeforeTheBody(Request request, Response response, Callback done, Exchange x, HttpFailure f) {
        long length = request.getLength();
        long drainLimit = 2 * limits.maxBodyBytes();
        if (length != 0 && length <= drainLimit) {
            BodyReader.drain(request, limits, f, drainLimit, outcome(request, response, done, x, null, null));
        } else {
            sendFailure(response, done, x, f);
        }
    }

    /** What follows the body: the operation, or the refusal; {@code cim} is null when the body is only drained. */
    private BodyReader.Outcome outcome(Request request, Response response, Callback done, Exchange x,
                                       AdmissionRules.CimHeaders cim, MemoryBudget.Reservation reservation) {
        return new BodyReader.Outcome() {
            @Override
            public void body(InputStream body, long length) {
                process(request, response, done, x, cim, body, length, reservation);
            }

            @Override
            public void refused(HttpFailure failure) {
                if (failure.status() == 0) {
                    abort(done, x, failure.getMessage(), null);
                } else {
                    sendFailure(response, done, x, failure);
                }
            }
        };
    }

    /** Checks the request line, extension and authentication, then the CIM headers. */
    private AdmissionRules.CimHeaders admitHeaders(Request request, Exchange x) throws HttpFailure {
        HttpFields headers = request.getHeaders();
        x.prefix = rules.checkRequestLine(Request.getPathInContext(request), request.getMethod(),
                request.getConnectionMetaData().getHttpVersion() == HttpVersion.HTTP_1_0, headers);
        x.caller = authorize(request, x);
        AdmissionRules.CimHeaders cim = rules.checkHeaders(headers, request.getLength(), x.prefix);
        x.operation = cim.method();
        x.object = cim.object();
        return cim;
    }

    /** The Host check (without authentication) or the throttle and the credentials (with it); see the class comment. */
    private Caller authorize(Request request, Exchange x) throws HttpFailure {
        if (!access.authenticator().required()) {
            String host = request.getHeaders().get(HttpHeader.HOST);
            if (!access.hosts().allows(host)) {
                throw new HttpFailure(403, "Host \"" + headerSafe(host) + "\" is not a name of this server: without "
                        + "authentication it answers only requests addressed to a loopback address, localhost or a name "
                        + "listed in http.allowedHosts");
            }
            return Caller.ANYONE;
        }
        String address = Request.getRemoteAddr(request);
        long wait = access.throttle().retryAfterSeconds(address);
        if (wait > 0) {
            x.retryAfterSeconds = wait;
            throw new HttpFailure(429, "too many failed logins from " + address + "; try again in " + wait + " s");
        }
        Caller caller = access.login(request.getHeaders().get(HttpHeader.AUTHORIZATION), address);
        if (caller == null) {
            throw new HttpFailure(401, "authentication required");
        }
        return caller;
    }

    /** The body has arrived: admit its decoding against the memory budget, decode, check, run and answer. */
    private void process(Request request, Response response, Callback callback, Exchange x, AdmissionRules.CimHeaders cim,
                         InputStream body, long length, MemoryBudget.Reservation reservation) {
        try {
            if (!reservation.growTo(Math.max(length, 1) * HEAP_PER_BODY_BYTE)) {
                throw BodyReader.busy(reservation, "decoding a request body of " + length + " bytes");
            }
            ParsedRequest parsed = rules.decode(body).withHost(addressedHost(request));
            x.parsed = parsed;
            rules.checkAgreement(cim, parsed);
            respond(request, response, callback, parsed, x);
        } catch (HttpFailure f) {
            sendFailure(response, callback, x, f);
        } catch (RuntimeException e) {
            // Escaped from the decoder before any byte of the response was written.
            LOG.error("Internal error handling {} {} (CIMMethod {}, CIMObject {})", request.getMethod(),
                    request.getHttpURI().getPath(), x.operation, x.object, e);
            response.reset();
            sendFailure(response, callback, x, new HttpFailure(500, "internal error (see the server log)"));
        }
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
                executor.execute(parsed.request(), x.caller, encoder);
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

    private static void abort(Callback callback, Exchange x, String why, Throwable cause) {
        x.httpStatus = -1;
        if (cause instanceof CimException) {
            LOG.warn("Aborting the connection for {} on {}: {}", x.operation, x.object, why);
        } else {
            LOG.warn("Aborting the connection for {} on {}: {}", x.operation, x.object, why, cause);
        }
        // our line above says it once; without a cause of its own Jetty need not log the abort again with a stack trace
        callback.failed(cause != null ? cause : new QuietIOException(why));
    }

    /** An abort already logged here (a client gone while sending its body, say): Jetty logs it at debug only. */
    private static final class QuietIOException extends IOException implements QuietException {
        QuietIOException(String message) {
            super(message);
        }
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
            case 429 -> headers.put(HttpHeader.RETRY_AFTER, Long.toString(x.retryAfterSeconds));
            case 408, 413, 500 -> headers.put(HttpHeader.CONNECTION, "close");
            case 503 -> {
                headers.put(HttpHeader.RETRY_AFTER, "1");
                headers.put(HttpHeader.CONNECTION, "close");
            }
            default -> { }
        }
        if (f.status() == 401) {
            // the challenge is the whole answer: the SBLIM client reads a 401's headers but not its body, then sends
            // again on the same connection and would take a body's first line for the next status line, drop the
            // connection and send the request a third time (a CreateInstance the server ran comes back ALREADY_EXISTS)
            headers.put(HttpHeader.CONTENT_LENGTH, 0L);
            response.write(true, BufferUtil.EMPTY_BUFFER, callback);
            return;
        }
        headers.put(HttpHeader.CONTENT_TYPE, "text/plain; charset=utf-8");
        String text = f.status() + " " + HttpStatus.getMessage(f.status()) + ": " + f.getMessage() + "\n";
        Content.Sink.write(response, true, text, callback);
    }

    /** {@code callback}, running {@code first} just before it completes, whichever way. */
    private static Callback whenDone(Callback callback, Runnable first) {
        return new Callback() {
            @Override
            public void succeeded() {
                first.run();
                callback.succeeded();
            }

            @Override
            public void failed(Throwable failure) {
                first.run();
                callback.failed(failure);
            }

            @Override
            public InvocationType getInvocationType() {
                return callback.getInvocationType();
            }
        };
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
        private CimStatus status;
        private String failure;
        private int httpStatus;
        private Caller caller;
        private long retryAfterSeconds;

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
