package org.iscsismis.e2e;

import static org.iscsismis.e2e.SblimClients.assertCimError;
import static org.iscsismis.e2e.SblimClients.classPath;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.metricshub.wbem.javax.cim.CIMDataType;
import org.metricshub.wbem.javax.cim.CIMInstance;
import org.metricshub.wbem.javax.cim.CIMProperty;
import org.metricshub.wbem.javax.wbem.WBEMException;
import org.metricshub.wbem.javax.wbem.client.WBEMClient;

/** What a server without authentication refuses before it runs anything: foreign Host headers and bad namespace names. */
class RequestChecksIT {

    @RegisterExtension
    static final ServerFixture server = ServerFixture.plain();
    private static final WBEMClient client = server.client();

    /** DNS rebinding: a page of attacker.example resolved to 127.0.0.1 sends its own name as Host. */
    @Test
    void aForgedHostHeaderIsRefused() throws Exception {
        String body = RawCimHttp.intrinsic("EnumerateClassNames", "");
        String forged = exchange("attacker.example:" + server.port(), body);
        assertTrue(forged.startsWith("HTTP/1.1 403 "), forged);
        assertTrue(forged.contains("Host \"attacker.example:" + server.port() + "\" is not a name of this server"), forged);
        assertTrue(exchange("127.0.0.1:" + server.port(), body).startsWith("HTTP/1.1 200 "));
        assertTrue(exchange("localhost:" + server.port(), body).startsWith("HTTP/1.1 200 "));
    }

    private static String exchange(String host, String body) throws Exception {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        try (Socket socket = new Socket("127.0.0.1", server.port())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /cimom HTTP/1.1\r\nHost: " + host + "\r\nContent-Type: application/xml; charset=utf-8\r\n"
                    + "CIMOperation: MethodCall\r\nCIMMethod: EnumerateClassNames\r\nCIMObject: root/cimv2\r\n"
                    + "Connection: close\r\nContent-Length: " + bytes.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(bytes);
            out.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void namespacesWithPathTricksAreNotCreated() throws WBEMException {
        for (String name : new String[] {"../../etc", "a:b/../c", "root/./x", "x y"}) {
            WBEMException e = assertCimError(4, () -> client.createInstance(new CIMInstance(classPath("root/interop", "CIM_Namespace"),
                    new CIMProperty<?>[] {new CIMProperty<>("Name", CIMDataType.STRING_T, name)})));
            assertTrue(e.getMessage().contains("not a namespace name"), e::getMessage);
        }
    }

    @Test
    void aRequestToAnInvalidNamespaceNameIsInvalidNamespace() {
        String body = "<?xml version=\"1.0\" encoding=\"utf-8\" ?>"
                + "<CIM CIMVERSION=\"2.0\" DTDVERSION=\"2.0\"><MESSAGE ID=\"1\" PROTOCOLVERSION=\"1.0\"><SIMPLEREQ>"
                + "<IMETHODCALL NAME=\"EnumerateClassNames\"><LOCALNAMESPACEPATH><NAMESPACE NAME=\"..\"/><NAMESPACE NAME=\"..\"/>"
                + "<NAMESPACE NAME=\"etc\"/></LOCALNAMESPACEPATH></IMETHODCALL></SIMPLEREQ></MESSAGE></CIM>";
        HttpResponse<String> r = new RawCimHttp(server.url()).post("EnumerateClassNames", "../../etc", body);
        assertEquals(200, r.statusCode(), r::body);
        assertTrue(r.body().contains("CODE=\"3\""), r::body);
        assertTrue(r.body().contains("not an identifier"), r::body);
    }
}
