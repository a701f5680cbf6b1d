package org.iscsismis.cimxml;

import static org.iscsismis.cimxml.CimXmlRequestReaderTest.call;
import static org.iscsismis.cimxml.CimXmlRequestReaderTest.p;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.iscsismis.cimxml.CimXmlException.Kind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bodies an attacker (or a broken client) might send: each is refused quickly, with the right kind, in bounded memory. */
class CimXmlHostileInputTest {

    private static final CimXmlRequestReader READER = new CimXmlRequestReader();
    private static final String HEAD = "<?xml version=\"1.0\" encoding=\"utf-8\" ?>";

    private static CimXmlException refuse(byte[] body, ReaderLimits limits) {
        return assertTimeoutPreemptively(Duration.ofSeconds(10),
                () -> assertThrows(CimXmlException.class, () -> READER.read(new ByteArrayInputStream(body), limits)));
    }

    private static CimXmlException refuse(String body) {
        return refuse(body.getBytes(StandardCharsets.UTF_8), ReaderLimits.DEFAULT);
    }

    @Test
    void externalEntityIsNeverRead(@TempDir Path dir) throws Exception {
        Path secret = dir.resolve("secret.txt");
        Files.writeString(secret, "TOP-SECRET");
        String body = HEAD + "<!DOCTYPE CIM [<!ENTITY xxe SYSTEM \"" + secret.toUri() + "\">]>"
                + call("GetQualifier", p("QualifierName", "<VALUE>&xxe;</VALUE>")).substring(HEAD.length());
        CimXmlException e = refuse(body);
        assertTrue(e.kind() == Kind.NOT_VALID || e.kind() == Kind.NOT_WELL_FORMED, e.kind().toString());
        assertFalse(e.getMessage().contains("TOP-SECRET"));
        assertTrue(e.getMessage().contains("DOCTYPE"), e.getMessage());
    }

    @Test
    void etcPasswdEntityIsRefused() {
        String body = HEAD + "<!DOCTYPE CIM SYSTEM \"file:///etc/passwd\">"
                + call("EnumerateQualifiers", "").substring(HEAD.length());
        CimXmlException e = refuse(body);
        assertTrue(e.kind() == Kind.NOT_VALID || e.kind() == Kind.NOT_WELL_FORMED);
        assertFalse(e.getMessage().contains("root:"));
    }

    @Test
    void billionLaughsIsRefused() {
        StringBuilder dtd = new StringBuilder("<!DOCTYPE CIM [<!ENTITY lol0 \"lol\">");
        for (int i = 1; i <= 9; i++) {
            dtd.append("<!ENTITY lol").append(i).append(" \"");
            dtd.append(("&lol" + (i - 1) + ";").repeat(10)).append("\">");
        }
        dtd.append("]>");
        String body = HEAD + dtd + call("GetQualifier", p("QualifierName", "<VALUE>&lol9;</VALUE>")).substring(HEAD.length());
        CimXmlException e = refuse(body);
        assertTrue(e.kind() == Kind.NOT_VALID || e.kind() == Kind.NOT_WELL_FORMED || e.kind() == Kind.LIMIT_EXCEEDED);
    }

    @Test
    void undeclaredEntityReferenceIsNotWellFormed() {
        assertEquals(Kind.NOT_WELL_FORMED, refuse(call("GetQualifier", p("QualifierName", "<VALUE>&lol;</VALUE>"))).kind());
    }

    @Test
    void deepNestingHitsTheDepthLimit() {
        String body = call("EnumerateQualifiers", "<IPARAMVALUE NAME=\"X\">" + "<VALUE.ARRAY>".repeat(10_000));
        CimXmlException e = refuse(body);
        assertEquals(Kind.LIMIT_EXCEEDED, e.kind(), e.getMessage());
    }

    @Test
    void hugeAttributeHitsTheAttributeLimit() {
        ReaderLimits small = new ReaderLimits(64, 1000, 1024, 1 << 20);
        byte[] body = (HEAD + "<CIM CIMVERSION=\"2.0\" DTDVERSION=\"" + "x".repeat(10 << 20) + "\"/>").getBytes(StandardCharsets.UTF_8);
        assertEquals(Kind.LIMIT_EXCEEDED, refuse(body, small).kind());
    }

    @Test
    void longTextHitsTheTextLimit() {
        ReaderLimits small = new ReaderLimits(64, 1000, 1024, 4096);
        byte[] body = call("GetQualifier", p("QualifierName", "<VALUE>" + "y".repeat(1 << 20) + "</VALUE>")).getBytes(StandardCharsets.UTF_8);
        assertEquals(Kind.LIMIT_EXCEEDED, refuse(body, small).kind());
    }

    @Test
    void manyElementsHitTheElementLimit() {
        ReaderLimits small = new ReaderLimits(64, 100, 1024, 4096);
        String body = call("GetClass", p("ClassName", "<CLASSNAME NAME=\"A\"/>")
                + p("PropertyList", "<VALUE.ARRAY>" + "<VALUE>A</VALUE>".repeat(1000) + "</VALUE.ARRAY>"));
        assertEquals(Kind.LIMIT_EXCEEDED, refuse(body.getBytes(StandardCharsets.UTF_8), small).kind());
    }

    @Test
    void truncatedXmlIsNotWellFormed() {
        String body = call("GetClass", p("ClassName", "<CLASSNAME NAME=\"A\"/>"));
        for (int cut : new int[] {body.length() - 1, body.length() - 20, body.length() / 2, 60}) {
            assertEquals(Kind.NOT_WELL_FORMED, refuse(body.substring(0, cut)).kind(), "cut at " + cut);
        }
    }

    @Test
    void invalidUtf8IsNotWellFormed() throws Exception {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        String body = call("GetQualifier", p("QualifierName", "<VALUE>Key@</VALUE>"));
        int at = body.indexOf('@');
        b.write(body.substring(0, at).getBytes(StandardCharsets.UTF_8));
        b.write(new byte[] {(byte) 0xC3, (byte) 0x28, (byte) 0xFF});
        b.write(body.substring(at + 1).getBytes(StandardCharsets.UTF_8));
        assertEquals(Kind.NOT_WELL_FORMED, refuse(b.toByteArray(), ReaderLimits.DEFAULT).kind());
    }

    @Test
    void multireqIsRefused() {
        String one = "<SIMPLEREQ><IMETHODCALL NAME=\"EnumerateQualifiers\"><LOCALNAMESPACEPATH><NAMESPACE NAME=\"root\"/></LOCALNAMESPACEPATH></IMETHODCALL></SIMPLEREQ>";
        String body = HEAD + "<CIM CIMVERSION=\"2.0\" DTDVERSION=\"2.0\"><MESSAGE ID=\"7\" PROTOCOLVERSION=\"1.0\"><MULTIREQ>"
                + one + one + "</MULTIREQ></MESSAGE></CIM>";
        assertEquals(Kind.MULTIPLE_REQUESTS_UNSUPPORTED, refuse(body).kind());
    }

    @Test
    void versionsAreChecked() {
        String ok = call("EnumerateQualifiers", "");
        assertEquals(Kind.UNSUPPORTED_CIM_VERSION, refuse(ok.replace("CIMVERSION=\"2.0\"", "CIMVERSION=\"3.0\"")).kind());
        assertEquals(Kind.UNSUPPORTED_DTD_VERSION, refuse(ok.replace("DTDVERSION=\"2.0\"", "DTDVERSION=\"1.1\"")).kind());
        assertEquals(Kind.UNSUPPORTED_PROTOCOL_VERSION, refuse(ok.replace("PROTOCOLVERSION=\"1.0\"", "PROTOCOLVERSION=\"2.0\"")).kind());
        assertEquals(Kind.NOT_VALID, refuse(ok.replace(" DTDVERSION=\"2.0\"", "")).kind());
    }

    @Test
    void minorVersionsAreAccepted() throws Exception {
        String body = call("EnumerateQualifiers", "").replace("CIMVERSION=\"2.0\"", "CIMVERSION=\"2.6\"")
                .replace("PROTOCOLVERSION=\"1.0\"", "PROTOCOLVERSION=\"1.4\"");
        assertEquals("1.4", READER.read(new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)), ReaderLimits.DEFAULT).protocolVersion());
    }

    @Test
    void structuralViolationsAreNotValidAndNameTheElementAndPosition() {
        String ok = call("GetClass", p("ClassName", "<CLASSNAME NAME=\"A\"/>"));
        CimXmlException e = refuse(ok.replace("<CLASSNAME NAME=\"A\"/>", "<CLASSNAME/>"));
        assertEquals(Kind.NOT_VALID, e.kind());
        assertTrue(e.getMessage().contains("CLASSNAME") && e.getMessage().contains("NAME") && e.getMessage().contains("line 1:"), e.getMessage());
        assertEquals(Kind.NOT_VALID, refuse(ok.replace("<SIMPLEREQ>", "<SIMPLEREQ><BOGUS/>")).kind());
        assertEquals(Kind.NOT_VALID, refuse(ok.replace("<LOCALNAMESPACEPATH>", "<LOCALNAMESPACEPATH>text")).kind());
        assertEquals(Kind.NOT_VALID, refuse(ok.replace("<CIM ", "<CIMX ").replace("</CIM>", "</CIMX>")).kind());
        assertEquals(Kind.NOT_VALID, refuse(call("CreateInstance", p("NewInstance",
                "<INSTANCE CLASSNAME=\"A\"><PROPERTY NAME=\"x\" TYPE=\"foo\"/></INSTANCE>"))).kind());
        assertEquals(Kind.NOT_VALID, refuse(call("CreateInstance", p("NewInstance",
                "<INSTANCE CLASSNAME=\"A\"><PROPERTY NAME=\"x\" TYPE=\"string\" PROPAGATED=\"yes\"/></INSTANCE>"))).kind());
        assertEquals(Kind.NOT_VALID, refuse(call("GetInstance", p("InstanceName",
                "<INSTANCENAME CLASSNAME=\"A\"><KEYBINDING NAME=\"k\"><KEYVALUE VALUETYPE=\"text\">1</KEYVALUE></KEYBINDING></INSTANCENAME>"))).kind());
        assertEquals(Kind.NOT_WELL_FORMED, refuse(ok.replace("</CIM>", "</CIM><CIM/>")).kind());
    }

    @Test
    void streamErrorsAreNotWellFormed() {
        InputStream failing = new InputStream() {
            @Override
            public int read() throws java.io.IOException {
                throw new java.io.IOException("connection reset");
            }
        };
        CimXmlException e = assertThrows(CimXmlException.class, () -> READER.read(failing, ReaderLimits.DEFAULT));
        assertEquals(Kind.NOT_WELL_FORMED, e.kind());
    }
}
