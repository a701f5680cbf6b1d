package org.iscsismis.server;

import org.iscsismis.cim.CimInstance;
import org.iscsismis.cim.CimNamespace;
import org.iscsismis.cimxml.EncodedInstances;
import org.iscsismis.repository.InstanceListener;

/**
 * Drops the encoded copies of stored instances as they are deleted or modified, so that the cache's budget goes to
 * the instances that replace them instead of waiting for a full collection to clear the old ones.
 */
final class ForgetChangedInstances implements InstanceListener {

    private final EncodedInstances encoded;

    ForgetChangedInstances(EncodedInstances encoded) {
        this.encoded = encoded;
    }

    @Override
    public void created(CimNamespace namespace, CimInstance instance) {
        // nothing was kept of an instance that did not exist
    }

    @Override
    public void modified(CimNamespace namespace, CimInstance before, CimInstance after) {
        encoded.forget(before);
    }

    @Override
    public void deleted(CimNamespace namespace, CimInstance instance) {
        encoded.forget(instance);
    }
}
