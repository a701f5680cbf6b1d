package org.iscsismis.repository;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.iscsismis.cim.CimClass;
import org.iscsismis.cim.CimException;
import org.iscsismis.cim.CimInstance;
import org.iscsismis.cim.CimName;
import org.iscsismis.cim.CimNamespace;
import org.iscsismis.cim.CimProperty;
import org.iscsismis.cim.CimStatus;
import org.iscsismis.cim.CimValue;
import org.iscsismis.cim.KeyBinding;
import org.iscsismis.cim.ObjectPath;
import org.iscsismis.cim.PropertyLayout;

/** Validation of instances and instance paths against a resolved class. Stateless. */
final class InstanceRules {

    private InstanceRules() {
    }

    /**
     * The instance as stored: every property of the class in class order (absent ones take the
     * class default, which may be NULL), values converted to the declared types, no qualifiers,
     * no classOrigin (it is the class's, derived when a request asks for it: the dispatcher's
     * filter then writes the stored properties out without copying them), and the path built from
     * the keys in namespace {@code ns}. Its properties are laid out by {@code layout} (the class's: the instance keeps
     * only its values), NULLs shared.
     *
     * @throws CimException NO_SUCH_PROPERTY for a property the class lacks; TYPE_MISMATCH for a
     *                      value that does not fit; INVALID_PARAMETER for a missing or NULL key
     */
    static CimInstance normalize(CimInstance given, CimClass cls, PropertyLayout layout, CimNamespace ns) {
        for (CimProperty p : given.properties()) {
            if (cls.property(p.name()) == null) {
                throw new CimException(CimStatus.NO_SUCH_PROPERTY, "Class " + cls.name() + " has no property " + p.name());
            }
        }
        List<CimValue> values = new ArrayList<>(cls.properties().size());
        for (CimProperty cp : cls.properties()) {
            CimValue gv = given.value(cp.name());
            values.add(gv == null ? cp.value() : coerce(gv, cp, cls));
        }
        CimInstance inst = CimInstance.compact(cls.name(), layout, values);
        return inst.withPath(inst.pathFrom(cls, ns));
    }

    static CimProperty stored(CimProperty classProperty, CimValue value) {
        return new CimProperty(classProperty.name(), classProperty.type(), value, List.of(), null, false);
    }

    static CimValue coerce(CimValue value, CimProperty cp, CimClass cls) {
        return ValueCoercion.coerce(value, cp.type(), "property " + cp.name() + " of class " + cls.name(), CimStatus.TYPE_MISMATCH);
    }

    /**
     * The path the instance named by {@code path} is stored under: the class's spelling, the
     * keys in class order converted to their declared types, namespace {@code ns}, no host.
     *
     * @throws CimException INVALID_PARAMETER when the key set is not exactly the class's keys or a
     *                      key value does not fit its declared type
     */
    static ObjectPath normalizePath(ObjectPath path, CimClass cls, CimNamespace ns) {
        List<CimName> keyNames = cls.keyNames();
        Set<CimName> given = new HashSet<>();
        for (KeyBinding kb : path.keys()) {
            CimProperty cp = cls.property(kb.name());
            if (cp == null || !cp.isKey()) {
                throw new CimException(CimStatus.INVALID_PARAMETER, kb.name() + " in instance path " + path
                        + " is not a key property of class " + cls.name() + " (keys: " + keyNames + ")");
            }
            given.add(kb.name());
        }
        List<KeyBinding> keys = new ArrayList<>(keyNames.size());
        for (CimName k : keyNames) {
            CimValue v = path.key(k);
            if (v == null) {
                throw new CimException(CimStatus.INVALID_PARAMETER, "Instance path " + path + " lacks key property " + k
                        + " of class " + cls.name());
            }
            CimProperty cp = cls.property(k);
            CimValue typed = ValueCoercion.coerce(v, cp.type(), "key " + cp.name() + " of class " + cls.name(), CimStatus.INVALID_PARAMETER);
            keys.add(new KeyBinding(cp.name(), typed));
        }
        return ObjectPath.of(ns, cls.name(), keys);
    }

    /**
     * What an instance stored under {@code path} (normalized: see {@link #normalizePath}) is found by in its class's map.
     * Within one class's map, where namespace and class are the same for all, the canonical text of the keys is
     * identity; for a single string key that is the string itself, which the stored instance already holds (its
     * value object), so such a key costs nothing. A class's keys are all alike (same names and declared types), so the
     * two kinds of map key never meet in one map.
     */
    static String storeKey(ObjectPath path) {
        List<KeyBinding> keys = path.keys();
        if (keys.size() == 1 && keys.get(0).value().value() instanceof String s) {
            return s;
        }
        return path.canonical();
    }

    /**
     * Applies a ModifyInstance to a stored instance.
     *
     * @param propertyList null: every property present in {@code modified} (each must exist in the
     *                     class: NO_SUCH_PROPERTY); otherwise the named properties that exist in the
     *                     class (other names are ignored); a listed property absent from
     *                     {@code modified} is reset to the class default
     * @throws CimException INVALID_PARAMETER when a key would change; TYPE_MISMATCH
     */
    static CimInstance modify(CimInstance stored, CimInstance modified, List<CimName> propertyList, CimClass cls) {
        List<CimName> names = new ArrayList<>();
        if (propertyList == null) {
            for (CimProperty p : modified.properties()) {
                if (cls.property(p.name()) == null) {
                    throw new CimException(CimStatus.NO_SUCH_PROPERTY, "Class " + cls.name() + " has no property " + p.name());
                }
                names.add(p.name());
            }
        } else {
            for (CimName n : propertyList) {
                if (cls.property(n) != null) {
                    names.add(n);
                }
            }
        }
        CimInstance result = stored;
        for (CimName n : names) {
            CimProperty cp = cls.property(n);
            CimProperty mp = modified.property(n);
            CimValue v = mp == null ? cp.value() : coerce(mp.value(), cp, cls);
            result = withValue(result, cp, v, cls);
        }
        return result;
    }

    /** {@code stored} with property {@code cp} set to {@code value} (already typed); refuses a key change. */
    static CimInstance withValue(CimInstance stored, CimProperty cp, CimValue value, CimClass cls) {
        CimValue old = stored.value(cp.name());
        if (cp.isKey() && !value.equals(old)) {
            throw new CimException(CimStatus.INVALID_PARAMETER, "Key property " + cp.name() + " of " + stored.path()
                    + " cannot be modified (from " + old + " to " + value + ")");
        }
        if (value.equals(old)) {
            return stored;
        }
        return stored.withProperty(stored(cp, value));
    }
}
