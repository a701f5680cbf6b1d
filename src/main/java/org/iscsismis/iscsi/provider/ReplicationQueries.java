package org.iscsismis.iscsi.provider;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.iscsismis.cim.CimNamespace;
import org.iscsismis.cim.CimType;
import org.iscsismis.cim.CimValue;
import org.iscsismis.cim.ObjectPath;
import org.iscsismis.iscsi.disk.VirtualDisk;
import org.iscsismis.provider.MethodResult;
import org.iscsismis.provider.ProviderContext;
import org.iscsismis.replication.Mode;
import org.iscsismis.replication.PairSnapshot;
import org.iscsismis.replication.ReplicationEngine;
import org.iscsismis.replication.SyncType;

/**
 * The query methods of the replication service. Both answer at once (0, never a job: the answer is a walk over the
 * engine's pairs and disks), and a refusal is 5 (Invalid Parameter) or 1 (Not Supported) like the other methods.
 *
 * <ul>
 * <li><b>GetReplicationRelationships</b>: the StorageSynchronized paths of the pairs, each IN parameter a filter
 * (NULL: no filter). Type 2 StorageSynchronized, or 3 GroupSynchronized (there are no groups: none); SyncType 6, 7,
 * 8, 9; Mode 2, 3, 4; Locality 2 Local only, or 3 Remote only (everything is local: none); CopyState a value of
 * CIM_Synchronized.CopyState's map (2-18). A value outside its map → 5. ReplicationSettingData changes nothing.</li>
 * <li><b>GetAvailableTargetElements</b>: the existing volumes CreateElementReplica would accept as TargetElement for
 * SourceElement ({@link PairTopology#candidates}): SourceElement a volume of this target (5); SyncType, Mode and
 * ReplicationSettingData checked as for CreateElementReplica (1 for what the service does not run, 5 outside the
 * maps); TargetAccessPoint → 1 (local only); TargetPools pools of this target (5), NULL: all;
 * TargetSettingGoal NULL or a pool's default setting (5), which narrows to that pool; MaxElementCount caps the list.
 * A source that is itself a replica target has no candidates.</li>
 * </ul>
 */
final class ReplicationQueries {

    private static final int STORAGE_SYNCHRONIZED = 2;
    private static final int GROUP_SYNCHRONIZED = 3;
    private static final int LOCAL_ONLY = 2;
    private static final int REMOTE_ONLY = 3;
    private static final int FIRST_COPY_STATE = 2;
    private static final int LAST_COPY_STATE = 18;
    private static final int TOKENIZED_CLONE = 9;
    private static final int ADAPTIVE = 4;

    private final ReplicationEngine engine;
    private final CapabilityChecks checks;

    ReplicationQueries(ReplicationEngine engine, CapabilityChecks checks) {
        this.engine = engine;
        this.checks = checks;
    }

    MethodResult relationships(ProviderContext context, CallArguments args) {
        Integer type = inMap(args, "Type", STORAGE_SYNCHRONIZED, GROUP_SYNCHRONIZED);
        Integer syncType = inMap(args, "SyncType", SyncType.MIRROR.code(), TOKENIZED_CLONE);
        Integer mode = inMap(args, "Mode", Mode.SYNCHRONOUS.code(), ADAPTIVE);
        Integer locality = inMap(args, "Locality", LOCAL_ONLY, REMOTE_ONLY);
        Integer copyState = inMap(args, "CopyState", FIRST_COPY_STATE, LAST_COPY_STATE);
        CimNamespace ns = context.namespace();
        List<ObjectPath> found = new ArrayList<>();
        boolean none = (type != null && type == GROUP_SYNCHRONIZED) || (locality != null && locality == REMOTE_ONLY);
        for (PairSnapshot p : none ? List.<PairSnapshot>of() : engine.pairs()) {
            if ((syncType == null || p.syncType().code() == syncType) && (mode == null || p.mode().code() == mode)
                    && (copyState == null || p.copyState().code() == copyState)) {
                found.add(StorageSynchronizedMapping.path(p, ns));
            }
        }
        return ReturnCode.COMPLETED.result().with("Synchronizations", references(found, StorageElements.SYNCHRONIZED));
    }

    MethodResult availableTargets(ProviderContext context, CallArguments args) {
        VirtualDisk source = args.volume("SourceElement", engine.disks(), true);
        SyncType syncType = checks.syncType(args.requiredUint16("SyncType"));
        checks.mode(syncType, args.uint16("Mode"));
        args.unsupported("TargetAccessPoint", "only local replication is supported");
        ReplicationSettings.read(args.embedded("ReplicationSettingData"), syncType, checks,
                context.findClass(ReplicationCapabilityMethods.REPLICATION_SETTING_DATA));
        Set<String> pools = null;
        if (args.given("TargetPools")) {
            pools = new HashSet<>();
            for (var pool : args.pools("TargetPools", engine.disks())) {
                pools.add(pool.id());
            }
        }
        String settingPool = args.settingPool("TargetSettingGoal", engine.disks());
        if (settingPool != null) {
            pools = pools == null ? Set.of(settingPool) : pools.contains(settingPool) ? Set.of(settingPool) : Set.of();
        }
        List<VirtualDisk> candidates = new PairTopology(engine).candidates(source, pools);
        Integer max = args.uint16("MaxElementCount");
        return candidatesResult(candidates, max, context.namespace());
    }

    /** 0 with OUT Candidates: the volumes' paths, at most {@code max} of them (null: all). */
    static MethodResult candidatesResult(List<VirtualDisk> candidates, Integer max, CimNamespace ns) {
        List<ObjectPath> paths = new ArrayList<>();
        for (VirtualDisk d : candidates) {
            if (max != null && paths.size() >= max) {
                break;
            }
            paths.add(StorageElements.volumePath(d.id(), ns));
        }
        return ReturnCode.COMPLETED.result().with("Candidates", references(paths, StorageElements.VOLUME));
    }

    private static CimValue references(List<ObjectPath> paths, org.iscsismis.cim.CimName className) {
        return CimValue.of(CimType.reference(className).asArray(), List.copyOf(paths));
    }

    /** A filter parameter: null if not given, else a value of {@code first..last}; anything else → 5. */
    private static Integer inMap(CallArguments args, String name, int first, int last) {
        Integer v = args.uint16(name);
        if (v != null && (v < first || v > last)) {
            throw MethodRefusal.invalid(name + " " + v + " is not in its value map (" + first + ".." + last + ")");
        }
        return v;
    }
}
