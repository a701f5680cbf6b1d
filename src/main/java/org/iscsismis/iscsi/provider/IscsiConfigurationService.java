package org.iscsismis.iscsi.provider;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeMap;

import org.iscsismis.cim.CimInstance;
import org.iscsismis.cim.CimName;
import org.iscsismis.cim.CimNamespace;
import org.iscsismis.cim.CimType;
import org.iscsismis.cim.CimValue;
import org.iscsismis.cim.ObjectPath;
import org.iscsismis.provider.MethodResult;
import org.iscsismis.provider.ProviderContext;

/**
 * {@code MSISCSITARGET_iSCSIConfigurationService}: CreateiSCSINode makes a target node live — a protocol controller
 * with no LUs and no initiators yet, its ElementName the Alias (at most 128 characters; 4097 when another node has
 * it), to be filled with ExposePaths; DeleteiSCSINode removes one (4096 no such node; 4097 while sessions are logged
 * in to it). Protocol endpoints are not created or bound by hand (one per node, from the portal): those methods answer
 * 1. Also the two iSCSI capabilities instances it and the endpoints point at.
 */
final class IscsiConfigurationService extends ServiceProvider {

    static final CimName CLASS = CimName.of("MSISCSITARGET_iSCSIConfigurationService");
    static final CimName CONFIGURATION_CAPABILITIES = CimName.of("MSISCSITARGET_iSCSIConfigurationCapabilities");
    static final CimName ISCSI_CAPABILITIES = CimName.of("MSISCSITARGET_iSCSICapabilities");
    static final String NAME = "iSCSIConfigurationService";
    private static final int MAX_ALIAS = 128;

    private final Masking masking;

    IscsiConfigurationService(Masking masking) {
        super(CLASS, "iSCSI configuration", "Creates and deletes iSCSI target nodes");
        this.masking = masking;
    }

    static ObjectPath servicePath(CimNamespace ns) {
        return SystemElements.servicePath(CLASS, NAME, ns);
    }

    @Override
    ObjectPath path(CimNamespace ns) {
        return servicePath(ns);
    }

    @Override
    MethodResult call(ProviderContext context, ObjectPath service, CimName method, CallArguments args) {
        return switch (method.toString().toLowerCase(Locale.ROOT)) {
            case "createiscsinode" -> create(args);
            case "deleteiscsinode" -> delete(args);
            default -> null;
        };
    }

    private MethodResult create(CallArguments args) {
        String alias = args.string("Alias");
        if (alias == null || alias.isBlank() || alias.length() > MAX_ALIAS) {
            throw MethodRefusal.invalid("Alias is required, at most " + MAX_ALIAS + " characters");
        }
        String deviceId = masking.change(e -> {
            if (e.controllers.values().stream().anyMatch(c -> c.elementName().equals(alias))) {
                throw MethodRefusal.code(4097, "another node has the alias " + alias);
            }
            String id = e.newControllerId();
            e.controllers.put(id, new Masking.Controller(id, masking.nodeName(id), alias, false, Set.of(), new TreeMap<>()));
            return id;
        });
        return ReturnCode.COMPLETED.result().with("iSCSINode",
                CimValue.ofReference(ProtocolControllers.path(deviceId, args.namespace())));
    }

    private MethodResult delete(CallArguments args) {
        String deviceId = ProtocolControllers.deviceId(args.reference("iSCSINode"));
        masking.change(e -> {
            Masking.Controller c = deviceId == null ? null : e.controllers.get(deviceId);
            if (c == null) {
                throw MethodRefusal.code(4096, "no iSCSI node " + args.reference("iSCSINode"));
            }
            long sessions = masking.sessions().stream().filter(s -> c.nodeName().equals(s.identity().targetName())).count();
            if (sessions > 0) {
                throw MethodRefusal.code(4097, sessions + " session(s) logged in to " + c.nodeName());
            }
            e.controllers.remove(deviceId);
            return null;
        });
        return ReturnCode.COMPLETED.result();
    }

    static ObjectPath configurationCapabilitiesPath(CimNamespace ns) {
        return ObjectPath.builder(CONFIGURATION_CAPABILITIES).namespace(ns)
                .key("InstanceID", StorageElements.SYSTEM_NAME + ":iSCSIConfigurationCapabilities").build();
    }

    static ObjectPath iscsiCapabilitiesPath(CimNamespace ns) {
        return ObjectPath.builder(ISCSI_CAPABILITIES).namespace(ns)
                .key("InstanceID", StorageElements.SYSTEM_NAME + ":iSCSICapabilities").build();
    }

    static List<CimInstance> configurationCapabilities(CimNamespace ns) {
        ObjectPath path = configurationCapabilitiesPath(ns);
        return List.of(CimInstance.builder(CONFIGURATION_CAPABILITIES).path(path)
                .property("InstanceID", StorageElements.text(path, "InstanceID"))
                .property("ElementName", "iSCSI configuration capabilities")
                .property("iSCSINodeCreationSupported", CimValue.ofBoolean(true))
                .property("iSCSIProtocolEndpointCreationSupported", CimValue.ofBoolean(false))
                .property("IdentifierSelectionSupported", CimValue.ofBoolean(false))
                .build());
    }

    /** RFC 7143 is iSCSI version 0; AuthMethod None (2) only until CHAP lands. */
    static List<CimInstance> iscsiCapabilities(CimNamespace ns) {
        ObjectPath path = iscsiCapabilitiesPath(ns);
        return List.of(CimInstance.builder(ISCSI_CAPABILITIES).path(path)
                .property("InstanceID", StorageElements.text(path, "InstanceID"))
                .property("ElementName", "iSCSI capabilities")
                .property("MinimumSpecificationVersionSupported", CimValue.ofUint8(0))
                .property("MaximumSpecificationVersionSupported", CimValue.ofUint8(0))
                .property("AuthenticationMethodsSupported", CimValue.of(CimType.UINT16.asArray(), List.of(2)))
                .build());
    }
}
