package org.iscsismis.iscsi.provider;

import java.util.ArrayList;
import java.util.List;

import org.iscsismis.cim.CimInstance;
import org.iscsismis.cim.CimName;
import org.iscsismis.cim.CimNamespace;
import org.iscsismis.cim.CimType;
import org.iscsismis.cim.CimValue;
import org.iscsismis.cim.ObjectPath;
import org.iscsismis.iscsi.target.session.Session;
import org.iscsismis.provider.ProviderContext;

/**
 * The target side of iSCSI as endpoints (SMI-S iSCSI Target Ports), computed from {@link Masking} and the running
 * portal: one {@code MSISCSITARGET_iSCSIProtocolEndpoint} per target node (ConnectionType 7 iSCSI, Role 3 Target,
 * Identifier the portal group tag 1 as twelve hex digits, Name {@code <node>,t,0x1}), bound to the one
 * {@code MSISCSITARGET_TCPProtocolEndpoint} of the portal (PortNumber its port); and how they link:
 * <pre>
 * system ─HostedAccessPoint─▶ each endpoint
 * iSCSIProtocolEndpoint ─SAPAvailableForElement─▶ its SCSIProtocolController
 * TCPProtocolEndpoint ─BindsTo─▶ each iSCSIProtocolEndpoint
 * each IP endpoint of {@link NetworkPorts} ─BindsTo─▶ TCPProtocolEndpoint
 * iSCSIProtocolEndpoint ─EndpointOfNetworkPipe─▶ each session logged in to its node
 * </pre>
 * Without a running portal (iSCSI disabled) there are no endpoints.
 */
final class IscsiPorts {

    static final CimName ISCSI_ENDPOINT = CimName.of("MSISCSITARGET_iSCSIProtocolEndpoint");
    static final CimName TCP_ENDPOINT = CimName.of("MSISCSITARGET_TCPProtocolEndpoint");
    static final CimName HOSTED_ACCESS_POINT = CimName.of("MSISCSITARGET_HostedAccessPoint");
    static final CimName SAP_AVAILABLE = CimName.of("MSISCSITARGET_SAPAvailableForElement");
    static final CimName BINDS_TO = CimName.of("MSISCSITARGET_BindsTo");
    static final CimName ENDPOINT_OF_PIPE = CimName.of("MSISCSITARGET_EndpointOfNetworkPipe");

    /** The portal group tag every node answers with (the portal has one group). */
    private static final String TPGT = "000000000001";

    private IscsiPorts() {
    }

    private static ObjectPath sap(CimName cls, String name, CimNamespace ns) {
        return ObjectPath.builder(cls).namespace(ns)
                .key("CreationClassName", cls.toString())
                .key("Name", name)
                .key("SystemCreationClassName", StorageElements.SYSTEM_CREATION_CLASS_NAME)
                .key("SystemName", StorageElements.SYSTEM_NAME)
                .build();
    }

    static ObjectPath iscsiEndpointPath(String nodeName, CimNamespace ns) {
        return sap(ISCSI_ENDPOINT, nodeName + ",t,0x1", ns);
    }

    static ObjectPath tcpEndpointPath(Masking masking, CimNamespace ns) {
        return sap(TCP_ENDPOINT, masking.portal(), ns);
    }

    private static CimInstance.Builder common(CimName cls, ObjectPath path) {
        CimInstance.Builder b = CimInstance.builder(cls).path(path);
        path.keys().forEach(k -> b.property(k.name().toString(), k.value()));
        return b.property("OperationalStatus", CimValue.of(CimType.UINT16.asArray(), List.of(2)))
                .property("HealthState", CimValue.ofUint16(5))
                .property("EnabledState", CimValue.ofUint16(2))
                .property("RequestedState", CimValue.ofUint16(12));
    }

    static List<CimInstance> iscsiEndpoints(Masking masking, CimNamespace ns) {
        if (masking.portal() == null) {
            return List.of();
        }
        List<CimInstance> out = new ArrayList<>();
        for (Masking.Controller c : masking.state().controllers().values()) {
            out.add(common(ISCSI_ENDPOINT, iscsiEndpointPath(c.nodeName(), ns))
                    .property("ElementName", c.nodeName())
                    .property("ConnectionType", CimValue.ofUint16(7)) // iSCSI
                    .property("Identifier", TPGT)
                    .property("Role", CimValue.ofUint16(3)) // Target
                    .property("ProtocolIFType", CimValue.ofUint16(1)) // Other
                    .property("OtherTypeDescription", "iSCSI")
                    .build());
        }
        return out;
    }

    static List<CimInstance> tcpEndpoints(Masking masking, CimNamespace ns) {
        String portal = masking.portal();
        if (portal == null) {
            return List.of();
        }
        return List.of(common(TCP_ENDPOINT, tcpEndpointPath(masking, ns))
                .property("ElementName", "iSCSI portal " + portal)
                .property("PortNumber", CimValue.ofUint32(Long.parseLong(portal.substring(portal.lastIndexOf(':') + 1))))
                .property("ProtocolIFType", CimValue.ofUint16(4111)) // TCP
                .build());
    }

    static List<CimInstance> hostedAccessPoints(Masking masking, ProviderContext context) {
        CimNamespace ns = context.namespace();
        ModelAssociations.Links links = new ModelAssociations.Links(context, HOSTED_ACCESS_POINT);
        if (masking.portal() != null) {
            links.add("Antecedent", SystemElements.systemPath(ns), "Dependent", tcpEndpointPath(masking, ns));
            for (Masking.Controller c : masking.state().controllers().values()) {
                links.add("Antecedent", SystemElements.systemPath(ns), "Dependent", iscsiEndpointPath(c.nodeName(), ns));
            }
        }
        return links.list();
    }

    static List<CimInstance> sapAvailable(Masking masking, ProviderContext context) {
        CimNamespace ns = context.namespace();
        ModelAssociations.Links links = new ModelAssociations.Links(context, SAP_AVAILABLE);
        if (masking.portal() != null) {
            for (Masking.Controller c : masking.state().controllers().values()) {
                links.add("AvailableSAP", iscsiEndpointPath(c.nodeName(), ns), "ManagedElement", ProtocolControllers.path(c.deviceId(), ns));
            }
        }
        return links.list();
    }

    static List<CimInstance> bindsTo(Masking masking, ProviderContext context) {
        CimNamespace ns = context.namespace();
        ModelAssociations.Links links = new ModelAssociations.Links(context, BINDS_TO);
        if (masking.portal() != null) {
            for (Masking.Controller c : masking.state().controllers().values()) {
                links.add("Antecedent", tcpEndpointPath(masking, ns), "Dependent", iscsiEndpointPath(c.nodeName(), ns));
            }
            NetworkPorts.bindTcp(NetworkPorts.under(masking.portal()), tcpEndpointPath(masking, ns), links);
        }
        return links.list();
    }

    static List<CimInstance> endpointsOfSessions(Masking masking, ProviderContext context) {
        CimNamespace ns = context.namespace();
        ModelAssociations.Links links = new ModelAssociations.Links(context, ENDPOINT_OF_PIPE);
        for (Session s : masking.sessions()) {
            if (!s.isDiscovery()) {
                links.add("Antecedent", iscsiEndpointPath(s.identity().targetName(), ns), "Dependent", IscsiSessions.sessionPath(s, ns));
            }
        }
        return links.list();
    }
}
