package org.iscsismis.indication;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.iscsismis.cim.CimNamespace;
import org.iscsismis.cim.ObjectPath;
import org.iscsismis.provider.IndicationProvider;
import org.iscsismis.provider.Provider;
import org.iscsismis.provider.ProviderContext;
import org.iscsismis.provider.job.JobService;
import org.iscsismis.provider.AssociationListProvider;
import org.iscsismis.provider.InstanceListProvider;
import org.iscsismis.provider.registry.ProviderRegistry;
import org.iscsismis.repository.CimRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Puts an {@link IndicationService} to work in a server: its providers in the interop namespace, and its sources
 * (the repository's instance changes, the jobs, and every registered {@link IndicationProvider}, enabled while a
 * subscription is and disabled when the last one goes).
 *
 * <pre>{@code
 * IndicationSetup.register(service, repository, registry, jobs);
 * }</pre>
 */
public final class IndicationSetup {

    private static final Logger LOG = LoggerFactory.getLogger(IndicationSetup.class);

    private IndicationSetup() {
    }

    /** The path of the CIM_IndicationService instance (the Indications profile's central instance). */
    public static ObjectPath servicePath(ObjectPath hostSystem) {
        return ServiceElements.servicePath(HostedKeys.of(hostSystem));
    }

    /**
     * @throws IllegalArgumentException if the interop namespace lacks one of {@link IndicationNames#CLASSES}
     */
    public static void register(IndicationService service, CimRepository repository, ProviderRegistry registry, JobService jobs) {
        CimNamespace ns = service.keys().namespace();
        registry.register(ns, IndicationNames.FILTER, new FilterProvider(service.store()));
        registry.register(ns, IndicationNames.DESTINATION, new DestinationProvider(service));
        registry.register(ns, IndicationNames.SUBSCRIPTION, new SubscriptionProvider(service.store()));
        ServiceElements elements = new ServiceElements(service);
        String origin = "it describes the indication service, whose settings come from the server's configuration";
        InstanceListProvider serviceProvider = new InstanceListProvider(elements::all, origin);
        registry.register(ns, IndicationNames.SERVICE, serviceProvider);
        registry.register(ns, IndicationNames.CAPABILITIES, serviceProvider);
        AssociationListProvider links = new AssociationListProvider(elements::all, origin);
        registry.register(ns, IndicationNames.ELEMENT_CAPABILITIES, links);
        registry.register(ns, IndicationNames.SERVICE_AFFECTS_ELEMENT, links);
        repository.addInstanceListener(new RepositoryIndications(service));
        jobs.setListener(new JobIndications(service));
        service.addActivityListener(new ProviderSwitch(service, repository, registry));
    }

    /** Enables every indication provider when the first subscription is enabled, disables them after the last one. */
    private static final class ProviderSwitch implements java.util.function.Consumer<Boolean> {
        private final IndicationService service;
        private final CimRepository repository;
        private final ProviderRegistry registry;

        ProviderSwitch(IndicationService service, CimRepository repository, ProviderRegistry registry) {
            this.service = service;
            this.repository = repository;
            this.registry = registry;
        }

        @Override
        public void accept(Boolean on) {
            for (CimNamespace ns : repository.namespaces()) {
                ProviderContext context = new ProviderContext(ns, repository, service.clock());
                for (IndicationProvider p : indicationProviders(ns)) {
                    try {
                        if (on) {
                            p.enableIndications(context, indication -> service.publish(ns, indication));
                        } else {
                            p.disableIndications(context);
                        }
                    } catch (RuntimeException e) {
                        LOG.error("Indication provider {} failed to {} in {}", p.providerName(), on ? "start" : "stop", ns, e);
                    }
                }
            }
        }

        private List<IndicationProvider> indicationProviders(CimNamespace ns) {
            Map<Provider, Boolean> seen = new IdentityHashMap<>();
            List<IndicationProvider> out = new ArrayList<>();
            for (Provider p : registry.providers(ns).values()) {
                if (p instanceof IndicationProvider ip && seen.put(p, Boolean.TRUE) == null) {
                    out.add(ip);
                }
            }
            return out;
        }
    }
}
