package org.iscsismis.iscsi.provider;

import java.util.List;

import org.iscsismis.cim.CimException;
import org.iscsismis.cim.CimInstance;
import org.iscsismis.cim.CimName;
import org.iscsismis.cim.CimStatus;
import org.iscsismis.cim.ObjectPath;
import org.iscsismis.provider.AbstractAssociationProvider;
import org.iscsismis.provider.AssociationEnds;
import org.iscsismis.provider.AssociationQuery;
import org.iscsismis.provider.InstanceProvider;
import org.iscsismis.provider.ProviderContext;
import org.iscsismis.provider.ResultSink;

/**
 * An association whose instances are computed from the live target (the system, its pools and disks) on every
 * call: instance provider (GetInstance, enumerations; read-only) and association provider at once. Each call first
 * builds its list of instances from the registry's immutable snapshots, then delivers: no lock is held while the
 * sink runs. Role and source filtering use {@link AssociationEnds}, so every Role works from either end.
 */
abstract class ComputedAssociationProvider extends AbstractAssociationProvider implements InstanceProvider {

    /** Every instance of the association (with its path), in a stable order. */
    abstract List<CimInstance> instances(ProviderContext context);

    /**
     * The instances that may refer to {@code source}: all by default; a subclass narrows the list when the source
     * tells it cheaply which ones (a volume's one pool, say). Extra candidates are harmless: they are filtered.
     */
    List<CimInstance> candidates(ProviderContext context, ObjectPath source) {
        return instances(context);
    }

    @Override
    public void references(ProviderContext context, CimName associationClass, AssociationQuery query, ResultSink<CimInstance> sink) {
        for (CimInstance i : candidates(context, query.objectName())) {
            if (AssociationEnds.refersTo(i, context.namespace(), query)) {
                sink.deliver(i);
            }
        }
    }

    @Override
    public CimInstance getInstance(ProviderContext context, ObjectPath path) {
        ObjectPath wanted = context.local(path);
        for (CimInstance i : instances(context)) {
            if (i.path().equals(wanted)) {
                return i;
            }
        }
        throw StorageElements.notFound(path);
    }

    @Override
    public void enumerateInstances(ProviderContext context, CimName className, ResultSink<CimInstance> sink) {
        for (CimInstance i : instances(context)) {
            sink.deliver(i);
        }
    }

    @Override
    public void enumerateInstanceNames(ProviderContext context, CimName className, ResultSink<ObjectPath> sink) {
        for (CimInstance i : instances(context)) {
            sink.deliver(i.path());
        }
    }

    @Override
    public ObjectPath createInstance(ProviderContext context, CimInstance newInstance) {
        throw readOnly("CreateInstance", newInstance.className());
    }

    @Override
    public void modifyInstance(ProviderContext context, CimInstance modified, List<CimName> propertyList) {
        throw readOnly("ModifyInstance", modified.className());
    }

    @Override
    public void deleteInstance(ProviderContext context, ObjectPath path) {
        throw readOnly("DeleteInstance", path.className());
    }

    private static CimException readOnly(String operation, CimName className) {
        return new CimException(CimStatus.NOT_SUPPORTED, operation + " is not supported for " + className
                + ": its instances follow the target's pools and disks");
    }
}
