package org.iscsismis.http;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.iscsismis.cimxml.CimXmlException;
import org.iscsismis.cimxml.CimXmlRequestReader;
import org.iscsismis.cimxml.ParsedRequest;
import org.iscsismis.cimxml.ReaderLimits;

/**
 * Fuzz target: the HTTP admission rules of DSP0200 (request line, M-POST extension declaration, the CIM
 * headers with their %-decoding, Content-Type and lengths, and the agreement of the headers with a decoded
 * body). The input is a request head as a client would send it ({@code METHOD PATH VERSION}, then
 * {@code Name: value} lines); every head is admitted or refused with an {@link HttpFailure} of a DSP0200
 * status. Anything else is a finding.
 */
class AdmissionRulesFuzzTest {

    private static final AdmissionRules RULES = new AdmissionRules(RequestDecoder.of(new CimXmlRequestReader()),
            new HttpLimits(4 << 20, ReaderLimits.DEFAULT));
    private static final Set<Integer> STATUSES = Set.of(400, 404, 405, 413, 501, 510);
    private static final List<ParsedRequest> BODIES = List.of(
            decode("<IMETHODCALL NAME=\"GetClass\"><LOCALNAMESPACEPATH><NAMESPACE NAME=\"root\"/><NAMESPACE NAME=\"cimv2\"/>"
                    + "</LOCALNAMESPACEPATH><IPARAMVALUE NAME=\"ClassName\"><CLASSNAME NAME=\"CIM_Foo\"/></IPARAMVALUE>"
                    + "</IMETHODCALL>"),
            decode("<METHODCALL NAME=\"Reset\"><LOCALINSTANCEPATH><LOCALNAMESPACEPATH><NAMESPACE NAME=\"root\"/>"
                    + "<NAMESPACE NAME=\"cimv2\"/></LOCALNAMESPACEPATH><INSTANCENAME CLASSNAME=\"CIM_Foo\">"
                    + "<KEYBINDING NAME=\"Id\"><KEYVALUE VALUETYPE=\"string\">a b</KEYVALUE></KEYBINDING>"
                    + "<KEYBINDING NAME=\"N\"><KEYVALUE VALUETYPE=\"numeric\">7</KEYVALUE></KEYBINDING>"
                    + "</INSTANCENAME></LOCALINSTANCEPATH></METHODCALL>"));

    @FuzzTest(maxDuration = "10m")
    void admitsOrRefusesAnyHead(byte[] input) {
        String[] lines = new String(input, StandardCharsets.ISO_8859_1).split("\r?\n", -1);
        String[] requestLine = lines[0].split(" ", 3);
        String method = requestLine[0];
        String path = requestLine.length > 1 ? requestLine[1] : "";
        boolean http10 = requestLine.length > 2 && requestLine[2].equals("HTTP/1.0");
        HttpFields.Mutable headers = HttpFields.build();
        for (int i = 1; i < lines.length && !lines[i].isEmpty(); i++) {
            int colon = lines[i].indexOf(':');
            if (colon > 0) {
                headers.add(lines[i].substring(0, colon).trim(), lines[i].substring(colon + 1).trim());
            }
        }
        try {
            ExtensionPrefix prefix = RULES.checkRequestLine(path, method, http10, headers);
            AdmissionRules.CimHeaders cim = RULES.checkHeaders(headers, length(headers.get(HttpHeader.CONTENT_LENGTH)), prefix);
            for (ParsedRequest body : BODIES) {
                try {
                    RULES.checkAgreement(cim, body);
                } catch (HttpFailure f) {
                    assertTrue(f.status() == 400, () -> "agreement: " + f.status() + " " + f.getMessage());
                }
            }
        } catch (HttpFailure f) {
            assertTrue(STATUSES.contains(f.status()), () -> "unexpected status " + f.status() + " " + f.getMessage());
        }
    }

    private static long length(String value) {
        try {
            return value == null ? -1 : Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static ParsedRequest decode(String call) {
        String body = "<?xml version=\"1.0\" encoding=\"utf-8\"?><CIM CIMVERSION=\"2.0\" DTDVERSION=\"2.0\">"
                + "<MESSAGE ID=\"1\" PROTOCOLVERSION=\"1.0\"><SIMPLEREQ>" + call + "</SIMPLEREQ></MESSAGE></CIM>";
        try {
            return new CimXmlRequestReader().read(new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)),
                    ReaderLimits.DEFAULT);
        } catch (CimXmlException e) {
            throw new IllegalStateException("the fixed bodies decode", e);
        }
    }
}
