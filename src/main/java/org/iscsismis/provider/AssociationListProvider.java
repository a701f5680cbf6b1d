package org.iscsismis.provider;

import java.util.List;
import java.util.function.Supplier;
import org.iscsismis.cim.CimInstance;
import org.iscsismis.cim.CimName;
import org.iscsismis.cim.CimNamespace;
import org.iscsismis.cim.ObjectPath;

/**
 * An {@link InstanceListProvider} for association classes: References, ReferenceNames, AssociatorNames (and through
 * them the Associators operations) from the same computed instances. The ends are read with
 * {@link AssociationEnds}, so every Role works from either end, and may lie in another namespace (a profile's
 * conforming element): references carry their namespace and are compared with it.
 */
public class AssociationListProvider extends InstanceListProvider implements AssociationProvider {

    /** @see InstanceListProvider#InstanceListProvider(Supplier, String) */
    public AssociationListProvider(Supplier<List<CimInstance>> instances, String origin) {
        super(instances, origin);
    }

    /** For subclasses that override {@link #instances(ProviderContext, CimName)}. */
    protected AssociationListProvider(String origin) {
        super(origin);
    }

    /**
     * The instances that may refer to {@code source}: all of the class by default; a subclass narrows the list when
     * the source tells it cheaply which ones (a volume's one pool, say). Extra candidates are harmless: they are
     * filtered.
     */
    protected List<CimInstance> candidates(ProviderContext context, CimName associationClass, ObjectPath source) {
        return instancesOf(context, associationClass);
    }

    @Override
    public void references(ProviderContext context, CimName associationClass, AssociationQuery query, ResultSink<CimInstance> sink) {
        CimNamespace ns = context.namespace();
        for (CimInstance i : candidates(context, associationClass, query.objectName())) {
            if (i.className().equals(associationClass) && AssociationEnds.refersTo(i, ns, query)) {
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
