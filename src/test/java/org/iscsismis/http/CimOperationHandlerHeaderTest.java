package org.iscsismis.http;

import static org.iscsismis.http.FakeCodec.body;
import static org.iscsismis.http.HandlerFixture.bytes;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The DSP0200 request checks, one row per rule, against a real Jetty server with the fake codec. */
class CimOperationHandlerHeaderTest {

    private static HandlerFixture fixture;

    @BeforeAll
    static void start() throws Exception {
        fixture = new HandlerFixture();
    }

    @AfterAll
    static void stop() throws Exception {
        fixture.close();
    }

    private static final String GET_CLASS = body("GetClass", "root/cimv2");

    /** A complete request: its head lines with {@code %LEN%} for the body length, and the body. */
    private static Arguments row(String name, String head, String body, int status, String cimError) {
        return Arguments.of(name, head.replace("%LEN%", Integer.toString(bytes(body).length)), body, status, cimError);
    }

    private static String head(String... lines) {
        return "POST /cimom HTTP/1.1\nHost: localhost\nContent-Length: %LEN%\n" + String.join("\n", lines);
    }

    private static final String CT = "Content-Type: application/xml; charset=utf-8";
    private static final String OP = "CIMOperation: MethodCall";
    private static final String M = "CIMMethod: GetClass";
    private static final String O = "CIMObject: root/cimv2";

    static Stream<Arguments> cases() {
        return Stream.of(
                row("valid request", head(CT, OP, M, O), GET_CLASS, 200, null),
                row("text/xml accepted", head("Content-Type: text/xml; charset=UTF-8", OP, M, O), GET_CLASS, 200, null),
                row("quoted charset accepted", head("Content-Type: application/xml; charset=\"utf-8\"", OP, M, O), GET_CLASS, 200, null),
                row("absent charset accepted", head("Content-Type: application/xml", OP, M, O), GET_CLASS, 200, null),
                row("method name case-insensitive", head(CT, OP, "CIMMethod: getclass", O), GET_CLASS, 200, null),
                row("namespace compared as CimNamespace", head(CT, OP, M, "CIMObject: ROOT%2FCimV2"), GET_CLASS, 200, null),
                row("CIMProtocolVersion matching", head(CT, OP, M, O, "CIMProtocolVersion: 1.0"), GET_CLASS, 200, null),
                row("missing CIMOperation", head(CT, M, O), GET_CLASS, 400, null),
                row("CIMOperation not MethodCall", head(CT, "CIMOperation: MethodResponse", M, O), GET_CLASS, 400, "unsupported-operation"),
                row("CIMBatch", head(CT, OP, M, O, "CIMBatch:"), GET_CLASS, 501, "multiple-requests-unsupported"),
                row("missing CIMMethod", head(CT, OP, O), GET_CLASS, 400, "header-mismatch"),
                row("missing CIMObject", head(CT, OP, M), GET_CLASS, 400, "header-mismatch"),
                row("undecodable CIMMethod", head(CT, OP, "CIMMethod: Get%ZZClass", O), GET_CLASS, 400, "header-mismatch"),
                row("CIMMethod not UTF-8", head(CT, OP, "CIMMethod: Get%C3Class", O), GET_CLASS, 400, "header-mismatch"),
                row("CIMMethod mismatch", head(CT, OP, "CIMMethod: EnumerateClasses", O), GET_CLASS, 400, "header-mismatch"),
                row("CIMObject mismatch", head(CT, OP, M, "CIMObject: root/interop"), GET_CLASS, 400, "header-mismatch"),
                row("CIMObject not a namespace", head(CT, OP, M, "CIMObject: root//x"), GET_CLASS, 400, "header-mismatch"),
                row("missing Content-Type", head(OP, M, O), GET_CLASS, 400, null),
                row("bad Content-Type", head("Content-Type: text/plain", OP, M, O), GET_CLASS, 400, null),
                row("charset not utf-8", head("Content-Type: application/xml; charset=iso-8859-1", OP, M, O), GET_CLASS, 400, null),
                row("unsupported protocol major", head(CT, OP, M, O, "CIMProtocolVersion: 2.0"), GET_CLASS, 501, "unsupported-protocol-version"),
                row("malformed protocol version", head(CT, OP, M, O, "CIMProtocolVersion: one"), GET_CLASS, 501, "unsupported-protocol-version"),
                row("protocol version mismatch", head(CT, OP, M, O, "CIMProtocolVersion: 1.1"), GET_CLASS, 400, "header-mismatch"),
                row("body not well formed", head(CT, OP, M, O), GET_CLASS + "fail=NOT_WELL_FORMED", 400, "request-not-well-formed"),
                row("body not valid", head(CT, OP, M, O), GET_CLASS + "fail=NOT_VALID", 400, "request-not-valid"),
                row("XML limits", head(CT, OP, M, O), GET_CLASS + "fail=LIMIT_EXCEEDED", 400, "request-with-too-many-elements"),
                row("CIMVERSION", head(CT, OP, M, O), GET_CLASS + "fail=UNSUPPORTED_CIM_VERSION", 501, "unsupported-cim-version"),
                row("DTDVERSION", head(CT, OP, M, O), GET_CLASS + "fail=UNSUPPORTED_DTD_VERSION", 501, "unsupported-dtd-version"),
                row("PROTOCOLVERSION", head(CT, OP, M, O), GET_CLASS + "fail=UNSUPPORTED_PROTOCOL_VERSION", 501, "unsupported-protocol-version"),
                row("MULTIREQ", head(CT, OP, M, O), GET_CLASS + "fail=MULTIPLE_REQUESTS_UNSUPPORTED", 501, "multiple-requests-unsupported"),
                row("extrinsic, matching path", head(CT, OP, "CIMMethod: RequestStateChange", "CIMObject: root%2Fcimv2%3ACIM_Job"),
                        body("RequestStateChange", "root/cimv2", "extrinsic=CIM_Job"), 200, null),
                row("extrinsic, other class", head(CT, OP, "CIMMethod: RequestStateChange", "CIMObject: root/cimv2:CIM_Other"),
                        body("RequestStateChange", "root/cimv2", "extrinsic=CIM_Job"), 400, "header-mismatch"),
                row("extrinsic, unparsable path", head(CT, OP, "CIMMethod: RequestStateChange", "CIMObject: CIM_Job"),
                        body("RequestStateChange", "root/cimv2", "extrinsic=CIM_Job"), 400, "header-mismatch"),
                row("'+' is not a space", head(CT, OP, "CIMMethod: A+B", O), body("A B", "root/cimv2"), 400, "header-mismatch"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void rule(String name, String head, String body, int status, String cimError) throws Exception {
        RawHttpConnection.RawResponse r = fixture.exchange(head, bytes(body));
        assertEquals(status, r.status(), () -> name + ": " + r.body());
        assertEquals(cimError, r.header("CIMError"), name);
        if (status == 200) {
            assertEquals("MethodResponse", r.header("CIMOperation"));
            assertEquals("application/xml; charset=utf-8", r.header("Content-Type"));
        } else {
            assertNull(r.header("CIMOperation"));
            assertTrue(r.body().startsWith(status + " "), r.body());
        }
    }

    @Test
    void successIsOneWriteWithContentLength() throws Exception {
        RawHttpConnection.RawResponse r = fixture.exchange(HandlerFixture.post("GetClass", "root/cimv2", bytes(GET_CLASS)), bytes(GET_CLASS));
        assertEquals(200, r.status());
        assertEquals(Integer.toString(bytes(r.body()).length), r.header("Content-Length"));
        assertTrue(r.body().endsWith("END\n"), r.body());
    }

    @Test
    void cimErrorFromDecodingIsAnErrorInside200() throws Exception {
        String body = GET_CLASS + "error=INVALID_PARAMETER\n";
        RawHttpConnection.RawResponse r = fixture.exchange(HandlerFixture.post("GetClass", "root/cimv2", bytes(body)), bytes(body));
        assertEquals(200, r.status());
        assertEquals("ERROR 4 fake parameter error\n", r.body());
    }

    static Stream<Arguments> otherMethods() {
        return Stream.of(Arguments.of("GET", 405), Arguments.of("PUT", 405), Arguments.of("DELETE", 405),
                Arguments.of("OPTIONS", 405), Arguments.of("PATCH", 405), Arguments.of("BREW", 501),
                Arguments.of("M-GET", 501));
    }

    @ParameterizedTest(name = "{0} → {1}")
    @MethodSource("otherMethods")
    void otherMethodsAreRefused(String method, int status) throws Exception {
        RawHttpConnection.RawResponse r = fixture.exchange(method + " /cimom HTTP/1.1\nHost: localhost\nContent-Length: 0", new byte[0]);
        assertEquals(status, r.status());
        assertEquals(status == 405 ? "POST, M-POST" : null, r.header("Allow"));
    }

    @Test
    void otherPathsAreNotFound() throws Exception {
        RawHttpConnection.RawResponse r = fixture.exchange(HandlerFixture.post("GetClass", "root/cimv2", bytes(GET_CLASS))
                .replace("/cimom", "/other"), bytes(GET_CLASS));
        assertEquals(404, r.status());
    }
}
