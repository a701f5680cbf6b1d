package org.iscsismis.iscsi.provider;

import java.util.List;

import org.iscsismis.cim.CimInstance;
import org.iscsismis.cim.CimName;
import org.iscsismis.cim.CimNamespace;
import org.iscsismis.cim.CimValue;
import org.iscsismis.cim.ObjectPath;
import org.iscsismis.iscsi.target.TargetNames;
import org.iscsismis.provider.MethodResult;
import org.iscsismis.provider.ProviderContext;

/**
 * {@code MSISCSITARGET_StorageHardwareIDManagementService}: CreateStorageHardwareID (IDType 5 iSCSI Name in the IQN,
 * EUI or NAA format; 4096 ID already created, 4097 another IDType) and DeleteStorageHardwareID (4096 no such
 * instance; 4 Failed while a protocol controller still admits it: hide it first). Collections and gateway path IDs
 * answer 1 (Not Supported). Also serves the {@code MSISCSITARGET_StorageHardwareID} instances, read-only.
 */
final class HardwareIdService extends ServiceProvider {

    static final CimName CLASS = CimName.of("MSISCSITARGET_StorageHardwareIDManagementService");
    static final CimName HARDWARE_ID = CimName.of("MSISCSITARGET_StorageHardwareID");
    static final String NAME = "StorageHardwareIDManagementService";
    /** StorageHardwareID.IDType 5 "iSCSI Name": the one this target can enforce, since logins carry it. */
    static final int ISCSI_NAME = 5;

    private final Masking masking;

    HardwareIdService(Masking masking) {
        super(CLASS, "Storage hardware ID management", "Initiator iSCSI names that masking can authorize");
        this.masking = masking;
    }

    static ObjectPath servicePath(CimNamespace ns) {
        return SystemElements.servicePath(CLASS, NAME, ns);
    }

    @Override
    ObjectPath path(CimNamespace ns) {
        return servicePath(ns);
    }

    static ObjectPath hardwareIdPath(String instanceId, CimNamespace ns) {
        return ObjectPath.builder(HARDWARE_ID).namespace(ns).key("InstanceID", instanceId).build();
    }

    static CimInstance hardwareId(Masking.HardwareId id, boolean authenticated, CimNamespace ns) {
        return CimInstance.builder(HARDWARE_ID).path(hardwareIdPath(id.instanceId(), ns))
                .property("InstanceID", id.instanceId())
                .property("ElementName", id.elementName() != null ? id.elementName() : id.storageId())
                .property("StorageID", id.storageId())
                .property("IDType", CimValue.ofUint16(id.idType()))
                .property("CurrentlyAuthenticated", CimValue.ofBoolean(authenticated))
                .build();
    }

    @Override
    MethodResult call(ProviderContext context, ObjectPath service, CimName method, CallArguments args) {
        if (method.equals(CimName.of("CreateStorageHardwareID"))) {
            return create(args);
        }
        if (method.equals(CimName.of("DeleteStorageHardwareID"))) {
            return delete(args);
        }
        return null;
    }

    private MethodResult create(CallArguments args) {
        String storageId = args.string("StorageID");
        Integer idType = args.uint16("IDType");
        if (storageId == null || storageId.isBlank() || idType == null) {
            throw MethodRefusal.invalid("StorageID and IDType are required");
        }
        if (idType != ISCSI_NAME) {
            throw MethodRefusal.code(4097, "IDType " + idType + " is not supported: this target authorizes iSCSI names (5)");
        }
        try {
            TargetNames.check(storageId);
        } catch (IllegalArgumentException e) {
            throw MethodRefusal.invalid("StorageID: " + e.getMessage());
        }
        args.unsupported("Setting", "a hardware ID has the standard client type; no other StorageClientSettingData exists");
        String elementName = args.string("ElementName");
        Masking.HardwareId created = masking.change(e -> {
            if (e.byStorageId(storageId) != null) {
                throw MethodRefusal.code(4096, storageId + " already has a hardware ID");
            }
            Masking.HardwareId id = new Masking.HardwareId(Masking.hardwareInstanceId(idType, storageId), storageId, idType, elementName);
            e.hardwareIds.put(id.instanceId(), id);
            return id;
        });
        return ReturnCode.COMPLETED.result().with("HardwareID", CimValue.ofReference(hardwareIdPath(created.instanceId(), args.namespace())));
    }

    private MethodResult delete(CallArguments args) {
        ObjectPath path = args.reference("HardwareID");
        if (path == null) {
            throw MethodRefusal.invalid("HardwareID is required");
        }
        String instanceId = StorageElements.text(path, "InstanceID");
        masking.change(e -> {
            Masking.HardwareId id = instanceId == null || !path.className().equals(HARDWARE_ID) ? null : e.hardwareIds.get(instanceId);
            if (id == null) {
                throw MethodRefusal.code(4096, "no hardware ID " + path);
            }
            List<String> using = e.controllers.values().stream().filter(c -> c.hardwareIds().contains(id.storageId()))
                    .map(Masking.Controller::deviceId).toList();
            if (!using.isEmpty()) {
                throw new MethodRefusal(ReturnCode.FAILED, id.storageId() + " is still authorized on " + using + ": hide it first");
            }
            e.hardwareIds.remove(instanceId);
            return null;
        });
        return ReturnCode.COMPLETED.result();
    }

    /** The hardware ID instances: CurrentlyAuthenticated while the initiator has a normal session logged in. */
    static List<CimInstance> hardwareIds(Masking masking, CimNamespace ns) {
        List<String> loggedIn = masking.sessions().stream().filter(s -> !s.isDiscovery()).map(s -> s.identity().initiatorName()).toList();
        return masking.state().hardwareIds().values().stream()
                .map(id -> hardwareId(id, loggedIn.contains(id.storageId()), ns)).toList();
    }
}
