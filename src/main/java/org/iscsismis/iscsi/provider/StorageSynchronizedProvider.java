package org.iscsismis.iscsi.provider;

import java.util.HashSet;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Set;

import org.iscsismis.cim.CimException;
import org.iscsismis.cim.CimInstance;
import org.iscsismis.cim.CimName;
import org.iscsismis.cim.CimNamespace;
import org.iscsismis.cim.CimProperty;
import org.iscsismis.cim.CimStatus;
import org.iscsismis.cim.CimValue;
import org.iscsismis.cim.ObjectPath;
import org.iscsismis.provider.AbstractInstanceProvider;
import org.iscsismis.provider.AssociationEnds;
import org.iscsismis.provider.AssociationProvider;
import org.iscsismis.provider.AssociationQuery;
import org.iscsismis.provider.ProviderContext;
import org.iscsismis.provider.ResultSink;
import org.iscsismis.replication.CopyPriority;
import org.iscsismis.replication.InvalidTransitionException;
import org.iscsismis.replication.Operation;
import org.iscsismis.replication.PairSnapshot;
import org.iscsismis.replication.ReplicationEngine;

/**
 * {@code MSISCSITARGET_StorageSynchronized}: one instance per engine pair, every property read live from a
 * {@link PairSnapshot} taken per request (no lock is held while delivering). Also its association provider, so
 * References / Associators from either volume reach the pairs.
 *
 * <ul>
 * <li>ModifyInstance: only CopyPriority is writable (the reference marks every other property read-only). A
 * read-only property sent with a value different from the live one is refused with CIM_ERR_NOT_SUPPORTED: the
 * value itself may be perfectly valid, it is the modification that this server does not support (DSP0200 keeps
 * INVALID_PARAMETER for values that are not acceptable, which is what an unknown CopyPriority code gets). Properties
 * sent unchanged are accepted, so a client may send back the whole instance it read. Everything is checked before
 * the engine is touched.</li>
 * <li>DeleteInstance: Detach (ModifyReplicaSynchronization 8) through the engine's state table; a pair whose
 * current state cannot be detached answers CIM_ERR_NOT_SUPPORTED naming the state, and so does a snapshot in any
 * state (its target must remain associated, {@link ReplicationCapabilities}).</li>
 * </ul>
 */
public final class StorageSynchronizedProvider extends AbstractInstanceProvider implements AssociationProvider {

    private final ReplicationEngine engine;
    private final ReplicationCapabilities capabilities;

    public StorageSynchronizedProvider(ReplicationEngine engine) {
        this.engine = engine;
        this.capabilities = new ReplicationCapabilities(engine.table());
    }

    // ------------------------------------------------------------------ instances

    @Override
    public CimInstance getInstance(ProviderContext context, ObjectPath path) {
        return StorageSynchronizedMapping.instance(find(context, path), context.namespace());
    }

    @Override
    public void enumerateInstances(ProviderContext context, CimName className, ResultSink<CimInstance> sink) {
        for (PairSnapshot pair : engine.pairs()) {
            sink.deliver(StorageSynchronizedMapping.instance(pair, context.namespace()));
        }
    }

    @Override
    public void enumerateInstanceNames(ProviderContext context, CimName className, ResultSink<ObjectPath> sink) {
        for (PairSnapshot pair : engine.pairs()) {
            sink.deliver(StorageSynchronizedMapping.path(pair, context.namespace()));
        }
    }

    @Override
    public void modifyInstance(ProviderContext context, CimInstance modified, List<CimName> propertyList) {
        PairSnapshot pair = find(context, modified.path());
        CimInstance current = StorageSynchronizedMapping.instance(pair, context.namespace());
        Set<CimName> named = propertyList == null ? null : new HashSet<>(propertyList);
        CimValue newPriority = null;
        boolean priorityGiven = false;
        for (CimProperty p : modified.properties()) {
            if (named != null && !named.contains(p.name())) {
                continue;
            }
            if (p.name().equals(StorageSynchronizedMapping.COPY_PRIORITY)) {
                newPriority = p.value();
                priorityGiven = true;
                continue;
            }
            CimProperty now = current.property(p.name());
            if (now == null) {
                throw new CimException(CimStatus.NO_SUCH_PROPERTY, "MSISCSITARGET_StorageSynchronized has no property " + p.name());
            }
            if (!sameValue(context.namespace(), now.value(), p.value())) {
                throw readOnly(p.name());
            }
        }
        if (named != null) {
            for (CimName name : named) {
                if (modified.property(name) != null) {
                    continue;
                }
                if (name.equals(StorageSynchronizedMapping.COPY_PRIORITY)) {
                    priorityGiven = true; // listed but absent: set to NULL
                } else if (current.property(name) != null && !current.property(name).value().isNull()) {
                    throw readOnly(name);
                }
            }
        }
        if (!priorityGiven) {
            return;
        }
        CopyPriority priority = priority(newPriority);
        try {
            engine.setCopyPriority(pair.id(), priority);
        } catch (NoSuchElementException e) {
            throw StorageElements.notFound(modified.path());
        }
    }

    @Override
    public void deleteInstance(ProviderContext context, ObjectPath path) {
        PairSnapshot pair = find(context, path);
        if (!capabilities.runs(pair.syncType(), Operation.DETACH)) {
            throw new CimException(CimStatus.NOT_SUPPORTED, "the " + pair.syncType().displayName() + " " + pair.id()
                    + " cannot be detached: its target must remain associated to its source (it holds only the chunks the"
                    + " source overwrote); ModifyReplicaSynchronization Return To ResourcePool (19) deletes it");
        }
        try {
            engine.modify(pair.id(), Operation.DETACH);
        } catch (InvalidTransitionException e) {
            throw new CimException(CimStatus.NOT_SUPPORTED, "the replication pair " + pair.id() + " cannot be detached while its CopyState is "
                    + e.currentState().displayName() + " (" + e.currentState().code() + ")");
        } catch (NoSuchElementException e) {
            throw StorageElements.notFound(path);
        }
    }

    // ------------------------------------------------------------------ associations

    @Override
    public void references(ProviderContext context, CimName associationClass, AssociationQuery query, ResultSink<CimInstance> sink) {
        String diskId = StorageElements.diskId(query.objectName().withNamespace(null));
        if (diskId == null || !context.namespace().equals(query.objectName().namespace())) {
            return;
        }
        for (PairSnapshot pair : engine.pairs()) {
            boolean source = query.roleMatches(StorageSynchronizedMapping.SYSTEM_ELEMENT) && pair.sourceDiskId().equals(diskId);
            boolean target = query.roleMatches(StorageSynchronizedMapping.SYNCED_ELEMENT) && pair.targetDiskId().equals(diskId);
            if (source || target) {
                sink.deliver(StorageSynchronizedMapping.instance(pair, context.namespace()));
            }
        }
    }

    @Override
    public void referenceNames(ProviderContext context, CimName associationClass, AssociationQuery query, ResultSink<ObjectPath> sink) {
        references(context, associationClass, query, i -> sink.deliver(i.path()));
    }

    @Override
    public void associatorNames(ProviderContext context, CimName associationClass, AssociationQuery query, ResultSink<ObjectPath> sink) {
        references(context, associationClass, query, i -> {
            for (ObjectPath far : AssociationEnds.farEnds(i, context.namespace(), query)) {
                sink.deliver(far);
            }
        });
    }

    // ------------------------------------------------------------------ helpers

    private PairSnapshot find(ProviderContext context, ObjectPath path) {
        return StorageSynchronizedMapping.pairAt(engine, context.namespace(), path)
                .orElseThrow(() -> StorageElements.notFound(path));
    }

    private static boolean sameValue(CimNamespace ns, CimValue now, CimValue sent) {
        if (now.isNull() || sent == null || sent.isNull()) {
            return now.isNull() && (sent == null || sent.isNull());
        }
        if (now.type().isReference()) {
            return sent.type().isReference()
                    && AssociationEnds.absolute(now.asReference(), ns).withHost(null)
                    .equals(AssociationEnds.absolute(sent.asReference(), ns).withHost(null));
        }
        if (now.isArray() || sent.isArray()) {
            return now.equals(sent);
        }
        return now.toText().equalsIgnoreCase(sent.toText());
    }

    private static CopyPriority priority(CimValue value) {
        if (value == null || value.isNull()) {
            throw new CimException(CimStatus.INVALID_PARAMETER, "CopyPriority must not be NULL");
        }
        try {
            return CopyPriority.fromCode(Integer.parseInt(value.toText().trim()));
        } catch (NumberFormatException | NoSuchElementException e) {
            throw new CimException(CimStatus.INVALID_PARAMETER, "CopyPriority " + value.toText()
                    + " is not one of 0 (Not Managed), 1 (Low), 2 (Same), 3 (High), 4 (Urgent)");
        }
    }

    private static CimException readOnly(CimName property) {
        return new CimException(CimStatus.NOT_SUPPORTED, "property " + property
                + " of MSISCSITARGET_StorageSynchronized is read-only; only CopyPriority can be modified");
    }
}
