package org.iscsismis.iscsi.provider;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InterfaceAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

import org.iscsismis.cim.CimInstance;
import org.iscsismis.cim.CimName;
import org.iscsismis.cim.CimNamespace;
import org.iscsismis.cim.CimType;
import org.iscsismis.cim.CimValue;
import org.iscsismis.cim.ObjectPath;
import org.iscsismis.provider.ProviderContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The network under the iSCSI portal (classes 62–66 of Microsoft's provider), read from the host on every call: one
 * {@code MSFTSMNET_EthernetPort} per network interface carrying the address the portal is bound to (every interface
 * that is up when it is bound to the wildcard address), one {@code MSFTSMNET_IPProtocolEndpoint} per such address, and
 * how they link:
 * <pre>
 * system ─MSFTSMNET_SystemDevice─▶ each Ethernet port
 * system ─MSFTSMNET_HostedAccessPoint─▶ each IP endpoint
 * Ethernet port ─MSFTSMNET_DeviceSAPImplementation─▶ its IP endpoints
 * IP endpoint ─MSISCSITARGET_BindsTo─▶ the portal's TCP endpoint
 * </pre>
 * Without a running portal there are none.
 */
final class NetworkPorts {

    static final CimName ETHERNET_PORT = CimName.of("MSFTSMNET_EthernetPort");
    static final CimName IP_ENDPOINT = CimName.of("MSFTSMNET_IPProtocolEndpoint");
    static final CimName SYSTEM_DEVICE = CimName.of("MSFTSMNET_SystemDevice");
    static final CimName HOSTED_ACCESS_POINT = CimName.of("MSFTSMNET_HostedAccessPoint");
    static final CimName DEVICE_SAP = CimName.of("MSFTSMNET_DeviceSAPImplementation");

    /** ProtocolIFType of CIM_IPProtocolEndpoint. */
    private static final int IPV4 = 4096;
    private static final int IPV6 = 4097;

    private static final Logger LOG = LoggerFactory.getLogger(NetworkPorts.class);

    private NetworkPorts() {
    }

    /** One address of an interface with its network prefix. */
    record Address(InetAddress address, int prefixLength) {
        boolean isIpv4() {
            return address instanceof Inet4Address;
        }

        /** The address without an IPv6 scope suffix ({@code %lo}). */
        String text() {
            String s = address.getHostAddress();
            int scope = s.indexOf('%');
            return scope < 0 ? s : s.substring(0, scope);
        }

        /** The IPv4 subnet mask in dotted form. */
        String subnetMask() {
            long mask = prefixLength == 0 ? 0 : (0xFFFFFFFFL << (32 - prefixLength)) & 0xFFFFFFFFL;
            return (mask >>> 24) + "." + ((mask >>> 16) & 0xFF) + "." + ((mask >>> 8) & 0xFF) + "." + (mask & 0xFF);
        }
    }

    /** A network interface the portal listens on, with the addresses it listens at there. */
    record Port(String name, String displayName, byte[] mac, int mtu, boolean loopback, boolean up, List<Address> addresses) {
    }

    /** The interfaces under the portal at {@code portal} ({@code host:port}), or none if it is null or unknown. */
    static List<Port> under(String portal) {
        if (portal == null) {
            return List.of();
        }
        try {
            InetAddress bound = InetAddress.getByName(portal.substring(0, portal.lastIndexOf(':')));
            List<Port> out = new ArrayList<>();
            if (bound.isAnyLocalAddress()) {
                for (NetworkInterface nif : NetworkInterface.networkInterfaces().toList()) {
                    if (nif.isUp() && !nif.getInterfaceAddresses().isEmpty()) {
                        out.add(port(nif, nif.getInterfaceAddresses()));
                    }
                }
            } else {
                NetworkInterface nif = NetworkInterface.getByInetAddress(bound);
                if (nif != null) {
                    out.add(port(nif, nif.getInterfaceAddresses().stream().filter(a -> a.getAddress().equals(bound)).toList()));
                }
            }
            return out;
        } catch (SocketException | UnknownHostException e) {
            LOG.warn("Network interfaces of the portal at {} cannot be read: {}", portal, e.toString());
            return List.of();
        }
    }

    private static Port port(NetworkInterface nif, List<InterfaceAddress> addresses) throws SocketException {
        return new Port(nif.getName(), nif.getDisplayName(), nif.getHardwareAddress(), nif.getMTU(), nif.isLoopback(), nif.isUp(),
                addresses.stream().map(a -> new Address(a.getAddress(), a.getNetworkPrefixLength())).toList());
    }

    static ObjectPath portPath(Port port, CimNamespace ns) {
        return ObjectPath.builder(ETHERNET_PORT).namespace(ns)
                .key("CreationClassName", ETHERNET_PORT.toString())
                .key("DeviceID", port.name())
                .key("SystemCreationClassName", StorageElements.SYSTEM_CREATION_CLASS_NAME)
                .key("SystemName", StorageElements.SYSTEM_NAME)
                .build();
    }

    static ObjectPath endpointPath(Address address, CimNamespace ns) {
        return ObjectPath.builder(IP_ENDPOINT).namespace(ns)
                .key("CreationClassName", IP_ENDPOINT.toString())
                .key("Name", (address.isIpv4() ? "IPv4_" : "IPv6_") + address.text())
                .key("SystemCreationClassName", StorageElements.SYSTEM_CREATION_CLASS_NAME)
                .key("SystemName", StorageElements.SYSTEM_NAME)
                .build();
    }

    private static CimInstance.Builder keyed(CimName cls, ObjectPath path, boolean up) {
        CimInstance.Builder b = CimInstance.builder(cls).path(path);
        path.keys().forEach(k -> b.property(k.name().toString(), k.value()));
        return b.property("OperationalStatus", CimValue.of(CimType.UINT16.asArray(), List.of(up ? 2 : 10))) // OK / Stopped
                .property("EnabledState", CimValue.ofUint16(up ? 2 : 3))
                .property("RequestedState", CimValue.ofUint16(12)); // Not Applicable
    }

    static List<CimInstance> ethernetPorts(List<Port> ports, CimNamespace ns) {
        List<CimInstance> out = new ArrayList<>();
        for (Port p : ports) {
            CimInstance.Builder b = keyed(ETHERNET_PORT, portPath(p, ns), p.up())
                    .property("ElementName", p.name())
                    .property("AdapterName", p.displayName())
                    .property("ActiveMaximumTransmissionUnit", CimValue.ofUint64(p.mtu()))
                    .property("UsageRestriction", CimValue.ofUint16(2)); // Front-end only
            if (p.loopback()) {
                b.property("LinkTechnology", CimValue.ofUint16(1)).property("OtherLinkTechnology", "Loopback");
            } else {
                b.property("LinkTechnology", CimValue.ofUint16(2)); // Ethernet
            }
            if (p.mac() != null && p.mac().length > 0) {
                String mac = HexFormat.of().formatHex(p.mac()).toUpperCase(Locale.ROOT);
                b.property("PermanentAddress", mac).property("NetworkAddresses", CimValue.ofStrings(List.of(mac)));
            }
            out.add(b.build());
        }
        return out;
    }

    static List<CimInstance> ipEndpoints(List<Port> ports, CimNamespace ns) {
        List<CimInstance> out = new ArrayList<>();
        for (Port p : ports) {
            for (Address a : p.addresses()) {
                CimInstance.Builder b = keyed(IP_ENDPOINT, endpointPath(a, ns), p.up())
                        .property("ElementName", a.text() + "/" + a.prefixLength() + " on " + p.name())
                        .property("PrefixLength", CimValue.ofUint8(a.prefixLength()));
                if (a.isIpv4()) {
                    b.property("IPv4Address", a.text()).property("SubnetMask", a.subnetMask())
                            .property("ProtocolIFType", CimValue.ofUint16(IPV4));
                } else {
                    b.property("IPv6Address", a.text()).property("ProtocolIFType", CimValue.ofUint16(IPV6));
                }
                out.add(b.build());
            }
        }
        return out;
    }

    static List<CimInstance> systemDevices(List<Port> ports, ProviderContext context) {
        CimNamespace ns = context.namespace();
        ModelAssociations.Links links = new ModelAssociations.Links(context, SYSTEM_DEVICE);
        ports.forEach(p -> links.add("GroupComponent", SystemElements.systemPath(ns), "PartComponent", portPath(p, ns)));
        return links.list();
    }

    static List<CimInstance> hostedAccessPoints(List<Port> ports, ProviderContext context) {
        CimNamespace ns = context.namespace();
        ModelAssociations.Links links = new ModelAssociations.Links(context, HOSTED_ACCESS_POINT);
        ports.forEach(p -> p.addresses().forEach(
                a -> links.add("Antecedent", SystemElements.systemPath(ns), "Dependent", endpointPath(a, ns))));
        return links.list();
    }

    static List<CimInstance> deviceSaps(List<Port> ports, ProviderContext context) {
        CimNamespace ns = context.namespace();
        ModelAssociations.Links links = new ModelAssociations.Links(context, DEVICE_SAP);
        ports.forEach(p -> p.addresses().forEach(a -> links.add("Antecedent", portPath(p, ns), "Dependent", endpointPath(a, ns))));
        return links.list();
    }

    /** The TCP endpoint of the portal is bound to each IP endpoint under it (CIM_BindsTo: Antecedent the lower layer). */
    static void bindTcp(List<Port> ports, ObjectPath tcpEndpoint, ModelAssociations.Links links) {
        CimNamespace ns = tcpEndpoint.namespace();
        ports.forEach(p -> p.addresses().forEach(a -> links.add("Antecedent", endpointPath(a, ns), "Dependent", tcpEndpoint)));
    }
}
