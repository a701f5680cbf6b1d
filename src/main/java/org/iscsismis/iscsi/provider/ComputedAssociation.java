package org.iscsismis.iscsi.provider;

import java.util.List;
import java.util.function.Function;
import org.iscsismis.cim.CimInstance;
import org.iscsismis.cim.CimName;
import org.iscsismis.cim.ObjectPath;
import org.iscsismis.provider.AssociationListProvider;
import org.iscsismis.provider.ProviderContext;

/**
 * A read-only association of one class whose instances are computed from the live target on every call (a list
 * built first, then delivered: no lock is held while the sink runs); the provider package's
 * {@link AssociationListProvider} does the serving.
 */
abstract class ComputedAssociation extends AssociationListProvider {

    ComputedAssociation() {
        super("its instances follow the target's pools, disks, nodes and sessions");
    }

    /** An association whose instances {@code instances} computes. */
    static ComputedAssociation of(Function<ProviderContext, List<CimInstance>> instances) {
        return new ComputedAssociation() {
            @Override
            List<CimInstance> instances(ProviderContext context) {
                return instances.apply(context);
            }
        };
    }

    /** Every instance of the association (with its path), in a stable order. */
    abstract List<CimInstance> instances(ProviderContext context);

    /** The instances that may refer to {@code source} (see {@link AssociationListProvider#candidates}). */
    List<CimInstance> candidates(ProviderContext context, ObjectPath source) {
        return instances(context);
    }

    @Override
    protected final List<CimInstance> instances(ProviderContext context, CimName className) {
        return instances(context);
    }

    @Override
    protected final List<CimInstance> candidates(ProviderContext context, CimName associationClass, ObjectPath source) {
        return candidates(context, source);
    }
}
