package org.iscsismis.dispatch;

import java.util.ArrayList;
import java.util.List;
import org.iscsismis.cim.CimClass;
import org.iscsismis.cim.CimException;
import org.iscsismis.cim.CimName;
import org.iscsismis.cim.CimNamespace;
import org.iscsismis.cim.CimProperty;
import org.iscsismis.cim.CimStatus;
import org.iscsismis.cim.CimValue;
import org.iscsismis.cim.KeyBinding;
import org.iscsismis.cim.ObjectPath;
import org.iscsismis.repository.ValueCoercion;

/** Instance paths as providers receive them. Stateless. */
final class Paths {

    private Paths() {
    }

    /**
     * {@code path} with exactly the keys of {@code cls}, in class order, converted to their declared
     * types, the class's spelling, namespace {@code ns} and no host.
     *
     * @throws CimException INVALID_PARAMETER for a missing, extra or mistyped key
     */
    static ObjectPath normalize(ObjectPath path, CimClass cls, CimNamespace ns) {
        List<CimName> keyNames = cls.keyNames();
        for (KeyBinding kb : path.keys()) {
            CimProperty cp = cls.property(kb.name());
            if (cp == null || !cp.isKey()) {
                throw new CimException(CimStatus.INVALID_PARAMETER, kb.name() + " in instance path " + path
                        + " is not a key property of class " + cls.name() + " (keys: " + keyNames + ")");
            }
        }
        List<KeyBinding> keys = new ArrayList<>(keyNames.size());
        for (CimName k : keyNames) {
            CimValue v = path.key(k);
            if (v == null) {
                throw new CimException(CimStatus.INVALID_PARAMETER, "Instance path " + path + " lacks key property " + k
                        + " of class " + cls.name());
            }
            CimProperty cp = cls.property(k);
            keys.add(new KeyBinding(cp.name(), ValueCoercion.coerce(v, cp.type(), "key " + cp.name() + " of class " + cls.name(),
                    CimStatus.INVALID_PARAMETER)));
        }
        return ObjectPath.of(ns, cls.name(), keys);
    }

    /** {@code path} with namespace {@code ns} if it has none. */
    static ObjectPath inNamespace(ObjectPath path, CimNamespace ns) {
        return path.namespace() == null ? path.withNamespace(ns) : path;
    }
}
