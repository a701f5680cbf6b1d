package org.iscsismis.iscsi.provider;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

import org.iscsismis.cim.CimName;
import org.iscsismis.cim.CimNamespace;
import org.iscsismis.cim.ObjectPath;
import org.iscsismis.iscsi.disk.DiskPool;
import org.iscsismis.iscsi.disk.DiskRegistry;
import org.iscsismis.iscsi.disk.VirtualDisk;
import org.iscsismis.provider.MethodResult;
import org.iscsismis.provider.ProviderContext;
import org.iscsismis.replication.Mode;
import org.iscsismis.replication.Operation;
import org.iscsismis.replication.PairSnapshot;
import org.iscsismis.replication.ReplicationEngine;
import org.iscsismis.replication.SyncType;

/**
 * {@code MSISCSITARGET_StorageConfigurationService}: its one instance; volumes are made and returned by
 * {@link VolumeConfiguration}; the older Copy Services replica methods run on the same code as the replication
 * service ({@link ReplicaCreation}, {@link SynchronizationChange}), their CopyType and Operation values translated by
 * {@link CopyServicesMapping}:
 * <ul>
 * <li>CreateReplica: SourceElement, TargetPool (NULL: the source's pool), ElementName, TargetSettingGoal, CopyType;
 * OUT TargetElement, Job.</li>
 * <li>AttachReplica: SourceElement onto an existing TargetElement (required), CopyType; OUT Job.</li>
 * <li>AttachOrModifyReplica: as AttachReplica when the two volumes are not paired yet; when they are, a mirror's
 * CopyType may switch between 2 Async and 3 Sync (Reset To Async / Reset To Sync), the same CopyType is 0, any
 * other change → 5. Goal is not used; a ReplicationPipe (remote replication) → 1.</li>
 * <li>ModifySynchronization: Operation, Synchronization; OUT Job. Detach (2) of a snapshot deletes it (Return To
 * ResourcePool): in Copy Services that is how a point-in-time snapshot is deleted.</li>
 * <li>GetAvailableTargetElements: SourceElement, TargetPool[] (NULL: every pool), CopyType; OUT Candidates, the existing
 * volumes AttachReplica would accept ({@link PairTopology#candidates}).</li>
 * </ul>
 * Every other method of the class (pools, extents, replication pipes and buffers, usage, SCSI scan) answers 1.
 */
public final class StorageConfigurationServiceProvider extends ServiceProvider {

    private final ReplicationEngine engine;
    private final DiskRegistry disks;
    private final VolumeConfiguration volumes;
    private final ReplicaCreation creation;
    private final SynchronizationChange change;

    public StorageConfigurationServiceProvider(ReplicationEngine engine) {
        super(SystemElements.CONFIGURATION_SERVICE, "iSCSI target storage configuration service",
                "Creates and deletes the target's virtual disks in its storage pools");
        this.engine = engine;
        this.disks = engine.disks();
        this.volumes = new VolumeConfiguration(disks);
        ReplicationCapabilities capabilities = new ReplicationCapabilities(engine.table());
        this.creation = new ReplicaCreation(engine, capabilities);
        this.change = new SynchronizationChange(engine, capabilities);
    }

    @Override
    ObjectPath path(CimNamespace ns) {
        return SystemElements.configurationServicePath(ns);
    }

    @Override
    MethodResult call(ProviderContext context, ObjectPath service, CimName method, CallArguments args) {
        return switch (method.toString().toLowerCase(Locale.ROOT)) {
            case "createormodifyelementfromstoragepool" -> volumes.createOrModify(args);
            case "returntostoragepool" -> volumes.returnToPool(args);
            case "createreplica" -> createReplica(context, service, args);
            case "attachreplica" -> attach(context, service, args, "AttachReplica");
            case "attachormodifyreplica" -> attachOrModify(context, service, args);
            case "modifysynchronization" -> modifySynchronization(context, service, args);
            case "getavailabletargetelements" -> availableTargets(context, args);
            default -> null;
        };
    }

    private MethodResult createReplica(ProviderContext context, ObjectPath service, CallArguments args) {
        CopyServicesMapping.Kind kind = CopyServicesMapping.copyType(args.uint16("CopyType"));
        VirtualDisk source = args.volume("SourceElement", disks, true);
        var pool = args.pool("TargetPool", disks);
        args.settingGoal("TargetSettingGoal", pool != null ? pool : source.pool());
        ReplicaRequest r = request("CreateReplica", kind, source).inPool(pool, args.string("ElementName"));
        PairOutcome done = creation.create(context, service, r);
        return done.result().with("TargetElement", done.targetElement(context.namespace()));
    }

    private MethodResult attach(ProviderContext context, ObjectPath service, CallArguments args, String method) {
        CopyServicesMapping.Kind kind = CopyServicesMapping.copyType(args.uint16("CopyType"));
        VirtualDisk source = args.volume("SourceElement", disks, true);
        VirtualDisk target = args.volume("TargetElement", disks, true);
        return creation.create(context, service, request(method, kind, source).toDisk(target)).result();
    }

    private MethodResult attachOrModify(ProviderContext context, ObjectPath service, CallArguments args) {
        args.unsupported("ReplicationPipe", "only local replication is supported");
        CopyServicesMapping.Kind kind = CopyServicesMapping.copyType(args.uint16("CopyType"));
        VirtualDisk source = args.volume("SourceElement", disks, true);
        VirtualDisk target = args.volume("TargetElement", disks, true);
        PairSnapshot pair = engine.pairs().stream()
                .filter(p -> p.sourceDiskId().equals(source.id()) && p.targetDiskId().equals(target.id()))
                .findFirst().orElse(null);
        if (pair == null) {
            return attach(context, service, args, "AttachOrModifyReplica");
        }
        if (pair.syncType() != kind.syncType() || kind.unassociated()) {
            throw MethodRefusal.invalid("the " + pair.syncType().displayName() + " " + pair.id() + " cannot become CopyType "
                    + args.uint16("CopyType"));
        }
        if (pair.syncType() != SyncType.MIRROR || pair.mode() == kind.mode()) {
            return ReturnCode.COMPLETED.result();
        }
        Operation reset = kind.mode() == Mode.ASYNCHRONOUS ? Operation.RESET_TO_ASYNC : Operation.RESET_TO_SYNC;
        return change.apply(context, service, "AttachOrModifyReplica", pair, reset, null).result();
    }

    private MethodResult modifySynchronization(ProviderContext context, ObjectPath service, CallArguments args) {
        Operation code = CopyServicesMapping.legacyOperation(args.uint16("Operation"));
        PairSnapshot pair = args.synchronization("Synchronization", engine);
        Operation operation = CopyServicesMapping.legacyOperation(code, pair.syncType());
        return change.apply(context, service, "ModifySynchronization", pair, operation, null).result();
    }

    /** The existing volumes AttachReplica would accept for SourceElement and CopyType, in TargetPool (NULL: any). */
    private MethodResult availableTargets(ProviderContext context, CallArguments args) {
        VirtualDisk source = args.volume("SourceElement", disks, true);
        CopyServicesMapping.copyType(args.uint16("CopyType"));
        Set<String> pools = null;
        if (args.given("TargetPool")) {
            pools = new HashSet<>();
            for (DiskPool pool : args.pools("TargetPool", disks)) {
                pools.add(pool.id());
            }
        }
        return ReplicationQueries.candidatesResult(new PairTopology(engine).candidates(source, pools), null, context.namespace());
    }

    private static ReplicaRequest request(String method, CopyServicesMapping.Kind kind, VirtualDisk source) {
        ReplicaRequest r = ReplicaRequest.of(method, kind.syncType(), kind.mode(), source);
        return kind.unassociated() ? r.detachedWhenDone() : r;
    }
}
