package org.iscsismis.iscsi.provider;

import java.util.NoSuchElementException;

import org.iscsismis.cim.CimInstance;
import org.iscsismis.cim.CimName;
import org.iscsismis.cim.CimNamespace;
import org.iscsismis.cim.CimValue;
import org.iscsismis.cim.ObjectPath;
import org.iscsismis.iscsi.disk.DiskRegistry;
import org.iscsismis.provider.MethodResult;
import org.iscsismis.provider.ProviderContext;
import org.iscsismis.replication.CodedValue;
import org.iscsismis.replication.CopyPriority;
import org.iscsismis.replication.CopyRecoveryMode;
import org.iscsismis.replication.CopyState;
import org.iscsismis.replication.Mode;
import org.iscsismis.replication.PairSnapshot;
import org.iscsismis.replication.ReplicationEngine;
import org.iscsismis.replication.SyncType;

/**
 * {@code MSISCSITARGET_ReplicationService}: its one instance, the two methods Microsoft overrides and the two
 * queries ({@link ReplicationQueries}). What a method accepts is what the capabilities advertise
 * ({@link CapabilityChecks}, {@link ReplicationSettings}, both reading {@link ReplicationCapabilities}).
 *
 * <p><b>CreateElementReplica</b>: SyncType 6 Mirror, 7 Snapshot, 8 Clone (9 → 1, other values → 5); Mode a Mode the
 * SyncType runs in (a mirror 2 or 3, a snapshot or clone 2; NULL: 2), another value of the map (2, 3, 4) → 1, outside
 * it → 5; the pair then shows the Mode it got; SourceElement a volume of this target; TargetElement an existing volume
 * of the same size and block size, or TargetPool a pool of this target (NULL: the source's pool) where a new volume
 * named ElementName is made — both given → 5, TargetElement with TargetSettingGoal → 5; TargetSettingGoal NULL or the
 * pool's StorageSetting; ReplicationSettingData (an embedded CIM_ReplicationSettingData) is checked by
 * {@link ReplicationSettings} and supplies CopyPriority, CopyRecoveryMode, FailedCopyStopsHostIO and
 * TargetElementSupplier; access points and collections (remote and group replication) → 1. WaitForCopyState:
 * 2 Initialized creates the association without starting it (Activate starts it), 3 Unsynchronized returns as soon
 * as the copy runs, 4 Synchronized or NULL waits for the end of the copy. The method answers 0 when the pair is
 * there at once (a snapshot; the cases above), else 4096 with a Job that follows the copy; the OUT Synchronization
 * and TargetElement are set in both cases.
 *
 * <p><b>ModifyReplicaSynchronization</b>: see {@link SynchronizationChange} (state rules, WaitForCopyState, Force)
 * and {@link CopyServicesMapping#replicaOperation} (which Operation values are supported). OUT Job when it answers
 * 4096, UpdatedSynchronization while the association exists. SyncPair and ReplicationSettingData are not used.
 *
 * <p>Every other method of the class answers 1 (Not Supported).
 */
public final class ReplicationServiceProvider extends ServiceProvider {

    private static final CimName CREATE_ELEMENT_REPLICA = CimName.of("CreateElementReplica");
    private static final CimName MODIFY_REPLICA_SYNCHRONIZATION = CimName.of("ModifyReplicaSynchronization");
    private static final CimName GET_REPLICATION_RELATIONSHIPS = CimName.of("GetReplicationRelationships");
    private static final CimName GET_AVAILABLE_TARGET_ELEMENTS = CimName.of("GetAvailableTargetElements");

    private final ReplicationEngine engine;
    private final DiskRegistry disks;
    private final CapabilityChecks checks;
    private final ReplicaCreation creation;
    private final SynchronizationChange change;
    private final ReplicationQueries queries;

    public ReplicationServiceProvider(ReplicationEngine engine) {
        super(SystemElements.REPLICATION_SERVICE, "iSCSI target replication service",
                "Creates and manages local mirrors, snapshots and clones of the target's virtual disks");
        this.engine = engine;
        this.disks = engine.disks();
        this.checks = new CapabilityChecks(new ReplicationCapabilities(engine.table()));
        this.creation = new ReplicaCreation(engine, checks.capabilities());
        this.change = new SynchronizationChange(engine, checks.capabilities());
        this.queries = new ReplicationQueries(engine, checks);
    }

    @Override
    ObjectPath path(CimNamespace ns) {
        return SystemElements.replicationServicePath(ns);
    }

    @Override
    MethodResult call(ProviderContext context, ObjectPath service, CimName method, CallArguments args) {
        if (method.equals(CREATE_ELEMENT_REPLICA)) {
            return createElementReplica(context, service, args);
        }
        if (method.equals(MODIFY_REPLICA_SYNCHRONIZATION)) {
            return modifyReplicaSynchronization(context, service, args);
        }
        if (method.equals(GET_REPLICATION_RELATIONSHIPS)) {
            return queries.relationships(context, args);
        }
        if (method.equals(GET_AVAILABLE_TARGET_ELEMENTS)) {
            return queries.availableTargets(context, args);
        }
        return null;
    }

    private MethodResult createElementReplica(ProviderContext context, ObjectPath service, CallArguments args) {
        SyncType syncType = checks.syncType(args.requiredUint16("SyncType"));
        Mode mode = checks.mode(syncType, args.uint16("Mode"));
        args.unsupported("SourceAccessPoint", "only local replication is supported");
        args.unsupported("TargetAccessPoint", "only local replication is supported");
        args.unsupported("ConnectivityCollection", "only local replication is supported");
        args.unsupported("Collections", "group replication is not supported");
        ReplicationSettings.Requested settings = ReplicationSettings.read(args.embedded("ReplicationSettingData"), syncType,
                checks, context.findClass(ReplicationCapabilityMethods.REPLICATION_SETTING_DATA));
        ReplicaRequest r = ReplicaRequest.of("CreateElementReplica", syncType, mode, args.volume("SourceElement", disks, true));
        Integer supplier = settings.targetSupplier();
        if (args.given("TargetElement")) {
            if (args.given("TargetPool") || args.given("TargetSettingGoal")) {
                throw MethodRefusal.invalid("with TargetElement, TargetPool and TargetSettingGoal must be NULL");
            }
            if (supplier != null && supplier == ReplicationSettings.CREATE_NEW) {
                throw MethodRefusal.invalid("TargetElementSupplier 2 (Create new) and a TargetElement contradict each other");
            }
            r = r.toDisk(args.volume("TargetElement", disks, true));
        } else {
            if (supplier != null && supplier == ReplicationSettings.USE_EXISTING) {
                throw MethodRefusal.invalid("TargetElementSupplier 1 (Use existing) needs a TargetElement");
            }
            var pool = args.pool("TargetPool", disks);
            args.settingGoal("TargetSettingGoal", pool != null ? pool : r.source().pool());
            r = r.inPool(pool, args.string("ElementName"));
        }
        Integer wait = args.uint16("WaitForCopyState");
        r = r.waitingFor(wait == null ? null : coded(CopyState.class, wait, "WaitForCopyState"));
        r = r.settings(settings.priority(), settings.recovery(), settings.failedCopyStopsHostIO());
        PairOutcome done = creation.create(context, service, r);
        return done.result()
                .with("Synchronization", done.synchronization(context.namespace()))
                .with("TargetElement", done.targetElement(context.namespace()));
    }

    private MethodResult modifyReplicaSynchronization(ProviderContext context, ObjectPath service, CallArguments args) {
        var operation = CopyServicesMapping.replicaOperation(args.requiredUint16("Operation"));
        PairSnapshot pair = args.synchronization("Synchronization", engine);
        Integer wait = args.uint16("WaitForCopyState");
        PairOutcome done = change.apply(context, service, "ModifyReplicaSynchronization", pair, operation,
                wait == null ? null : coded(CopyState.class, wait, "WaitForCopyState"));
        MethodResult result = done.result();
        return done.pair() == null ? result : result.with("UpdatedSynchronization", done.synchronization(context.namespace()));
    }

    private static <E extends Enum<E> & CodedValue> E coded(Class<E> type, int code, String parameter) {
        try {
            return CodedValue.fromCode(type, code);
        } catch (NoSuchElementException e) {
            throw MethodRefusal.invalid(parameter + " " + code + " is not supported here");
        }
    }
}
