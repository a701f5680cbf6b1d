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
 * CIM_IndicationFilter in the interop namespace: created and deleted by clients, never stored in the repository.
 * A filter cannot be modified (delete it and create another); deleting one that a subscription uses fails with
 * CIM_ERR_FAILED, as DSP1054 requires.
 */
final class FilterProvider extends AbstractInstanceProvider {

    private final SubscriptionStore store;

    FilterProvider(SubscriptionStore store) {
        this.store = store;
    }

    @Override
    public CimInstance getInstance(ProviderContext context, ObjectPath path) {
        return store.filter(path).instance();
    }

    @Override
    public void enumerateInstances(ProviderContext context, CimName className, ResultSink<CimInstance> sink) {
        for (Filter f : store.filters()) {
            sink.deliver(f.instance());
        }
    }

    @Override
    public ObjectPath createInstance(ProviderContext context, CimInstance newInstance) {
        return store.createFilter(newInstance, context.requester()).path();
    }

    @Override
    public void modifyInstance(ProviderContext context, CimInstance modified, List<CimName> propertyList) {
        throw new CimException(CimStatus.NOT_SUPPORTED, "An indication filter cannot be modified; delete it and create another");
    }

    @Override
    public void deleteInstance(ProviderContext context, ObjectPath path) {
        store.deleteFilter(path);
    }
}
