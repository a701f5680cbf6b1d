package org.iscsismis.iscsi.provider;

import static org.iscsismis.iscsi.provider.MethodCodes.INVALID_PARAMETER;
import static org.iscsismis.iscsi.provider.MethodCodes.NOT_SUPPORTED;
import static org.iscsismis.iscsi.provider.MethodCodes.SUCCESS;
import static org.iscsismis.iscsi.provider.MethodCodes.intArg;
import static org.iscsismis.iscsi.provider.MethodCodes.uint16s;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.iscsismis.cim.CimValue;
import org.iscsismis.cim.ObjectPath;
import org.iscsismis.iscsi.disk.VirtualDisk;
import org.iscsismis.provider.MethodArguments;
import org.iscsismis.provider.MethodResult;
import org.iscsismis.provider.ProviderContext;
import org.iscsismis.replication.Mode;
import org.iscsismis.replication.PairSnapshot;
import org.iscsismis.replication.ReplicationEngine;
import org.iscsismis.replication.SyncType;

/**
 * What a given volume or pair can do right now: the replicas a volume can take part in ({@link PairTopology}'s
 * rules, the Modes of {@link ReplicationCapabilities}), the operations a pair accepts in its current CopyState.
 * Answers GetSynchronizationSupported, GetSupportedReplicationTypesForSystem and
 * GetSupportedOperationsForSynchronization.
 */
final class SynchronizationSupport {

    /** LocalElementRole codes. */
    static final int SYSTEM_ELEMENT = 2;
    static final int SYNCED_ELEMENT = 3;
    /** MethodName CreateElementReplica. */
    static final int CREATE_ELEMENT_REPLICA = 2;

    private final ReplicationEngine engine;
    private final ReplicationCapabilities support;

    SynchronizationSupport(ReplicationEngine engine, ReplicationCapabilities support) {
        this.engine = engine;
        this.support = support;
    }

    /**
     * GetSynchronizationSupported: indexed arrays SyncTypes / Modes / LocalElementRole, one entry per replica kind
     * LocalElement can take part in (with OtherElement, if given, at the other end). Remote elements (an access
     * point) and methods other than CreateElementReplica are 1 Not Supported; an element that is not one of our
     * volumes is 5 Invalid Parameter.
     */
    MethodResult answer(ProviderContext context, MethodArguments in) {
        CimValue accessPoint = in.value("OtherElementAccessPoint");
        Integer method = intArg(in, "MethodName");
        if (method == null || method < 2 || method > 4) {
            return MethodCodes.answer(INVALID_PARAMETER);
        }
        if (method != CREATE_ELEMENT_REPLICA || (accessPoint != null && !accessPoint.isNull())) {
            return MethodCodes.answer(NOT_SUPPORTED);
        }
        VirtualDisk local = volume(context, in.value("LocalElement"));
        CimValue otherRef = in.value("OtherElement");
        boolean otherGiven = otherRef != null && !otherRef.isNull();
        VirtualDisk other = otherGiven ? volume(context, otherRef) : null;
        if (local == null || (otherGiven && (other == null || other == local))) {
            return MethodCodes.answer(INVALID_PARAMETER);
        }
        PairTopology topology = new PairTopology(engine);
        List<Integer> syncTypes = new ArrayList<>();
        List<Integer> modes = new ArrayList<>();
        List<Integer> roles = new ArrayList<>();
        boolean asSource = topology.canBeSource(local) && (other == null || (topology.canBeTarget(other) && PairTopology.matches(local, other)));
        boolean asTarget = topology.canBeTarget(local) && (other == null || (topology.canBeSource(other) && PairTopology.matches(other, local)));
        for (int role : List.of(SYSTEM_ELEMENT, SYNCED_ELEMENT)) {
            if (role == SYSTEM_ELEMENT ? !asSource : !asTarget) {
                continue;
            }
            for (SyncType type : SyncType.values()) {
                for (Mode mode : support.modes(type)) {
                    syncTypes.add(type.code());
                    modes.add(mode.code());
                    roles.add(role);
                }
            }
        }
        return MethodCodes.answer(SUCCESS).with("SyncTypes", uint16s(syncTypes)).with("Modes", uint16s(modes))
                .with("LocalElementRole", uint16s(roles));
    }

    /** GetSupportedReplicationTypesForSystem: our system replicates locally only; any other system is 5. */
    MethodResult replicationTypesForSystem(ProviderContext context, MethodArguments in) {
        CimValue system = in.value("System");
        if (system == null || system.isNull()
                || !SystemElements.systemPath(context.namespace()).equals(context.local(system.asReference()))) {
            return MethodCodes.answer(INVALID_PARAMETER);
        }
        return MethodCodes.answer(SUCCESS).with("SupportedReplicationTypes", uint16s(support.replicationTypes()));
    }

    /**
     * GetSupportedOperationsForSynchronization: what GetSupportedOperations answers for the pair's ReplicationType in
     * its current CopyState, i.e. exactly what ModifyReplicaSynchronization would accept on it now. A Synchronization
     * that is not one of our pairs is 5.
     */
    MethodResult operationsFor(ProviderContext context, MethodArguments in) {
        CimValue ref = in.value("Synchronization");
        Optional<PairSnapshot> pair = ref == null || ref.isNull() || !ref.type().isReference() ? Optional.empty()
                : StorageSynchronizedMapping.pairAt(engine, context.namespace(), ref.asReference());
        if (pair.isEmpty()) {
            return MethodCodes.answer(INVALID_PARAMETER);
        }
        return ReplicationCapabilityMethods.operationsAnswer(support.operations(pair.get().syncType(), pair.get().copyState()));
    }

    /** The live disk a reference names, or null if it is not one of our volumes. */
    private VirtualDisk volume(ProviderContext context, CimValue ref) {
        if (ref == null || ref.isNull() || !ref.type().isReference()) {
            return null;
        }
        ObjectPath path = ref.asReference();
        if (path.namespace() != null && !path.namespace().equals(context.namespace())) {
            return null;
        }
        String diskId = StorageElements.diskId(path.withNamespace(null).withHost(null));
        return diskId == null ? null : engine.disks().findDisk(diskId).filter(d -> !d.isDeleted()).orElse(null);
    }
}
