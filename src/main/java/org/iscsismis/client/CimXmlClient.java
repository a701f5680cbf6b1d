package org.iscsismis.client;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import org.iscsismis.cim.CimClass;
import org.iscsismis.cim.CimException;
import org.iscsismis.cim.CimInstance;
import org.iscsismis.cim.CimName;
import org.iscsismis.cim.CimNamespace;
import org.iscsismis.cim.CimQualifierType;
import org.iscsismis.cim.ObjectPath;
import org.iscsismis.cimxml.CimXmlClientCodec;
import org.iscsismis.cimxml.CimXmlException;
import org.iscsismis.operation.CimRequest;
import org.iscsismis.operation.CreateClassRequest;
import org.iscsismis.operation.CreateInstanceRequest;
import org.iscsismis.operation.GetClassRequest;
import org.iscsismis.operation.GetQualifierRequest;
import org.iscsismis.operation.ModifyClassRequest;
import org.iscsismis.operation.SetQualifierRequest;

/**
 * A small CIM-XML client (DSP0200 over HTTP POST) for the schema operations of {@code mof load}:
 * GetClass, GetQualifier, SetQualifier, CreateClass, ModifyClass, CreateInstance. Thread-safe.
 *
 * <p>A CIM error answered by the server is thrown as {@link CimException} (status and
 * description as sent); a transport failure or an answer that is not a CIM-XML response as
 * {@link CimClientException}.
 */
public final class CimXmlClient {

    private final URI cimom;
    private final String authorization;
    private final HttpClient http;
    private final CimXmlClientCodec codec = new CimXmlClientCodec();
    private final AtomicLong messageIds = new AtomicLong(1000);

    /**
     * @param url      the server, {@code http://host:port} (then {@code /cimom} is used) or the full CIMOM URL
     * @param user     user for HTTP Basic authentication, or null
     * @param password its password (null = empty)
     */
    public CimXmlClient(URI url, String user, String password) {
        Objects.requireNonNull(url, "url must not be null");
        if (url.getScheme() == null || !url.getScheme().matches("(?i)https?") || url.getHost() == null) {
            throw new IllegalArgumentException("not an http(s) URL: " + url);
        }
        String path = url.getPath();
        this.cimom = path == null || path.isEmpty() || path.equals("/") ? url.resolve("/cimom") : url;
        this.authorization = user == null ? null : "Basic " + Base64.getEncoder().encodeToString(
                (user + ":" + (password == null ? "" : password)).getBytes(StandardCharsets.UTF_8));
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    }

    /** The URL requests are posted to. */
    public URI cimomUrl() {
        return cimom;
    }

    /** GetClass with the given flags (all properties). */
    public CimClass getClass(CimNamespace ns, CimName className, boolean localOnly, boolean includeQualifiers,
                             boolean includeClassOrigin) {
        GetClassRequest r = GetClassRequest.builder(ns, className).localOnly(localOnly)
                .includeQualifiers(includeQualifiers).includeClassOrigin(includeClassOrigin).build();
        return single(call(r), CimClass.class, r);
    }

    public CimQualifierType getQualifier(CimNamespace ns, CimName name) {
        GetQualifierRequest r = new GetQualifierRequest(ns, name);
        return single(call(r), CimQualifierType.class, r);
    }

    public void setQualifier(CimNamespace ns, CimQualifierType declaration) {
        call(new SetQualifierRequest(ns, declaration));
    }

    public void createClass(CimNamespace ns, CimClass newClass) {
        call(new CreateClassRequest(ns, newClass));
    }

    public void modifyClass(CimNamespace ns, CimClass modifiedClass) {
        call(new ModifyClassRequest(ns, modifiedClass));
    }

    /** CreateInstance; answers the path the server gave the new instance. */
    public ObjectPath createInstance(CimNamespace ns, CimInstance instance) {
        CreateInstanceRequest r = new CreateInstanceRequest(ns, instance);
        return single(call(r), ObjectPath.class, r);
    }

    private static <T> T single(List<Object> values, Class<T> type, CimRequest r) {
        if (values.size() != 1 || !type.isInstance(values.get(0))) {
            throw new CimClientException(r.operationName() + ": the server answered " + values.size()
                    + " return values, expected one " + type.getSimpleName());
        }
        return type.cast(values.get(0));
    }

    /** Sends one request; answers the decoded IRETURNVALUE objects. */
    List<Object> call(CimRequest request) {
        byte[] body = codec.encode(request, Long.toString(messageIds.incrementAndGet()));
        HttpRequest.Builder b = HttpRequest.newBuilder(cimom)
                .timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/xml; charset=\"utf-8\"")
                .header("CIMOperation", "MethodCall")
                .header("CIMMethod", request.operationName())
                .header("CIMObject", CimXmlClientCodec.cimObjectHeader(request.namespace()))
                .header("CIMProtocolVersion", "1.0")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (authorization != null) {
            b.header("Authorization", authorization);
        }
        HttpResponse<byte[]> response;
        try {
            response = http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            String why = e.getMessage() != null ? e.getMessage()
                    : e instanceof java.net.ConnectException ? "connection refused" : e.getClass().getSimpleName();
            throw new CimClientException("cannot reach " + cimom + ": " + why, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CimClientException("interrupted while waiting for " + cimom, e);
        }
        if (response.statusCode() != 200) {
            String cimError = response.headers().firstValue("CIMError").orElse(null);
            throw new CimClientException(request.operationName() + ": HTTP " + response.statusCode() + " from " + cimom
                    + (cimError != null ? " (CIMError: " + cimError + ")" : "")
                    + (response.statusCode() == 401 ? " — check --user and --password" : ""));
        }
        try {
            return codec.decode(new ByteArrayInputStream(response.body())).returnValues();
        } catch (CimXmlException e) {
            throw new CimClientException(request.operationName() + ": the server's answer is not a CIM-XML response: "
                    + e.getMessage(), e);
        } catch (CimException e) {
            throw e;
        }
    }
}
