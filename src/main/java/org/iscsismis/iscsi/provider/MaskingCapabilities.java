package org.iscsismis.iscsi.provider;

import java.util.List;

import org.iscsismis.cim.CimInstance;
import org.iscsismis.cim.CimName;
import org.iscsismis.cim.CimNamespace;
import org.iscsismis.cim.CimType;
import org.iscsismis.cim.CimValue;
import org.iscsismis.cim.ObjectPath;

/**
 * The fixed instances that describe masking (Static classes in Microsoft's MOF, one instance each):
 * {@code MSISCSITARGET_ProtocolControllerMaskingCapabilities} with Microsoft's defaults and what this target adds
 * (iSCSI names only, ExposePaths supported, no CreateProtocolControllerWithPorts), and
 * {@code MSISCSITARGET_StorageClientSettingData} "Standard", the setting every hardware ID has.
 */
final class MaskingCapabilities {

    static final CimName CAPABILITIES = CimName.of("MSISCSITARGET_ProtocolControllerMaskingCapabilities");
    static final CimName CLIENT_SETTING = CimName.of("MSISCSITARGET_StorageClientSettingData");
    /** StorageClientSettingData.ClientTypes 2: Standard. */
    private static final int STANDARD = 2;

    private MaskingCapabilities() {
    }

    static ObjectPath capabilitiesPath(CimNamespace ns) {
        return ObjectPath.builder(CAPABILITIES).namespace(ns)
                .key("InstanceID", StorageElements.SYSTEM_NAME + ":ProtocolControllerMaskingCapabilities").build();
    }

    static ObjectPath clientSettingPath(CimNamespace ns) {
        return ObjectPath.builder(CLIENT_SETTING).namespace(ns)
                .key("InstanceID", StorageElements.SYSTEM_NAME + ":StorageClientSettingData:Standard").build();
    }

    static List<CimInstance> capabilities(CimNamespace ns) {
        ObjectPath path = capabilitiesPath(ns);
        return List.of(CimInstance.builder(CAPABILITIES).path(path)
                .property("InstanceID", StorageElements.text(path, "InstanceID"))
                .property("ElementName", "Masking and mapping capabilities")
                .property("ValidHardwareIdTypes", CimValue.of(CimType.UINT16.asArray(), List.of(HardwareIdService.ISCSI_NAME)))
                .property("PortsPerView", CimValue.ofUint16(2)) // One Port per View: each node its own port
                .property("ClientSelectableDeviceNumbers", CimValue.ofBoolean(true))
                .property("AttachDeviceSupported", CimValue.ofBoolean(false))
                .property("OneHardwareIDPerView", CimValue.ofBoolean(false))
                .property("UniqueUnitNumbersPerPort", CimValue.ofBoolean(false))
                .property("PrivilegeDeniedSupported", CimValue.ofBoolean(false))
                .property("ProtocolControllerRequiresAuthorizedIdentity", CimValue.ofBoolean(false))
                .property("ProtocolControllerSupportsCollections", CimValue.ofBoolean(false))
                .property("ExposePathsSupported", CimValue.ofBoolean(true))
                .property("CreateProtocolControllerSupported", CimValue.ofBoolean(false))
                .property("MaximumMapCount", CimValue.ofUint16(0))
                .property("SPCAllowsNoLUs", CimValue.ofBoolean(false))
                .property("SPCAllowsNoTargets", CimValue.ofBoolean(false))
                .property("SPCAllowsNoInitiators", CimValue.ofBoolean(false))
                .property("SPCSupportsDefaultViews", CimValue.ofBoolean(true))
                .build());
    }

    static List<CimInstance> clientSettings(CimNamespace ns) {
        ObjectPath path = clientSettingPath(ns);
        return List.of(CimInstance.builder(CLIENT_SETTING).path(path)
                .property("InstanceID", StorageElements.text(path, "InstanceID"))
                .property("ElementName", "Standard")
                .property("ClientTypes", CimValue.of(CimType.UINT16.asArray(), List.of(STANDARD)))
                .build());
    }
}
