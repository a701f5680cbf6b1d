package org.iscsismis.dispatch;

import java.util.List;
import org.iscsismis.cim.CimInstance;
import org.iscsismis.cim.CimProperty;
import org.iscsismis.cim.CimValue;
import org.iscsismis.cim.KeyBinding;
import org.iscsismis.cim.ObjectPath;

/**
 * A rough, deliberately generous estimate of the heap a result held in memory takes: a fixed cost per
 * object, property and key plus the characters of its strings. It only has to be in the right order of
 * magnitude, so that the memory budget counts buffered results roughly as the JVM does (measured:
 * a StorageVolume instance with path estimates about 2.5 KB; see docs/configuration.md).
 */
final class HeapEstimate {

    private static final long OBJECT = 64;
    private static final long PROPERTY = 96;
    private static final long KEY = 80;

    private HeapEstimate() {
    }

    static long of(Object item) {
        if (item instanceof CimInstance i) {
            return instance(i);
        }
        if (item instanceof ObjectPath p) {
            return path(p);
        }
        return OBJECT;
    }

    static long instance(CimInstance instance) {
        long bytes = OBJECT + (instance.path() == null ? 0 : path(instance.path()));
        for (CimProperty p : instance.properties()) {
            bytes += PROPERTY + p.name().toString().length() + value(p.value());
        }
        return bytes;
    }

    static long path(ObjectPath path) {
        long bytes = OBJECT + path.className().toString().length();
        for (KeyBinding k : path.keys()) {
            bytes += KEY + k.name().toString().length() + value(k.value());
        }
        return bytes;
    }

    private static long value(CimValue v) {
        if (v == null) {
            return 0;
        }
        return object(v.value());
    }

    private static long object(Object o) {
        if (o == null) {
            return 0;
        }
        if (o instanceof String s) {
            return 48 + 2L * s.length();
        }
        if (o instanceof List<?> items) {
            long bytes = OBJECT + 8L * items.size();
            for (Object item : items) {
                bytes += object(item);
            }
            return bytes;
        }
        if (o instanceof ObjectPath p) {
            return path(p);
        }
        if (o instanceof CimInstance i) {
            return instance(i);
        }
        return 24;
    }
}
