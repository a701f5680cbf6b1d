package org.iscsismis.e2e;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.iscsismis.server.ServerConfig;
import org.iscsismis.testing.TestServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Hostile and broken requests over raw HTTP: each gets the right status, and the server goes on serving.
 * The server runs with a 1 MiB body limit so the oversized case stays cheap.
 */
class HostileInputIT {

    private static final int BODY_LIMIT = 1 << 20;
    @RegisterExtension
    static final ServerFixture server = ServerFixture.with(TestServer.testDefaults()
            .with(ServerConfig.LIMITS_MAX_BODY_BYTES, String.valueOf(BODY_LIMIT)));
    private static RawCimHttp http;

    @BeforeAll
    static void start() {
        http = new RawCimHttp(server.url());
    }

    /** After every hostile request, an ordinary one still succeeds. */
    @AfterEach
    void serverStillServes() {
        HttpResponse<String> r = http.post("EnumerateQualifiers", "root/cimv2", RawCimHttp.intrinsic("EnumerateQualifiers", ""));
        assertEquals(200, r.statusCode(), r::body);
        assertTrue(r.body().contains("QUALIFIER.DECLARATION"), r::body);
    }

    private static void assertCimError(HttpResponse<String> r, int status, String cimError) {
        assertEquals(status, r.statusCode(), () -> r.headers().map() + "\n" + r.body());
        assertEquals(cimError, r.headers().firstValue("CIMError").orElse(null), () -> r.headers().map().toString());
        assertFalse(r.body().contains("Exception"), () -> "no stack trace to the client: " + r.body());
    }

    @Test
    void externalEntityIsNeverResolved() {
        String body = "<?xml version=\"1.0\" encoding=\"utf-8\" ?><!DOCTYPE CIM [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                + RawCimHttp.intrinsic("EnumerateClassNames", "")
                        .replace("<?xml version=\"1.0\" encoding=\"utf-8\" ?>", "")
                        .replace("<SIMPLEREQ>", "<SIMPLEREQ>&x;");
        HttpResponse<String> r = http.post("EnumerateClassNames", "root/cimv2", body);
        assertEquals(400, r.statusCode(), r::body);
        assertFalse(r.body().contains("root:"), "file contents must never appear");
    }

    @Test
    void entityExpansionBombIsRefused() {
        StringBuilder dtd = new StringBuilder("<!DOCTYPE CIM [<!ENTITY a0 \"lollollollollollollollollollol\">");
        for (int i = 1; i < 10; i++) {
            dtd.append("<!ENTITY a").append(i).append(" \"");
            for (int j = 0; j < 10; j++) {
                dtd.append("&a").append(i - 1).append(';');
            }
            dtd.append("\">");
        }
        dtd.append("]>");
        String body = "<?xml version=\"1.0\" encoding=\"utf-8\" ?>" + dtd
                + "<CIM CIMVERSION=\"2.0\" DTDVERSION=\"2.0\"><MESSAGE ID=\"1\" PROTOCOLVERSION=\"1.0\"><SIMPLEREQ>&a9;</SIMPLEREQ></MESSAGE></CIM>";
        HttpResponse<String> r = http.post("EnumerateClassNames", "root/cimv2", body);
        assertEquals(400, r.statusCode(), r::body);
    }

    @Test
    void tenThousandDeepNestingIsRefused() {
        StringBuilder deep = new StringBuilder();
        deep.append("<IPARAMVALUE NAME=\"ClassName\">");
        for (int i = 0; i < 10_000; i++) {
            deep.append("<VALUE.ARRAY>");
        }
        for (int i = 0; i < 10_000; i++) {
            deep.append("</VALUE.ARRAY>");
        }
        deep.append("</IPARAMVALUE>");
        HttpResponse<String> r = http.post("EnumerateClassNames", "root/cimv2",
                RawCimHttp.intrinsic("EnumerateClassNames", deep.toString()));
        assertCimError(r, 400, "request-with-too-many-elements");
    }

    @Test
    void bodyOverTheLimitIs413() {
        byte[] padding = new byte[BODY_LIMIT + 1024];
        Arrays.fill(padding, (byte) ' ');
        String head = RawCimHttp.intrinsic("EnumerateClassNames", "");
        byte[] body = new byte[head.length() + padding.length];
        System.arraycopy(head.getBytes(StandardCharsets.UTF_8), 0, body, 0, head.length());
        System.arraycopy(padding, 0, body, head.length(), padding.length);
        HttpResponse<String> r = http.post("EnumerateClassNames", "root/cimv2", body);
        assertEquals(413, r.statusCode(), r::body);
    }

    @Test
    void truncatedXmlIsNotWellFormed() {
        String full = RawCimHttp.intrinsic("EnumerateClassNames", "");
        HttpResponse<String> r = http.post("EnumerateClassNames", "root/cimv2", full.substring(0, full.length() - 20));
        assertCimError(r, 400, "request-not-well-formed");
    }

    /** Well-formedness is judged first: cut short, a body that also lacks a required attribute is not well-formed. */
    @Test
    void aTruncatedBodyMissingAnAttributeIsNotWellFormed() {
        String full = RawCimHttp.intrinsic("EnumerateClassNames", "").replace(" CIMVERSION=\"2.0\"", "");
        assertCimError(http.post("EnumerateClassNames", "root/cimv2", full), 400, "request-not-valid");
        HttpResponse<String> r = http.post("EnumerateClassNames", "root/cimv2", full.substring(0, full.length() - 20));
        assertCimError(r, 400, "request-not-well-formed");
    }

    @Test
    void invalidUtf8IsNotWellFormed() {
        String full = RawCimHttp.intrinsic("GetClass", "<IPARAMVALUE NAME=\"ClassName\"><CLASSNAME NAME=\"XX\"/></IPARAMVALUE>");
        byte[] body = full.getBytes(StandardCharsets.UTF_8);
        int at = full.indexOf("\"XX\"") + 1;
        body[at] = (byte) 0xC3;
        body[at + 1] = (byte) 0x28;
        HttpResponse<String> r = http.post("GetClass", "root/cimv2", body);
        assertCimError(r, 400, "request-not-well-formed");
    }

    @Test
    void structurallyInvalidXmlIsNotValid() {
        HttpResponse<String> r = http.post("EnumerateClassNames", "root/cimv2",
                "<?xml version=\"1.0\" encoding=\"utf-8\" ?><CIM CIMVERSION=\"2.0\" DTDVERSION=\"2.0\"><NOT-A-MESSAGE/></CIM>");
        assertCimError(r, 400, "request-not-valid");
    }

    @Test
    void headerThatDisagreesWithTheBodyIsAMismatch() {
        HttpResponse<String> r = http.post("GetClass", "root/cimv2", RawCimHttp.intrinsic("EnumerateClassNames", ""));
        assertCimError(r, 400, "header-mismatch");
        HttpResponse<String> ns = http.post("EnumerateClassNames", "root/interop", RawCimHttp.intrinsic("EnumerateClassNames", ""));
        assertCimError(ns, 400, "header-mismatch");
    }

    @Test
    void unknownIntrinsicMethodIsNotSupportedInsideA200() {
        HttpResponse<String> r = http.post("FrobnicateInstances", "root/cimv2", RawCimHttp.intrinsic("FrobnicateInstances", ""));
        assertEquals(200, r.statusCode(), r::body);
        assertTrue(r.body().contains("<ERROR CODE=\"7\""), r::body);
        assertEquals("MethodResponse", r.headers().firstValue("CIMOperation").orElse(null));
    }

    @Test
    void illTypedParameterIsInvalidParameterInsideA200() {
        HttpResponse<String> r = http.post("EnumerateClassNames", "root/cimv2", RawCimHttp.intrinsic("EnumerateClassNames",
                "<IPARAMVALUE NAME=\"DeepInheritance\"><VALUE>maybe</VALUE></IPARAMVALUE>"));
        assertEquals(200, r.statusCode(), r::body);
        assertTrue(r.body().contains("<ERROR CODE=\"4\""), r::body);
    }

    @Test
    void valueOfTheWrongTypeIsTypeMismatchInsideA200() {
        String declare = RawCimHttp.intrinsic("CreateClass", "<IPARAMVALUE NAME=\"NewClass\"><CLASS NAME=\"E2EH_Typed\">"
                + "<PROPERTY NAME=\"Id\" TYPE=\"string\"><QUALIFIER NAME=\"Key\" TYPE=\"boolean\"><VALUE>TRUE</VALUE></QUALIFIER></PROPERTY>"
                + "<PROPERTY NAME=\"Count\" TYPE=\"uint32\"></PROPERTY></CLASS></IPARAMVALUE>");
        assertEquals(200, http.post("CreateClass", "root/cimv2", declare).statusCode());
        HttpResponse<String> r = http.post("CreateInstance", "root/cimv2", RawCimHttp.intrinsic("CreateInstance",
                "<IPARAMVALUE NAME=\"NewInstance\"><INSTANCE CLASSNAME=\"E2EH_Typed\">"
                        + "<PROPERTY NAME=\"Id\" TYPE=\"string\"><VALUE>t1</VALUE></PROPERTY>"
                        + "<PROPERTY NAME=\"Count\" TYPE=\"string\"><VALUE>many</VALUE></PROPERTY></INSTANCE></IPARAMVALUE>"));
        assertEquals(200, r.statusCode(), r::body);
        assertTrue(r.body().contains("<ERROR CODE=\"13\""), r::body);
    }

    /** A million-digit number (parsing one cost 48 s of CPU) is refused by its length, as INVALID_PARAMETER naming the limit. */
    @Test
    void millionDigitNumberIsInvalidParameter() {
        String digits = "7".repeat(1_000_000);
        HttpResponse<String> key = http.post("GetInstance", "root/cimv2", RawCimHttp.intrinsic("GetInstance",
                "<IPARAMVALUE NAME=\"InstanceName\"><INSTANCENAME CLASSNAME=\"E2EH_Typed\"><KEYBINDING NAME=\"Id\">"
                        + "<KEYVALUE VALUETYPE=\"numeric\">" + digits + "</KEYVALUE></KEYBINDING></INSTANCENAME></IPARAMVALUE>"));
        assertInvalidNumber(key);
        HttpResponse<String> value = http.post("CreateInstance", "root/cimv2", RawCimHttp.intrinsic("CreateInstance",
                "<IPARAMVALUE NAME=\"NewInstance\"><INSTANCE CLASSNAME=\"E2EH_Typed\">"
                        + "<PROPERTY NAME=\"Count\" TYPE=\"uint32\"><VALUE>" + digits + "</VALUE></PROPERTY></INSTANCE></IPARAMVALUE>"));
        assertInvalidNumber(value);
    }

    private static void assertInvalidNumber(HttpResponse<String> r) {
        assertEquals(200, r.statusCode(), r::body);
        assertTrue(r.body().contains("<ERROR CODE=\"4\""), r::body);
        assertTrue(r.body().contains("literal of 1000000 characters exceeds the limit of 256 characters"), r::body);
        assertTrue(r.body().length() < 2000, "the answer does not echo the number");
    }
}
