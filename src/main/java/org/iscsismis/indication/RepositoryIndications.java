package org.iscsismis.indication;

import org.iscsismis.cim.CimInstance;
import org.iscsismis.cim.CimNamespace;
import org.iscsismis.provider.InstanceIndications;
import org.iscsismis.repository.InstanceListener;

/** The life cycle of the repository's instances (Create/Modify/DeleteInstance, SetProperty) as indications. */
final class RepositoryIndications implements InstanceListener {

    private final IndicationService service;

    RepositoryIndications(IndicationService service) {
        this.service = service;
    }

    @Override
    public void created(CimNamespace namespace, CimInstance instance) {
        if (service.active()) {
            service.publish(namespace, InstanceIndications.creation(instance));
        }
    }

    @Override
    public void modified(CimNamespace namespace, CimInstance before, CimInstance after) {
        if (service.active()) {
            CimInstance m = InstanceIndications.modification(before, after);
            if (m != null) {
                service.publish(namespace, m);
            }
        }
    }

    @Override
    public void deleted(CimNamespace namespace, CimInstance instance) {
        if (service.active()) {
            service.publish(namespace, InstanceIndications.deletion(instance));
        }
    }
}
