package org.iscsismis.iscsi.provider;

import java.util.List;
import java.util.function.Function;

import org.iscsismis.cim.CimInstance;
import org.iscsismis.provider.ProviderContext;

/** A read-only association whose instances a function computes from the live state on every call. */
final class ComputedAssociations extends ComputedAssociationProvider {

    private final Function<ProviderContext, List<CimInstance>> instances;

    ComputedAssociations(Function<ProviderContext, List<CimInstance>> instances) {
        this.instances = instances;
    }

    @Override
    List<CimInstance> instances(ProviderContext context) {
        return instances.apply(context);
    }
}
