package org.iscsismis.indication;

import java.util.List;
import org.iscsismis.cim.CimInstance;
import org.iscsismis.cim.CimName;
import org.iscsismis.cim.ObjectPath;
import org.iscsismis.provider.AbstractAssociationProvider;
import org.iscsismis.provider.AssociationEnds;
import org.iscsismis.provider.InstanceProvider;
import org.iscsismis.provider.AssociationQuery;
import org.iscsismis.provider.ProviderContext;
import org.iscsismis.provider.ResultSink;

/**
 * CIM_IndicationSubscription in the interop namespace, as instances (created, modified and deleted by clients) and
 * as the association between a filter and a listener destination. CreateInstance refuses a Filter or Handler that
 * does not exist (CIM_ERR_INVALID_PARAMETER) and stores nothing then; ModifyInstance takes SubscriptionState (2 or 4),
 * SubscriptionInfo and SubscriptionDuration.
 */
final class SubscriptionProvider extends AbstractAssociationProvider implements InstanceProvider {

    private final SubscriptionStore store;

    SubscriptionProvider(SubscriptionStore store) {
        this.store = store;
    }

    @Override
    public CimInstance getInstance(ProviderContext context, ObjectPath path) {
        return store.subscription(path).instance(context.clock().instant());
    }

    @Override
    public void enumerateInstances(ProviderContext context, CimName className, ResultSink<CimInstance> sink) {
        for (Subscription s : store.subscriptions()) {
            sink.deliver(s.instance(context.clock().instant()));
        }
    }

    @Override
    public void enumerateInstanceNames(ProviderContext context, CimName className, ResultSink<ObjectPath> sink) {
        for (Subscription s : store.subscriptions()) {
            sink.deliver(s.path());
        }
    }

    @Override
    public ObjectPath createInstance(ProviderContext context, CimInstance newInstance) {
        return store.createSubscription(newInstance, context.requester()).path();
    }

    @Override
    public void modifyInstance(ProviderContext context, CimInstance modified, List<CimName> propertyList) {
        store.modifySubscription(modified.path(), modified, propertyList);
    }

    @Override
    public void deleteInstance(ProviderContext context, ObjectPath path) {
        store.deleteSubscription(path);
    }

    @Override
    public void references(ProviderContext context, CimName associationClass, AssociationQuery query, ResultSink<CimInstance> sink) {
        for (Subscription s : store.subscriptions()) {
            CimInstance i = s.instance(context.clock().instant());
            if (AssociationEnds.refersTo(i, context.namespace(), query)) {
                sink.deliver(i);
            }
        }
    }
}
