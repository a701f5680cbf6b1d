package org.iscsismis.indication;

import java.util.List;
import org.iscsismis.cim.CimInstance;
import org.iscsismis.cim.CimName;
import org.iscsismis.cim.ObjectPath;
import org.iscsismis.provider.AbstractAssociationProvider;
import org.iscsismis.provider.AssociationEnds;
import org.iscsismis.provider.AssociationQuery;
import org.iscsismis.provider.InstanceProvider;
import org.iscsismis.provider.ProviderContext;
import org.iscsismis.provider.ResultSink;

/**
 * CIM_ElementCapabilities (service to capabilities) and CIM_ServiceAffectsElement (service to each filter and
 * destination), as instances and as associations; the instances come from a {@link ServiceElementsProvider}.
 */
final class ServiceLinksProvider extends AbstractAssociationProvider implements InstanceProvider {

    private final ServiceElementsProvider elements;

    ServiceLinksProvider(ServiceElementsProvider elements) {
        this.elements = elements;
    }

    @Override
    public void references(ProviderContext context, CimName associationClass, AssociationQuery query, ResultSink<CimInstance> sink) {
        for (CimInstance i : elements.of(associationClass)) {
            if (AssociationEnds.refersTo(i, context.namespace(), query)) {
                sink.deliver(i);
            }
        }
    }

    @Override
    public CimInstance getInstance(ProviderContext context, ObjectPath path) {
        return elements.getInstance(context, path);
    }

    @Override
    public void enumerateInstances(ProviderContext context, CimName className, ResultSink<CimInstance> sink) {
        elements.enumerateInstances(context, className, sink);
    }

    @Override
    public void enumerateInstanceNames(ProviderContext context, CimName className, ResultSink<ObjectPath> sink) {
        elements.enumerateInstanceNames(context, className, sink);
    }

    @Override
    public ObjectPath createInstance(ProviderContext context, CimInstance newInstance) {
        return elements.createInstance(context, newInstance);
    }

    @Override
    public void modifyInstance(ProviderContext context, CimInstance modified, List<CimName> propertyList) {
        elements.modifyInstance(context, modified, propertyList);
    }

    @Override
    public void deleteInstance(ProviderContext context, ObjectPath path) {
        elements.deleteInstance(context, path);
    }
}
