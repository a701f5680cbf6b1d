package org.iscsismis.http;

import static org.iscsismis.http.FakeCodec.body;
import static org.iscsismis.http.HandlerFixture.bytes;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** M-POST (RFC 2774 as DSP0200 uses it): Man/Opt declarations, prefixed headers both ways. */
class CimOperationHandlerMPostTest {

    private static final String BODY = body("GetClass", "root/cimv2");
    private static HandlerFixture fixture;

    @BeforeAll
    static void start() throws Exception {
        fixture = new HandlerFixture();
    }

    @AfterAll
    static void stop() throws Exception {
        fixture.close();
    }

    private static String mpost(String version, String declaration, String ns) {
        return "M-POST /cimom " + version + "\nHost: localhost\n"
                + "Content-Type: application/xml; charset=\"utf-8\"\nContent-Length: " + bytes(BODY).length + "\n"
                + declaration + "\n"
                + ns + "-CIMOperation: MethodCall\n" + ns + "-CIMMethod: GetClass\n" + ns + "-CIMObject: root/cimv2\n";
    }

    @Test
    void manDeclarationPrefixesRequestAndResponseHeaders() throws Exception {
        RawHttpConnection.RawResponse r = fixture.exchange(
                mpost("HTTP/1.1", "Man: http://www.dmtf.org/cim/mapping/http/v1.0 ; ns=73", "73"), bytes(BODY));
        assertEquals(200, r.status(), r.body());
        assertEquals("", r.header("Ext"));
        assertEquals("MethodResponse", r.header("73-CIMOperation"));
        assertNull(r.header("CIMOperation"));
        assertEquals("http://www.dmtf.org/cim/mapping/http/v1.0; ns=73", r.header("Man"));
    }

    @Test
    void quotedUriAndOptAreAccepted() throws Exception {
        RawHttpConnection.RawResponse r = fixture.exchange(
                mpost("HTTP/1.1", "Opt: \"http://www.dmtf.org/cim/mapping/http/v1.0\"; ns=05", "05"), bytes(BODY));
        assertEquals(200, r.status(), r.body());
        assertEquals("MethodResponse", r.header("05-CIMOperation"));
    }

    @Test
    void prefixedErrorHeader() throws Exception {
        String head = mpost("HTTP/1.1", "Man: http://www.dmtf.org/cim/mapping/http/v1.0; ns=42", "42")
                .replace("42-CIMMethod: GetClass", "42-CIMMethod: GetInstance");
        RawHttpConnection.RawResponse r = fixture.exchange(head, bytes(BODY));
        assertEquals(400, r.status());
        assertEquals("header-mismatch", r.header("42-CIMError"));
        assertNotNull(r.header("Ext"));
    }

    @Test
    void prefixedTrailerAnnouncement() throws Exception {
        String head = mpost("HTTP/1.1", "Man: http://www.dmtf.org/cim/mapping/http/v1.0; ns=11", "11") + "TE: trailers\n";
        RawHttpConnection.RawResponse r = fixture.exchange(head, bytes(BODY));
        assertEquals(200, r.status());
        assertEquals("11-CIMStatusCode, 11-CIMStatusCodeDescription", r.header("Trailer"));
    }

    @Test
    void mPostOnHttp10IsBadRequest() throws Exception {
        RawHttpConnection.RawResponse r = fixture.exchange(
                mpost("HTTP/1.0", "Man: http://www.dmtf.org/cim/mapping/http/v1.0; ns=73", "73"), bytes(BODY));
        assertEquals(400, r.status());
    }

    @Test
    void mPostWithoutDeclarationIsNotExtended() throws Exception {
        RawHttpConnection.RawResponse r = fixture.exchange(mpost("HTTP/1.1", "X-Nothing: 1", "73"), bytes(BODY));
        assertEquals(510, r.status());
    }

    @Test
    void otherExtensionUriIsNotExtended() throws Exception {
        RawHttpConnection.RawResponse r = fixture.exchange(
                mpost("HTTP/1.1", "Man: http://example.com/other; ns=73", "73"), bytes(BODY));
        assertEquals(510, r.status());
    }
}
