package org.iscsismis.console;

import java.nio.ByteBuffer;
import java.util.Objects;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.FormFields;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.Fields;
import org.iscsismis.cim.CimException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The web console on the HTTP port: {@code GET /} serves the page, {@code /console/} its script, style sheet and
 * API. Every other path is left to the next handler (the CIM-XML endpoint on {@code /cimom}).
 *
 * <ul>
 *   <li>{@code GET /console/api/state}: what the page shows, as JSON ({@link ConsoleState});</li>
 *   <li>{@code POST /console/api/replica} (form fields {@code volume}, {@code type} = Snapshot, Mirror or Clone, and
 *       optionally {@code name}, the new volume's ElementName) and
 *       {@code POST /console/api/synchronization} ({@code pair}, {@code operation} = Fracture, Resync Replica or
 *       Detach): the actions ({@link ConsoleActions}), behind {@link ActionGuard}.</li>
 * </ul>
 * Each request is admitted as the CIM endpoint admits one ({@link ConsoleAccess}): a Host the server does not
 * answer gets 403, missing or wrong credentials 401 with a Basic challenge. Data is read and changed only through
 * the user's {@link CimOperations}. Answers are never cached, and the page may load nothing from elsewhere (CSP).
 */
public final class ConsoleHandler extends Handler.Abstract {

    private static final Logger LOG = LoggerFactory.getLogger(ConsoleHandler.class);

    static final String API = "/console/api/";
    static final String ALLOW_GET = "GET, HEAD";
    static final String ALLOW_POST = "POST";
    /** Bounds of an action's form body: a few short fields. */
    static final int MAX_FIELDS = 8;
    static final int MAX_FORM_BYTES = 8 * 1024;
    /** Nothing but the page's own files; no framing (the buttons act). */
    static final String CONTENT_SECURITY_POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    private final ConsoleAccess access;
    private final StaticFiles files;
    private final ConsoleState state;
    private final ConsoleActions actions;

    public ConsoleHandler(ConsoleAccess access) {
        super(InvocationType.BLOCKING);
        this.access = Objects.requireNonNull(access, "access must not be null");
        this.files = StaticFiles.load("index.html", "console.css", "console.js", "icon.svg");
        this.state = new ConsoleState(Section.ALL);
        this.actions = new ConsoleActions(Section.TARGET);
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        String path = Request.getPathInContext(request);
        if (!path.equals("/") && !path.startsWith("/console/")) {
            return false;
        }
        try {
            serve(path, request, response, callback);
        } catch (CimException e) {
            send(response, callback, 200, "application/json; charset=utf-8", ConsoleActions.error(e));
        } catch (RuntimeException e) {
            LOG.error("Internal error serving console {} {}", request.getMethod(), path, e);
            text(response, callback, 500, "internal error (see the server log)");
        }
        return true;
    }

    private void serve(String path, Request request, Response response, Callback callback) {
        HttpFields headers = request.getHeaders();
        if (!access.allowsHost(headers.get(HttpHeader.HOST))) {
            text(response, callback, 403, "this server does not answer to host " + headers.get(HttpHeader.HOST));
            return;
        }
        String address = Request.getRemoteAddr(request);
        long wait = access.retryAfterSeconds(address);
        if (wait > 0) {
            response.getHeaders().put(HttpHeader.RETRY_AFTER, Long.toString(wait));
            text(response, callback, 429, "too many failed logins from " + address + "; try again in " + wait + " s");
            return;
        }
        ConsoleUser user = access.login(headers.get(HttpHeader.AUTHORIZATION), address);
        if (user == null) {
            response.getHeaders().put(HttpHeader.WWW_AUTHENTICATE, "Basic realm=\"" + access.realm() + "\", charset=\"UTF-8\"");
            text(response, callback, 401, "authentication required");
            return;
        }
        String method = request.getMethod();
        boolean read = method.equals("GET") || method.equals("HEAD");
        switch (path) {
            case "/" -> file("index.html", read, method, request, response, callback);
            case API + "state" -> {
                if (requireMethod(read, ALLOW_GET, method, response, callback)) {
                    send(response, callback, 200, "application/json; charset=utf-8", state.read(user));
                }
            }
            case API + "replica" -> act(request, response, callback, fields -> {
                SyncType type = SpecValue.named(SyncType.values(), fields.getValue("type"));
                String volume = fields.getValue("volume");
                return type == null || volume == null ? null : actions.createReplica(user, volume, type, fields.getValue("name"));
            });
            case API + "synchronization" -> act(request, response, callback, fields -> {
                SynchronizationOperation operation =
                        SpecValue.named(SynchronizationOperation.values(), fields.getValue("operation"));
                String pair = fields.getValue("pair");
                return operation == null || pair == null ? null : actions.modifySynchronization(user, pair, operation);
            });
            default -> file(path.substring("/console/".length()), read, method, request, response, callback);
        }
    }

    /** An action: form fields in, JSON out; a missing or unknown field is 400. */
    private interface Action {
        String run(Fields fields);
    }

    private void act(Request request, Response response, Callback callback, Action action) {
        if (!requireMethod(request.getMethod().equals("POST"), ALLOW_POST, request.getMethod(), response, callback)) {
            return;
        }
        HttpFields headers = request.getHeaders();
        String refusal = ActionGuard.refusal(request.getHttpURI().getScheme(), headers.get(HttpHeader.HOST),
                headers.get(HttpHeader.ORIGIN), headers.get("Sec-Fetch-Site"), headers.get(ActionGuard.HEADER));
        if (refusal != null) {
            text(response, callback, 403, refusal);
            return;
        }
        Fields fields;
        try {
            fields = FormFields.getFields(request, MAX_FIELDS, MAX_FORM_BYTES);
        } catch (RuntimeException e) {
            text(response, callback, 400, "the form must be application/x-www-form-urlencoded, at most " + MAX_FIELDS
                    + " fields and " + MAX_FORM_BYTES + " bytes");
            return;
        }
        String answer = action.run(fields);
        if (answer == null) {
            text(response, callback, 400, "missing or unknown form field (see the console documentation)");
            return;
        }
        send(response, callback, 200, "application/json; charset=utf-8", answer);
    }

    private void file(String name, boolean read, String method, Request request, Response response, Callback callback) {
        StaticFiles.File file = files.get(name);
        if (file == null) {
            text(response, callback, 404, "no such console resource");
            return;
        }
        if (!requireMethod(read, ALLOW_GET, method, response, callback)) {
            return;
        }
        HttpFields.Mutable headers = response.getHeaders();
        securityHeaders(headers);
        headers.put(HttpHeader.CONTENT_TYPE, file.contentType());
        headers.put(HttpHeader.CACHE_CONTROL, "no-cache");
        headers.put(HttpHeader.CONTENT_LENGTH, file.bytes().length);
        response.setStatus(200);
        response.write(true, method.equals("HEAD") ? ByteBuffer.allocate(0) : ByteBuffer.wrap(file.bytes()), callback);
    }

    private static boolean requireMethod(boolean allowed, String allow, String method, Response response, Callback callback) {
        if (allowed) {
            return true;
        }
        response.getHeaders().put(HttpHeader.ALLOW, allow);
        text(response, callback, 405, method + " is not allowed here; use " + allow);
        return false;
    }

    private static void text(Response response, Callback callback, int status, String message) {
        send(response, callback, status, "text/plain; charset=utf-8",
                status + " " + HttpStatus.getMessage(status) + ": " + message + "\n");
    }

    private static void send(Response response, Callback callback, int status, String contentType, String body) {
        HttpFields.Mutable headers = response.getHeaders();
        securityHeaders(headers);
        headers.put(HttpHeader.CONTENT_TYPE, contentType);
        headers.put(HttpHeader.CACHE_CONTROL, "no-store");
        response.setStatus(status);
        Content.Sink.write(response, true, body, callback);
    }

    private static void securityHeaders(HttpFields.Mutable headers) {
        headers.put("X-Content-Type-Options", "nosniff");
        headers.put("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        headers.put("X-Frame-Options", "DENY");
        headers.put("Referrer-Policy", "no-referrer");
    }
}
