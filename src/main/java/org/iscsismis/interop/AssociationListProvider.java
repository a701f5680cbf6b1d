package org.iscsismis.interop;

import java.util.List;
import java.util.function.Supplier;
import org.iscsismis.cim.CimInstance;
import org.iscsismis.cim.CimName;
import org.iscsismis.cim.ObjectPath;
import org.iscsismis.provider.AssociationEnds;
import org.iscsismis.provider.AssociationProvider;
import org.iscsismis.provider.AssociationQuery;
import org.iscsismis.provider.ProviderContext;
import org.iscsismis.provider.ResultSink;

/**
 * An {@link InstanceListProvider} for association classes: References, ReferenceNames and AssociatorNames from the
 * same instances. Ends may lie in another namespace (a profile's conforming element, or the profile seen from the
 * element): references carry their namespace and are compared with it.
 */
final class AssociationListProvider extends InstanceListProvider implements AssociationProvider {

    AssociationListProvider(Supplier<List<CimInstance>> instances) {
        super(instances);
    }

    @Override
    public void references(ProviderContext context, CimName associationClass, AssociationQuery query, ResultSink<CimInstance> sink) {
        for (CimInstance i : instancesOf(context, associationClass)) {
            if (AssociationEnds.refersTo(i, context.namespace(), query)) {
                sink.deliver(i);
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
}
