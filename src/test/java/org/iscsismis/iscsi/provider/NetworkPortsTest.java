package org.iscsismis.iscsi.provider;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.util.List;

import org.iscsismis.cim.CimInstance;
import org.junit.jupiter.api.Test;

class NetworkPortsTest {

    private static NetworkPorts.Address address(String text, int prefix) throws Exception {
        return new NetworkPorts.Address(InetAddress.getByName(text), prefix);
    }

    @Test
    void theSubnetMaskFollowsThePrefix() throws Exception {
        assertEquals("0.0.0.0", address("10.1.2.3", 0).subnetMask());
        assertEquals("255.0.0.0", address("10.1.2.3", 8).subnetMask());
        assertEquals("255.255.254.0", address("10.1.2.3", 23).subnetMask());
        assertEquals("255.255.255.255", address("10.1.2.3", 32).subnetMask());
    }

    @Test
    void anEthernetInterfaceWithBothFamilies() throws Exception {
        NetworkPorts.Port eth = new NetworkPorts.Port("eth0", "Intel NIC", new byte[] {0x02, 0x42, (byte) 0xac, 0x11, 0, 2}, 1500,
                false, true, List.of(address("192.168.10.5", 24), address("fe80::1", 64)));
        CimInstance port = NetworkPorts.ethernetPorts(List.of(eth), StorageElements.NAMESPACE).get(0);
        assertEquals("eth0", port.value("DeviceID").value());
        assertEquals("Intel NIC", port.value("AdapterName").value());
        assertEquals("0242AC110002", port.value("PermanentAddress").value());
        assertEquals(2, ((Number) port.value("LinkTechnology").value()).intValue(), "Ethernet");
        List<CimInstance> ips = NetworkPorts.ipEndpoints(List.of(eth), StorageElements.NAMESPACE);
        assertEquals(2, ips.size());
        assertEquals("192.168.10.5", ips.get(0).value("IPv4Address").value());
        assertEquals("255.255.255.0", ips.get(0).value("SubnetMask").value());
        assertEquals(4096, ((Number) ips.get(0).value("ProtocolIFType").value()).intValue());
        assertEquals("fe80:0:0:0:0:0:0:1", ips.get(1).value("IPv6Address").value());
        assertNull(ips.get(1).value("SubnetMask"));
        assertEquals(4097, ((Number) ips.get(1).value("ProtocolIFType").value()).intValue());
        assertEquals(64, ((Number) ips.get(1).value("PrefixLength").value()).intValue());
    }

    @Test
    void theInterfacesUnderThePortalAreReadFromTheHost() {
        List<NetworkPorts.Port> lo = NetworkPorts.under("127.0.0.1:3260");
        assertEquals(1, lo.size(), lo::toString);
        assertTrue(lo.get(0).loopback());
        assertEquals(1, lo.get(0).addresses().size(), "only the bound address");
        assertEquals(8, lo.get(0).addresses().get(0).prefixLength());
        assertTrue(NetworkPorts.under("0.0.0.0:3260").stream().anyMatch(NetworkPorts.Port::loopback), "the wildcard: every interface");
        assertEquals(List.of(), NetworkPorts.under(null), "no portal");
    }
}
