package org.iscsismis.iscsi.provider;

import java.util.ArrayList;
import java.util.List;

import org.iscsismis.cim.CimInstance;
import org.iscsismis.cim.CimNamespace;
import org.iscsismis.cim.CimValue;
import org.iscsismis.cim.ObjectPath;
import org.iscsismis.iscsi.disk.DiskPool;
import org.iscsismis.iscsi.disk.DiskRegistry;
import org.iscsismis.iscsi.disk.VirtualDisk;
import org.iscsismis.provider.MethodArguments;
import org.iscsismis.replication.PairSnapshot;
import org.iscsismis.replication.ReplicationEngine;

/**
 * The IN parameters of one service method call, read the way these methods need them: absent and NULL mean the
 * same (the client leaves the choice to us), and a reference resolves to the engine object it names. A reference
 * to something that is not one of ours, or no longer exists, is refused with 5 (Invalid Parameter): DSP0200 keeps
 * CIM_ERR_NOT_FOUND for the method's target, and a parameter is the method's business.
 */
final class CallArguments {

    private final MethodArguments in;
    private final CimNamespace ns;

    CallArguments(MethodArguments in, CimNamespace ns) {
        this.in = in;
        this.ns = ns;
    }

    CimNamespace namespace() {
        return ns;
    }

    /** True if the parameter was sent with a value other than NULL. */
    boolean given(String name) {
        CimValue v = in.value(name);
        return v != null && !v.isNull();
    }

    Integer uint16(String name) {
        return given(name) ? (int) in.value(name).asLong() : null;
    }

    int requiredUint16(String name) {
        Integer v = uint16(name);
        if (v == null) {
            throw MethodRefusal.invalid(name + " is required");
        }
        return v;
    }

    Long uint64(String name) {
        return given(name) ? in.value(name).asLong() : null;
    }

    String string(String name) {
        return given(name) ? in.value(name).asString() : null;
    }

    boolean flag(String name) {
        return given(name) && Boolean.TRUE.equals(in.value(name).asBoolean());
    }

    /** A reference parameter, or null when not given; a reference into another namespace is 5 (Invalid Parameter). */
    ObjectPath reference(String name) {
        return given(name) ? local(name, in.value(name).asReference()) : null;
    }

    /**
     * {@code path}, given in parameter {@code name}, if it names the method's namespace: every object these methods
     * take lives there, so the same class and keys in another namespace name nothing of ours (5, Invalid Parameter).
     */
    ObjectPath local(String name, ObjectPath path) {
        if (!ours(path)) {
            throw MethodRefusal.invalid(name + " " + path + " is in namespace " + path.namespace() + ", not " + ns);
        }
        return path;
    }

    /** The elements of an array parameter (a scalar counts as one), or null when not given. */
    List<Object> array(String name) {
        if (!given(name)) {
            return null;
        }
        CimValue v = in.value(name);
        List<Object> out = new ArrayList<>();
        for (Object o : v.isArray() ? v.values() : List.of(v.value())) {
            out.add(o);
        }
        return out;
    }

    /** A string array parameter, or null when not given; a non-string element is 5 (Invalid Parameter). */
    List<String> strings(String name) {
        List<Object> values = array(name);
        if (values == null) {
            return null;
        }
        List<String> out = new ArrayList<>();
        for (Object o : values) {
            if (!(o instanceof String s)) {
                throw MethodRefusal.invalid(name + " holds " + o + ", not a string");
            }
            out.add(s);
        }
        return out;
    }

    CimInstance embedded(String name) {
        return given(name) && in.value(name).value() instanceof CimInstance i ? i : null;
    }

    /** Refuses with 1 (Not Supported) a parameter this implementation has no use for, when it is given. */
    void unsupported(String name, String why) {
        if (given(name)) {
            throw MethodRefusal.notSupported(name + " is not supported: " + why);
        }
    }

    /** The live disk a volume reference names; null if the parameter is absent and not {@code required}. */
    VirtualDisk volume(String name, DiskRegistry disks, boolean required) {
        ObjectPath path = reference(name);
        if (path == null) {
            if (required) {
                throw MethodRefusal.invalid(name + " is required");
            }
            return null;
        }
        String diskId = ours(path) ? StorageElements.diskId(path.withNamespace(null)) : null;
        VirtualDisk disk = diskId == null ? null : disks.findDisk(diskId).filter(d -> !d.isDeleted()).orElse(null);
        if (disk == null) {
            throw MethodRefusal.invalid(name + " " + path + " is not a volume of this target");
        }
        return disk;
    }

    /** The pool a pool reference names, or null if the parameter is absent. */
    DiskPool pool(String name, DiskRegistry disks) {
        ObjectPath path = reference(name);
        return path == null ? null : pool(name, path, disks);
    }

    /** The pools an array of pool references names (empty if the parameter is absent); each must be ours (5). */
    List<DiskPool> pools(String name, DiskRegistry disks) {
        List<DiskPool> out = new ArrayList<>();
        if (given(name)) {
            CimValue v = in.value(name);
            for (Object o : v.isArray() ? v.values() : List.of(v.value())) {
                if (!(o instanceof ObjectPath path)) {
                    throw MethodRefusal.invalid(name + " holds a NULL or non-reference element");
                }
                out.add(pool(name, local(name, path), disks));
            }
        }
        return out;
    }

    private DiskPool pool(String name, ObjectPath path, DiskRegistry disks) {
        String poolId = ours(path) && StorageElements.POOL.equals(path.className()) ? StorageElements.poolId(path) : null;
        return disks.findPool(poolId).orElseThrow(() -> MethodRefusal.invalid(name + " " + path + " is not a pool of this target"));
    }

    /** The pair a (required) StorageSynchronized reference names. */
    PairSnapshot synchronization(String name, ReplicationEngine engine) {
        ObjectPath path = reference(name);
        if (path == null) {
            throw MethodRefusal.invalid(name + " is required");
        }
        return StorageSynchronizedMapping.pairAt(engine, ns, path)
                .orElseThrow(() -> MethodRefusal.invalid(name + " " + path + " is not a replication pair of this target"));
    }

    /**
     * Checks a storage setting goal: NULL (the pool's default) or the default setting of {@code pool} (the one
     * setting each pool has); anything else is 5.
     */
    void settingGoal(String name, DiskPool pool) {
        String poolId = settingPool(name, null);
        if (poolId != null && (pool == null || !poolId.equals(pool.id()))) {
            throw MethodRefusal.invalid(name + " " + reference(name) + " is not the storage setting of the pool used");
        }
    }

    /**
     * The id of the pool whose (one, default) setting a storage setting reference names, or null if the parameter is
     * absent; a reference to anything else (or, with {@code disks}, to a setting of no live pool) is 5.
     */
    String settingPool(String name, DiskRegistry disks) {
        ObjectPath path = reference(name);
        if (path == null) {
            return null;
        }
        String poolId = ours(path) && SystemElements.STORAGE_SETTING.equals(path.className())
                ? SystemElements.poolIdOf(path, "StorageSetting") : null;
        if (poolId == null || (disks != null && disks.findPool(poolId).isEmpty())) {
            throw MethodRefusal.invalid(name + " " + path + " is not the storage setting of a pool of this target");
        }
        return poolId;
    }

    private boolean ours(ObjectPath path) {
        return path.namespace() == null || path.namespace().equals(ns);
    }
}
