package org.iscsismis.server;

import org.iscsismis.iscsi.provider.FaultInjectionProvider;
import org.iscsismis.iscsi.provider.StorageElements;
import org.iscsismis.repository.CimRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether {@code ISMIS_FaultInjectionService} exists. The packaged schema declares it (so {@code mof check} checks
 * it with the rest); unless fault injection is enabled, the server removes it from the namespace before serving,
 * so a client finds no such class at all rather than one whose methods refuse.
 */
final class FaultInjectionSchema {

    private static final Logger LOG = LoggerFactory.getLogger(FaultInjectionSchema.class);

    private FaultInjectionSchema() {
    }

    /**
     * @throws ConfigurationException if fault injection is enabled but the schema lacks the class or the iSCSI target
     */
    static void apply(ServerConfig config, CimRepository repository, boolean iscsiTarget) {
        boolean declared = repository.hasNamespace(StorageElements.NAMESPACE)
                && repository.hasClass(StorageElements.NAMESPACE, FaultInjectionProvider.CLASS);
        if (config.faultsEnabled()) {
            if (!declared || !iscsiTarget) {
                throw new ConfigurationException(ServerConfig.FAULTS_ENABLED + "=true needs the iSCSI target classes and "
                        + FaultInjectionProvider.CLASS + " in " + StorageElements.NAMESPACE + ", which the schema lacks");
            }
            LOG.warn("Fault injection is enabled: {} can fail volumes and cut replication links", FaultInjectionProvider.CLASS);
        } else if (declared) {
            repository.deleteClass(StorageElements.NAMESPACE, FaultInjectionProvider.CLASS);
        }
    }
}
