package org.iscsismis.e2e;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** Plain HTTP requests to {@code /cimom}, for what a well-behaved client library never sends. */
final class RawCimHttp {

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private final URI endpoint;
    private final String authorization;

    RawCimHttp(URI serverUrl) {
        this(serverUrl, null);
    }

    private RawCimHttp(URI serverUrl, String authorization) {
        this.endpoint = serverUrl.resolve("/cimom");
        this.authorization = authorization;
    }

    /** The same endpoint, each request with {@code Authorization: Basic} for {@code user}/{@code password}. */
    RawCimHttp withBasic(String user, String password) {
        return new RawCimHttp(endpoint, "Basic " + java.util.Base64.getEncoder()
                .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
    }

    HttpResponse<String> post(String method, String object, byte[] body) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(endpoint);
        if (authorization != null) {
            builder.header("Authorization", authorization);
        }
        HttpRequest request = builder
                .timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/xml; charset=\"utf-8\"")
                .header("CIMOperation", "MethodCall")
                .header("CIMMethod", method)
                .header("CIMObject", object)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new AssertionError("request failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    HttpResponse<String> post(String method, String object, String body) {
        return post(method, object, body.getBytes(StandardCharsets.UTF_8));
    }

    /** An intrinsic call in root/cimv2 with the given IPARAMVALUEs. */
    static String intrinsic(String method, String params) {
        return intrinsic("root/cimv2", method, params);
    }

    /** An intrinsic call in {@code namespace} with the given IPARAMVALUEs. */
    static String intrinsic(String namespace, String method, String params) {
        StringBuilder ns = new StringBuilder();
        for (String segment : namespace.split("/")) {
            ns.append("<NAMESPACE NAME=\"").append(segment).append("\"/>");
        }
        return "<?xml version=\"1.0\" encoding=\"utf-8\" ?>"
                + "<CIM CIMVERSION=\"2.0\" DTDVERSION=\"2.0\"><MESSAGE ID=\"42\" PROTOCOLVERSION=\"1.0\"><SIMPLEREQ>"
                + "<IMETHODCALL NAME=\"" + method + "\"><LOCALNAMESPACEPATH>" + ns + "</LOCALNAMESPACEPATH>" + params
                + "</IMETHODCALL></SIMPLEREQ></MESSAGE></CIM>";
    }
}
