package org.iscsismis.console;

import java.math.BigInteger;
import java.util.List;
import org.iscsismis.cim.CimClass;
import org.iscsismis.cim.CimInstance;
import org.iscsismis.cim.CimNamespace;
import org.iscsismis.cim.CimProperty;
import org.iscsismis.cim.CimValue;
import org.iscsismis.cim.KeyBinding;
import org.iscsismis.cim.ObjectPath;

/**
 * One CIM instance as the console page reads it:
 * <pre>{@code
 * {"id": "<canonical path>", "path": "<path text>", "via": "<id of the association's source, if any>",
 *  "class": "MSISCSITARGET_StorageSynchronized",
 *  "p": {"CopyState": 4, "SystemElement": {"id": "...", "path": "...", "label": "disk-1"}, ...},
 *  "t": {"CopyState": "Synchronized", "OperationalStatus": ["OK"]}}
 * }</pre>
 * {@code p} holds every property as JSON (integers beyond 2^53 as strings, datetimes as their DSP0004 text,
 * references as their canonical path and a short label); {@code t} the names the class's {@code ValueMap}/
 * {@code Values} give integer properties. Paths are written with their namespace and without host, so that a
 * reference and the path of the instance it names have the same {@code id}.
 */
final class InstanceJson {

    /** Keys whose value makes a good short label for a reference, in order of preference. */
    private static final List<String> LABEL_KEYS = List.of("DeviceID", "Name", "InstanceID");

    private InstanceJson() {
    }

    /**
     * @param declaration the instance's class as GetClass answers it with qualifiers (for value names), or null
     * @param namespace   the namespace the instance was read from (for paths given without one)
     * @param via         the {@code id} of the instance this one was reached from (an association's source), or null
     */
    static void write(JsonWriter json, CimInstance instance, CimClass declaration, CimNamespace namespace, String via) {
        json.beginObject();
        ObjectPath path = instance.path();
        if (path != null) {
            ObjectPath full = normalized(path, namespace);
            json.member("id", full.canonical());
            json.member("path", full.toString());
        }
        if (via != null) {
            json.member("via", via);
        }
        json.member("class", instance.className().toString());
        json.name("p").beginObject();
        for (CimProperty property : instance.properties()) {
            json.name(property.name().toString());
            value(json, property.value(), namespace);
        }
        json.endObject();
        json.name("t").beginObject();
        if (declaration != null) {
            for (CimProperty property : instance.properties()) {
                CimProperty declared = declaration.property(property.name());
                if (declared != null && property.value().type().kind().isInteger() && !property.value().isNull()) {
                    names(json, property, ValueNames.of(declared.qualifiers()));
                }
            }
        }
        json.endObject();
        json.endObject();
    }

    /** {@code path} without host, in {@code namespace} unless it names its own. */
    static ObjectPath normalized(ObjectPath path, CimNamespace namespace) {
        ObjectPath p = path.host() == null ? path : path.withHost(null);
        return p.namespace() == null && namespace != null ? p.withNamespace(namespace) : p;
    }

    private static void names(JsonWriter json, CimProperty property, ValueNames names) {
        if (names.isEmpty()) {
            return;
        }
        CimValue value = property.value();
        if (!value.isArray()) {
            String name = names.nameOf(value.value());
            if (name != null) {
                json.member(property.name().toString(), name);
            }
            return;
        }
        json.name(property.name().toString()).beginArray();
        for (Object element : value.values()) {
            json.value(names.nameOf(element));
        }
        json.endArray();
    }

    private static void value(JsonWriter json, CimValue value, CimNamespace namespace) {
        if (value.isNull()) {
            json.nullValue();
        } else if (value.isArray()) {
            json.beginArray();
            for (Object element : value.values()) {
                scalar(json, element, namespace);
            }
            json.endArray();
        } else {
            scalar(json, value.value(), namespace);
        }
    }

    private static void scalar(JsonWriter json, Object v, CimNamespace namespace) {
        if (v == null) {
            json.nullValue();
        } else if (v instanceof Boolean b) {
            json.value(b);
        } else if (v instanceof BigInteger b) {
            if (b.bitLength() < 63) {
                json.value(b.longValue());
            } else {
                json.value(b.toString());
            }
        } else if (v instanceof Float || v instanceof Double) {
            json.value(((Number) v).doubleValue());
        } else if (v instanceof Number n) {
            json.value(n.longValue());
        } else if (v instanceof ObjectPath p) {
            reference(json, p, namespace);
        } else if (v instanceof CimInstance embedded) {
            write(json, embedded, null, namespace, null);
        } else if (v instanceof CimClass embeddedClass) {
            json.beginObject().member("class", embeddedClass.name().toString()).endObject();
        } else {
            json.value(v.toString());
        }
    }

    private static void reference(JsonWriter json, ObjectPath path, CimNamespace namespace) {
        ObjectPath full = normalized(path, namespace);
        json.beginObject();
        json.member("id", full.canonical());
        json.member("path", full.toString());
        json.member("label", label(full));
        json.endObject();
    }

    /** The value of the first of {@link #LABEL_KEYS} the path has, else its class name. */
    static String label(ObjectPath path) {
        for (String key : LABEL_KEYS) {
            for (KeyBinding k : path.keys()) {
                if (k.name().matches(key) && !k.value().isNull() && !(k.value().value() instanceof ObjectPath)) {
                    return k.value().value().toString();
                }
            }
        }
        return path.className().toString();
    }
}
