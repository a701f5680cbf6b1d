package org.iscsismis.provider;

import org.iscsismis.cim.CimClass;
import org.iscsismis.cim.CimInstance;
import org.iscsismis.cim.CimName;
import org.iscsismis.cim.ObjectPath;

/**
 * An {@link AssociationProvider} whose {@link #references} answers CIM_ERR_NOT_SUPPORTED and whose
 * {@link #referenceNames} and {@link #associatorNames} are derived from {@link #references} (the
 * ends read with {@link AssociationEnds}; a missing path is built from the key references). Most providers override {@link #references} only.
 */
public abstract class AbstractAssociationProvider implements AssociationProvider {

    @Override
    public void references(ProviderContext context, CimName associationClass, AssociationQuery query, ResultSink<CimInstance> sink) {
        throw AbstractInstanceProvider.notSupported("References", associationClass);
    }

    @Override
    public void referenceNames(ProviderContext context, CimName associationClass, AssociationQuery query, ResultSink<ObjectPath> sink) {
        CimClass cls = context.findClass(associationClass);
        references(context, associationClass, query, i -> sink.deliver(i.path() != null || cls == null ? i.path()
                : i.pathFrom(cls, context.namespace())));
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
