package org.iscsismis.e2e;

import static org.iscsismis.e2e.SblimClients.all;
import static org.iscsismis.e2e.SblimClients.classPath;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.iscsismis.server.ServerConfig;
import org.iscsismis.testing.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.metricshub.wbem.javax.cim.CIMObjectPath;
import org.metricshub.wbem.javax.wbem.WBEMException;
import org.metricshub.wbem.javax.wbem.client.WBEMClient;

/**
 * Full paths in answers (Associators, References, pulls) carry the host the client addressed, its HTTP
 * {@code Host}, not a fixed {@code localhost}: a client that follows them reaches the same server the same way.
 */
class AddressedHostIT {

    static final String OBJECT_MANAGERS = "<IPARAMVALUE NAME=\"ObjectName\"><INSTANCENAME CLASSNAME=\"MSFTSM_ObjectManager\">"
            + "<KEYBINDING NAME=\"SystemCreationClassName\"><KEYVALUE>MSFTSM_ComputerSystem</KEYVALUE></KEYBINDING>"
            + "<KEYBINDING NAME=\"SystemName\"><KEYVALUE>iscsi-smis</KEYVALUE></KEYBINDING>"
            + "<KEYBINDING NAME=\"CreationClassName\"><KEYVALUE>MSFTSM_ObjectManager</KEYVALUE></KEYBINDING>"
            + "<KEYBINDING NAME=\"Name\"><KEYVALUE>iscsi-smis:ObjectManager</KEYVALUE></KEYBINDING></INSTANCENAME></IPARAMVALUE>"
            + "<IPARAMVALUE NAME=\"AssocClass\"><CLASSNAME NAME=\"CIM_NamespaceInManager\"/></IPARAMVALUE>";
    static final Pattern HOST = Pattern.compile("<HOST>([^<]*)</HOST>");

    // a name the server answers to besides loopback (without authentication it refuses any other Host)
    @RegisterExtension
    static final ServerFixture server = ServerFixture.with(
            TestServer.testDefaults().with(ServerConfig.HTTP_ALLOWED_HOSTS, "array.example.com"));
    private static final WBEMClient client = server.client();

    @Test
    void theSblimClientGetsBackTheHostAndPortItAddressed() throws WBEMException {
        CIMObjectPath manager = all(client.enumerateInstanceNames(classPath("root/interop", "CIM_ObjectManager"))).get(0);
        List<CIMObjectPath> namespaces = all(client.associatorNames(new CIMObjectPath(null, null, null, "root/interop",
                manager.getObjectName(), manager.getKeys()), "CIM_NamespaceInManager", null, null, null));
        assertEquals(3, namespaces.size());
        for (CIMObjectPath p : namespaces) {
            assertEquals("127.0.0.1", p.getHost(), p::toString);
            assertEquals(String.valueOf(server.port()), p.getPort(), p::toString);
        }
    }

    @Test
    void theHostHeaderAsSentIsTheHostOfEveryReturnedPath() throws IOException {
        List<String> hosts = hosts(rawAssociatorNames("HTTP/1.1", "Host: array.example.com:5988\r\n"));
        assertEquals(3, hosts.size());
        hosts.forEach(h -> assertEquals("array.example.com:5988", h));
    }

    @Test
    void withoutAHostHeaderItIsTheAddressTheClientConnectedTo() throws IOException {
        List<String> hosts = hosts(rawAssociatorNames("HTTP/1.0", ""));
        assertFalse(hosts.isEmpty());
        hosts.forEach(h -> assertEquals("127.0.0.1:" + server.port(), h));
    }

    @Test
    void wbemcliShowsTheHostItAddressed() {
        assertTrue(Wbemcli.installed(), "the end-to-end tests need wbemcli (Debian package sblim-wbemcli)");
        Wbemcli.Result r = Wbemcli.run("ain", "-ac", "CIM_NamespaceInManager", "http://127.0.0.1:" + server.port()
                + "/root/interop:MSFTSM_ObjectManager.SystemCreationClassName=\"MSFTSM_ComputerSystem\",SystemName=\"iscsi-smis\","
                + "CreationClassName=\"MSFTSM_ObjectManager\",Name=\"iscsi-smis:ObjectManager\"");
        assertEquals(0, r.exitCode(), r::toString);
        List<String> lines = r.out().lines().filter(l -> !l.isBlank()).toList();
        assertEquals(3, lines.size(), r::toString);
        lines.forEach(l -> assertTrue(l.startsWith("127.0.0.1:" + server.port() + "/root/interop:MSFTSM_Namespace."), l));
    }

    /** AssociatorNames of the object manager over a plain socket, with exactly the given request line version and headers. */
    private static String rawAssociatorNames(String version, String hostHeader) throws IOException {
        byte[] body = RawCimHttp.intrinsic("root/interop", "AssociatorNames", OBJECT_MANAGERS).getBytes(StandardCharsets.UTF_8);
        String head = "POST /cimom " + version + "\r\n" + hostHeader + "Content-Type: application/xml; charset=utf-8\r\n"
                + "CIMOperation: MethodCall\r\nCIMMethod: AssociatorNames\r\nCIMObject: root%2Finterop\r\n"
                + "Connection: close\r\nContent-Length: " + body.length + "\r\n\r\n";
        try (Socket s = new Socket("127.0.0.1", server.port())) {
            s.setSoTimeout(30_000);
            OutputStream out = s.getOutputStream();
            out.write(head.getBytes(StandardCharsets.US_ASCII));
            out.write(body);
            out.flush();
            InputStream in = s.getInputStream();
            String response = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(response.startsWith("HTTP/1.1 200"), response);
            return response;
        }
    }

    private static List<String> hosts(String response) {
        Matcher m = HOST.matcher(response);
        return m.results().map(r -> r.group(1)).toList();
    }
}
