package org.iscsismis.interop;

import java.net.URI;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.iscsismis.cim.CimInstance;
import org.iscsismis.cim.CimName;
import org.iscsismis.cim.CimNamespace;
import org.iscsismis.cim.CimValue;
import org.iscsismis.cim.ObjectPath;

/**
 * The SMI-S Server profile's fixed part in the interop namespace: the computer system hosting the object manager,
 * the object manager, its CIM-XML access point and its software identity, with HostedService,
 * CommMechanismForManager and ElementSoftwareIdentity between them.
 *
 * <p>The hosting system is served here, in the interop namespace, so that the whole Server profile can be walked
 * without leaving it (as OpenPegasus does with its own system class). This server is embedded in the storage system
 * it manages, so that system carries the storage system's class and name; the object manager's propagated keys
 * (SystemCreationClassName, SystemName) thus name the same system as the Array profile's central instance.
 */
final class ServerElements {

    private final ServerIdentity identity;
    private final CimXmlAccess access;
    private final CimNamespace ns = InteropNames.NAMESPACE;

    ServerElements(ServerIdentity identity, CimXmlAccess access) {
        this.identity = identity;
        this.access = access;
    }

    // ------------------------------------------------------------------ paths

    ObjectPath systemPath() {
        return ObjectPath.builder(InteropNames.COMPUTER_SYSTEM).namespace(ns)
                .key("CreationClassName", InteropNames.COMPUTER_SYSTEM.toString())
                .key("Name", identity.systemName())
                .build();
    }

    ObjectPath objectManagerPath() {
        return hosted(InteropNames.OBJECT_MANAGER, identity.productName() + ":ObjectManager");
    }

    /** The access point for {@code scheme} ({@code http}: {@code PRODUCT:CIM-XML}; {@code https}: {@code PRODUCT:CIM-XML-HTTPS}). */
    ObjectPath mechanismPath(String scheme) {
        return hosted(InteropNames.CIMXML_MECHANISM, identity.productName() + ":CIM-XML"
                + (scheme.equalsIgnoreCase("http") ? "" : "-" + scheme.toUpperCase(java.util.Locale.ROOT)));
    }

    /** The access points by scheme, with their URLs (null when not known: one plain HTTP one without address). */
    private java.util.Map<String, URI> accessPoints() {
        java.util.Map<String, URI> out = new java.util.LinkedHashMap<>();
        access.accessPoints().get().forEach(url -> out.put(url.getScheme().toLowerCase(java.util.Locale.ROOT), url));
        if (out.isEmpty()) {
            out.put("http", null);
        }
        return out;
    }

    ObjectPath softwarePath() {
        return ObjectPath.builder(InteropNames.SOFTWARE_IDENTITY).namespace(ns)
                .key("InstanceID", identity.productName() + ":Software").build();
    }

    private ObjectPath hosted(CimName className, String name) {
        return ObjectPath.builder(className).namespace(ns)
                .key("SystemCreationClassName", InteropNames.COMPUTER_SYSTEM.toString())
                .key("SystemName", identity.systemName())
                .key("CreationClassName", className.toString())
                .key("Name", name)
                .build();
    }

    // ------------------------------------------------------------------ elements

    List<CimInstance> elements() {
        List<CimInstance> out = new ArrayList<>(List.of(system(), objectManager()));
        accessPoints().forEach((scheme, url) -> out.add(mechanism(scheme, url)));
        out.add(software());
        return out;
    }

    private CimInstance system() {
        ObjectPath p = systemPath();
        return CimInstance.builder(p.className()).path(p)
                .property("CreationClassName", InteropNames.COMPUTER_SYSTEM.toString())
                .property("Name", identity.systemName())
                .property("ElementName", identity.productName())
                .property("Description", "The storage system that hosts the " + identity.productName() + " object manager")
                .property("Dedicated", Values.uint16s(List.of(3, 15))) // Storage, Block Server
                .property("OperationalStatus", Values.STATUS_OK)
                .property("HealthState", Values.HEALTH_OK)
                .property("EnabledState", Values.ENABLED)
                .build();
    }

    private CimInstance objectManager() {
        ObjectPath p = objectManagerPath();
        return keysOf(CimInstance.builder(p.className()).path(p), p)
                .property("ElementName", identity.productName())
                .property("Description", identity.productName() + " " + identity.version()
                        + ": a WBEM server (CIM-XML over HTTP) for an iSCSI target with SMI-S replication")
                .property("Started", CimValue.ofBoolean(true))
                .property("EnabledState", Values.ENABLED)
                .property("EnabledDefault", CimValue.ofUint16(2))
                .property("OperationalStatus", Values.STATUS_OK)
                .property("HealthState", Values.HEALTH_OK)
                .property("GatherStatisticalData", CimValue.ofBoolean(false))
                .build();
    }

    private CimInstance mechanism(String scheme, URI url) {
        ObjectPath p = mechanismPath(scheme);
        boolean tls = scheme.equals("https");
        List<FunctionalProfile> profiles = new ArrayList<>(access.functionalProfiles());
        profiles.sort(Comparator.comparingInt(FunctionalProfile::code));
        boolean basic = access.basicAuthentication();
        CimInstance.Builder b = keysOf(CimInstance.builder(p.className()).path(p), p)
                .property("ElementName", tls ? "CIM-XML over HTTPS" : "CIM-XML over HTTP")
                .property("CommunicationMechanism", CimValue.ofUint16(2)) // CIM-XML
                .property("FunctionalProfilesSupported", Values.uint16s(profiles.stream().map(FunctionalProfile::code).toList()))
                .property("FunctionalProfileDescriptions", CimValue.ofStrings(profiles.stream().map(FunctionalProfile::label).toList()))
                .property("MultipleOperationsSupported", CimValue.ofBoolean(false)) // MULTIREQ is refused
                .property("AuthenticationMechanismsSupported", Values.uint16s(List.of(basic ? 3 : 2)))
                .property("AuthenticationMechanismDescriptions", CimValue.ofStrings(List.of(basic ? "Basic" : "None")))
                .property("Version", "1.0")
                .property("CIMXMLProtocolVersion", CimValue.ofUint16(1)) // 1.0
                .property("CIMValidated", CimValue.ofBoolean(false))
                .property("AdvertiseTypes", Values.NOT_ADVERTISED)
                .property("AdvertiseTypeDescriptions", CimValue.ofStrings(List.of("Not Advertised")))
                .property("EnabledState", Values.ENABLED)
                .property("OperationalStatus", Values.STATUS_OK)
                .property("HealthState", Values.HEALTH_OK);
        if (url != null) {
            b.property("Description", "CIM-XML operations (DSP0200) at " + url.resolve("/cimom")
                    + (tls ? ", TLS 1.2 or 1.3" : ""));
        }
        if (access.functionalProfiles().contains(FunctionalProfile.PULLED_READ)) {
            // contexts are bounded and expire; an error ends the enumeration; OperationTimeout 0 is refused
            b.property("PulledEnumerationClosureOnExceedingServerLimitsSupported", CimValue.ofBoolean(true))
                    .property("PulledEnumerationContinuationOnErrorSupported", CimValue.ofBoolean(false))
                    .property("PulledEnumerationNoOperationTimeoutSupported", CimValue.ofBoolean(false))
                    .property("PulledEnumerationMinimumOperationTimeout", CimValue.ofUint32(1))
                    .property("PulledEnumerationMaximumOperationTimeout", CimValue.ofUint32(access.pullMaxTimeoutSeconds()));
        }
        return b.build();
    }

    private CimInstance software() {
        ObjectPath p = softwarePath();
        return CimInstance.builder(p.className()).path(p)
                .property("InstanceID", p.key("InstanceID"))
                .property("Name", identity.productName())
                .property("ElementName", identity.productName() + " " + identity.version())
                .property("VersionString", identity.version())
                .property("MajorVersion", CimValue.ofUint16(identity.versionPart(0)))
                .property("MinorVersion", CimValue.ofUint16(identity.versionPart(1)))
                .property("RevisionNumber", CimValue.ofUint16(identity.versionPart(2)))
                .property("Manufacturer", identity.manufacturer())
                .property("Classifications", Values.uint16s(List.of(9))) // Middleware
                .build();
    }

    private static CimInstance.Builder keysOf(CimInstance.Builder b, ObjectPath p) {
        p.keys().forEach(k -> b.property(k.name().toString(), k.value()));
        return b;
    }

    // ------------------------------------------------------------------ associations

    /** @param hostedServices further services hosted by the system (HostedService, like the object manager) */
    List<CimInstance> associations(List<ObjectPath> hostedServices) {
        List<CimInstance> out = new ArrayList<>();
        out.add(association(InteropNames.HOSTED_SERVICE, systemPath(), objectManagerPath()));
        accessPoints().keySet().forEach(scheme -> out.add(association(InteropNames.COMM_MECHANISM_FOR_MANAGER,
                objectManagerPath(), mechanismPath(scheme))));
        out.add(
                Values.link(InteropNames.ELEMENT_SOFTWARE_IDENTITY, ns, "Antecedent", softwarePath(), "Dependent", objectManagerPath())
                        .property("UpgradeCondition", CimValue.ofUint16(3)) // Owner Upgradeable
                        .build());
        hostedServices.forEach(service -> out.add(association(InteropNames.HOSTED_SERVICE, systemPath(), service)));
        return out;
    }

    static CimInstance association(CimName className, ObjectPath antecedent, ObjectPath dependent) {
        return Values.link(className, InteropNames.NAMESPACE, "Antecedent", antecedent, "Dependent", dependent).build();
    }
}
