package org.iscsismis.iscsi.provider;

import java.util.List;

import org.iscsismis.cim.CimInstance;
import org.iscsismis.cim.CimName;
import org.iscsismis.cim.CimNamespace;
import org.iscsismis.cim.CimType;
import org.iscsismis.cim.CimValue;
import org.iscsismis.cim.ObjectPath;

/**
 * {@code MSISCSITARGET_SCSIProtocolController}: one per iSCSI target node (the masking "view"), keyed by the system
 * and a DeviceID {@code spc-N}; its Name is the node's iSCSI name (NameFormat 3 iSCSI Name).
 */
final class ProtocolControllers {

    static final CimName CLASS = CimName.of("MSISCSITARGET_SCSIProtocolController");
    /** The type of a ProtocolControllers OUT parameter: REF CIM_SCSIProtocolController[]. */
    static final CimType REF_ARRAY = CimType.reference(CimName.of("CIM_SCSIProtocolController")).asArray();
    /** NameFormat 3: iSCSI Name. */
    private static final int ISCSI_NAME_FORMAT = 3;

    private ProtocolControllers() {
    }

    static ObjectPath path(String deviceId, CimNamespace ns) {
        return ObjectPath.builder(CLASS).namespace(ns)
                .key("CreationClassName", CLASS.toString())
                .key("DeviceID", deviceId)
                .key("SystemCreationClassName", StorageElements.SYSTEM_CREATION_CLASS_NAME)
                .key("SystemName", StorageElements.SYSTEM_NAME)
                .build();
    }

    /** The DeviceID a path names if it is one of our controllers' paths, else null. */
    static String deviceId(ObjectPath path) {
        if (path == null || !CLASS.equals(path.className())
                || !StorageElements.SYSTEM_NAME.equals(StorageElements.text(path, "SystemName"))) {
            return null;
        }
        return StorageElements.text(path, "DeviceID");
    }

    static CimInstance instance(Masking.Controller c, CimNamespace ns) {
        return CimInstance.builder(CLASS).path(path(c.deviceId(), ns))
                .property("CreationClassName", CLASS.toString())
                .property("DeviceID", c.deviceId())
                .property("SystemCreationClassName", StorageElements.SYSTEM_CREATION_CLASS_NAME)
                .property("SystemName", StorageElements.SYSTEM_NAME)
                .property("ElementName", c.elementName())
                .property("Name", c.nodeName())
                .property("NameFormat", CimValue.ofUint16(ISCSI_NAME_FORMAT))
                .property("Description", c.defaultView() ? "the default view: every volume to every initiator"
                        : "iSCSI target node for " + c.hardwareIds())
                .property("MaxUnitsControlled", CimValue.ofUint32(256))
                .property("OperationalStatus", CimValue.of(CimType.UINT16.asArray(), List.of(2)))
                .property("HealthState", CimValue.ofUint16(5))
                .property("EnabledState", CimValue.ofUint16(2))
                .property("RequestedState", CimValue.ofUint16(12))
                .property("EnabledDefault", CimValue.ofUint16(2))
                .build();
    }

    static List<CimInstance> all(Masking masking, CimNamespace ns) {
        return masking.state().controllers().values().stream().map(c -> instance(c, ns)).toList();
    }
}
