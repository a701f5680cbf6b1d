package org.iscsismis.indication;

import java.util.List;
import org.iscsismis.cim.CimException;
import org.iscsismis.cim.CimInstance;
import org.iscsismis.cim.CimName;
import org.iscsismis.cim.CimStatus;
import org.iscsismis.cim.ObjectPath;
import org.iscsismis.provider.AbstractInstanceProvider;
import org.iscsismis.provider.ProviderContext;
import org.iscsismis.provider.ResultSink;

/**
 * CIM_ListenerDestinationCIMXML in the interop namespace: where indications are exported. Cannot be modified;
 * deleting one that a subscription uses fails with CIM_ERR_FAILED; deleting it discards its queue.
 */
final class DestinationProvider extends AbstractInstanceProvider {

    private final IndicationService service;

    DestinationProvider(IndicationService service) {
        this.service = service;
    }

    @Override
    public CimInstance getInstance(ProviderContext context, ObjectPath path) {
        return service.store().destination(path).instance();
    }

    @Override
    public void enumerateInstances(ProviderContext context, CimName className, ResultSink<CimInstance> sink) {
        for (Destination d : service.store().destinations()) {
            sink.deliver(d.instance());
        }
    }

    @Override
    public ObjectPath createInstance(ProviderContext context, CimInstance newInstance) {
        return service.store().createDestination(newInstance).path();
    }

    @Override
    public void modifyInstance(ProviderContext context, CimInstance modified, List<CimName> propertyList) {
        throw new CimException(CimStatus.NOT_SUPPORTED, "A listener destination cannot be modified; delete it and create another");
    }

    @Override
    public void deleteInstance(ProviderContext context, ObjectPath path) {
        service.destinationDeleted(service.store().deleteDestination(path));
    }
}
