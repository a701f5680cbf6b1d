package org.iscsismis.server;

import java.net.URI;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.iscsismis.cim.CimException;
import org.iscsismis.cim.ObjectPath;
import org.iscsismis.indication.IndicationSetup;
import org.iscsismis.interop.CimXmlAccess;
import org.iscsismis.interop.FunctionalProfile;
import org.iscsismis.interop.InteropNames;
import org.iscsismis.interop.InteropSetup;
import org.iscsismis.interop.ServerIdentity;
import org.iscsismis.iscsi.provider.StorageElements;
import org.iscsismis.provider.registry.ProviderRegistry;
import org.iscsismis.repository.CimRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The start-up phase that describes the server in the interop namespace: the other name of {@code root/interop}, if
 * one is configured, and the interop providers (the object manager, the namespaces and the SMI-S profiles with their
 * central instances, the storage ones only with the iSCSI target).
 */
final class InteropRegistration {

    /** The start-up's warnings keep the server's logger name, as operators know them. */
    private static final Logger LOG = LoggerFactory.getLogger(IscsiSmisServer.class);

    private InteropRegistration() {
    }

    /** Who the server says it is: product, version, vendor, and the system it runs as. */
    static ServerIdentity identity() {
        return new ServerIdentity(IscsiSmisServer.PRODUCT, ServerVersion.current(), IscsiSmisServer.PRODUCT + " project",
                StorageElements.SYSTEM_NAME);
    }

    static void register(ServerConfig config, boolean authentication, Supplier<List<URI>> accessPoints,
                         CimRepository repository, ProviderRegistry registry, boolean iscsiTarget, boolean indications) {
        config.interopAlias().ifPresent(alias -> {
            try {
                repository.addNamespaceAlias(alias, InteropNames.NAMESPACE);
            } catch (CimException e) {
                throw new ConfigurationException(ServerConfig.INTEROP_ALIAS + ": " + e.getMessage());
            }
        });
        if (!InteropNames.CLASSES.stream().allMatch(c -> repository.hasClass(InteropNames.NAMESPACE, c))) {
            LOG.warn("The schema lacks interop classes {}: the interop providers are not registered", InteropNames.CLASSES);
            return;
        }
        ServerIdentity identity = identity();
        ObjectPath indicationService = indications ? IndicationSetup.servicePath(InteropSetup.systemPath(identity)) : null;
        Set<FunctionalProfile> operations = new HashSet<>(IscsiSmisServer.FUNCTIONAL_PROFILES);
        if (indications) {
            operations.add(FunctionalProfile.INDICATIONS);
        }
        new InteropSetup(identity, new CimXmlAccess(operations, authentication,
                config.pullLimits().maxTimeout().toSeconds(), accessPoints),
                new RepositoryNamespaces(repository, registry), ServerProfiles.of(identity, iscsiTarget, indicationService),
                indicationService == null ? List.of() : List.of(indicationService)).register(registry);
    }
}
