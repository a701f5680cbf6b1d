package org.iscsismis.interop;

import java.util.List;
import org.iscsismis.cim.CimInstance;
import org.iscsismis.cim.CimName;
import org.iscsismis.cim.CimNamespace;
import org.iscsismis.cim.CimType;
import org.iscsismis.cim.CimValue;
import org.iscsismis.cim.KeyBinding;
import org.iscsismis.cim.ObjectPath;

/** Small value helpers shared by the interop element builders. */
final class Values {

    /** OperationalStatus {2 OK}. */
    static final CimValue STATUS_OK = uint16s(List.of(2));
    /** HealthState 5 OK. */
    static final CimValue HEALTH_OK = CimValue.ofUint16(5);
    /** EnabledState 2 Enabled. */
    static final CimValue ENABLED = CimValue.ofUint16(2);
    /** AdvertiseTypes {2 Not Advertised}: this server does not announce itself over SLP. */
    static final CimValue NOT_ADVERTISED = uint16s(List.of(2));

    private Values() {
    }

    static CimValue uint16s(List<Integer> codes) {
        return CimValue.of(CimType.UINT16.asArray(), codes);
    }

    static CimValue ref(ObjectPath path) {
        return CimValue.ofReference(path);
    }

    /** An association instance of two key references, with its path in {@code ns}. */
    static CimInstance.Builder link(CimName className, CimNamespace ns, String role1, ObjectPath end1, String role2, ObjectPath end2) {
        ObjectPath path = ObjectPath.builder(className).namespace(ns).key(role1, ref(end1)).key(role2, ref(end2)).build();
        return CimInstance.builder(className).path(path).property(role1, ref(end1)).property(role2, ref(end2));
    }
}
