package org.iscsismis.e2e;

import static org.iscsismis.e2e.SblimClients.all;
import static org.iscsismis.e2e.SblimClients.classPath;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.metricshub.wbem.javax.cim.CIMInstance;
import org.metricshub.wbem.javax.cim.CIMObjectPath;
import org.metricshub.wbem.javax.wbem.WBEMException;
import org.metricshub.wbem.javax.wbem.client.WBEMClient;

/**
 * The network classes (62–66) on a server whose portal is bound to loopback: the loopback interface as
 * MSFTSMNET_EthernetPort, 127.0.0.1/8 as MSFTSMNET_IPProtocolEndpoint, and the walk from the system to them and from the
 * portal's TCP endpoint down to the IP endpoint and its port, through the SBLIM client and wbemcli.
 */
class NetworkPortsIT {

    static final String NS = "root/cimv2/storage/iscsitarget";

    @RegisterExtension
    static final ServerFixture server = ServerFixture.demo();
    private static final WBEMClient client = server.client();

    private static CIMInstance only(String className) throws WBEMException {
        List<CIMInstance> all = all(client.enumerateInstances(classPath(NS, className), false, false, false, null));
        assertEquals(1, all.size(), () -> className + ": " + all);
        return all.get(0);
    }

    @Test
    void theBoundAddressIsAnIpEndpointOnItsPort() throws WBEMException {
        CIMInstance ip = only("MSFTSMNET_IPProtocolEndpoint");
        assertEquals("127.0.0.1", ip.getPropertyValue("IPv4Address"));
        assertEquals("255.0.0.0", ip.getPropertyValue("SubnetMask"));
        assertEquals(8, ((Number) ip.getPropertyValue("PrefixLength")).intValue());
        assertEquals(4096, ((Number) ip.getPropertyValue("ProtocolIFType")).intValue(), "IPv4");
        assertNull(ip.getPropertyValue("IPv6Address"));

        CIMInstance port = only("MSFTSMNET_EthernetPort");
        assertEquals("lo", port.getPropertyValue("DeviceID"));
        assertEquals(1, ((Number) port.getPropertyValue("LinkTechnology")).intValue(), "Other");
        assertEquals("Loopback", port.getPropertyValue("OtherLinkTechnology"));
        assertEquals(2, ((Number) port.getPropertyValue("EnabledState")).intValue());
    }

    @Test
    void theWalkReachesThemFromTheSystemAndThePortal() throws WBEMException {
        CIMObjectPath system = all(client.enumerateInstanceNames(classPath(NS, "MSFTSM_ComputerSystem"))).get(0);
        assertEquals(List.of("MSFTSMNET_EthernetPort"), names(client.associatorNames(system, "MSFTSMNET_SystemDevice", null, null, null)));
        assertEquals(List.of("MSFTSMNET_IPProtocolEndpoint"),
                names(client.associatorNames(system, "MSFTSMNET_HostedAccessPoint", null, null, null)));

        CIMObjectPath tcp = all(client.enumerateInstanceNames(classPath(NS, "MSISCSITARGET_TCPProtocolEndpoint"))).get(0);
        List<CIMObjectPath> ips = all(client.associatorNames(tcp, "MSISCSITARGET_BindsTo", "MSFTSMNET_IPProtocolEndpoint",
                "Dependent", "Antecedent"));
        assertEquals(1, ips.size(), ips::toString);
        assertEquals("IPv4_127.0.0.1", ips.get(0).getKey("Name").getValue());
        List<CIMObjectPath> ports = all(client.associatorNames(ReplicationCalls.inNamespace(ips.get(0)),
                "MSFTSMNET_DeviceSAPImplementation", null, "Dependent", "Antecedent"));
        assertEquals(1, ports.size(), ports::toString);
        assertEquals("lo", ports.get(0).getKey("DeviceID").getValue());
    }

    @Test
    void wbemcliListsTheIpEndpoint() throws Exception {
        assertTrue(Wbemcli.installed(), "the end-to-end tests need wbemcli (Debian package sblim-wbemcli)");
        Wbemcli.Result ei = Wbemcli.run("ei", "http://127.0.0.1:" + server.port() + "/" + NS + ":MSFTSMNET_IPProtocolEndpoint");
        assertEquals(0, ei.exitCode(), ei::toString);
        assertTrue(ei.out().contains("IPv4Address=\"127.0.0.1\""), ei::toString);
        assertTrue(ei.out().contains("SubnetMask=\"255.0.0.0\""), ei::toString);
    }

    private static List<String> names(org.metricshub.wbem.javax.wbem.CloseableIterator<CIMObjectPath> it) throws WBEMException {
        return all(it).stream().map(CIMObjectPath::getObjectName).toList();
    }
}
