package org.iscsismis.store;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.TreeMap;
import org.iscsismis.iscsi.provider.Masking;
import org.iscsismis.iscsi.target.MaskingModel;

/**
 * The masking state's parts as journal fields: a hardware ID by its four properties; a protocol controller by its
 * names, {@code hardwareIds} StorageIDs as {@code id.i}, and {@code units} mapped LUNs as {@code lun.i} (the
 * DeviceNumber), {@code disk.i} and {@code access.i} (by name).
 */
final class MaskingRecords {

    private MaskingRecords() {
    }

    static Fields write(Masking.HardwareId id) {
        return new Fields().put("instanceId", id.instanceId()).put("storageId", id.storageId()).put("idType", id.idType())
                .put("elementName", id.elementName());
    }

    static Masking.HardwareId readHardwareId(Fields f) {
        return new Masking.HardwareId(f.required("instanceId"), f.required("storageId"), (int) f.number("idType"),
                f.text("elementName"));
    }

    static Fields write(Masking.Controller c) {
        Fields f = new Fields().put("deviceId", c.deviceId()).put("node", c.nodeName()).put("elementName", c.elementName())
                .put("defaultView", c.defaultView()).put("hardwareIds", c.hardwareIds().size()).put("units", c.units().size());
        int i = 0;
        for (String storageId : c.hardwareIds()) {
            f.put("id." + i++, storageId);
        }
        i = 0;
        for (var e : c.units().entrySet()) {
            f.put("lun." + i, e.getKey()).put("disk." + i, e.getValue().diskId()).put("access." + i, e.getValue().access().name());
            i++;
        }
        return f;
    }

    static Masking.Controller readController(Fields f) {
        Set<String> ids = new LinkedHashSet<>();
        for (int i = 0; i < f.number("hardwareIds", 0); i++) {
            ids.add(f.required("id." + i));
        }
        TreeMap<Integer, Masking.Unit> units = new TreeMap<>();
        for (int i = 0; i < f.number("units", 0); i++) {
            units.put((int) f.number("lun." + i), new Masking.Unit(f.required("disk." + i),
                    MaskingModel.Access.valueOf(f.required("access." + i))));
        }
        return new Masking.Controller(f.required("deviceId"), f.required("node"), f.text("elementName"), f.flag("defaultView"),
                ids, units);
    }
}
