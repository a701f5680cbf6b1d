package org.iscsismis.provider.registry;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.iscsismis.cim.CimClass;
import org.iscsismis.cim.CimName;
import org.iscsismis.cim.CimNamespace;
import org.iscsismis.provider.AssociationProvider;
import org.iscsismis.provider.IndicationProvider;
import org.iscsismis.provider.InstanceProvider;
import org.iscsismis.provider.MethodProvider;
import org.iscsismis.provider.Provider;
import org.iscsismis.repository.CimRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which provider serves which (namespace, class). Classes without a provider are served by the
 * repository.
 *
 * <p>{@link #register} validates at once and refuses, with an {@link IllegalArgumentException}
 * naming the problem: an unknown namespace or class, a class already served, an association
 * provider for a class that is not an association, a provider implementing none of the SPI
 * interfaces, a provider that only raises indications ({@link IndicationProvider}) for a class that
 * is not an indication. The server registers its providers at start-up, before it listens.
 *
 * <p>Lookups read an immutable snapshot (replaced as a whole by each registration), so they take no
 * lock. {@link #route} also reads the repository's current class tree: classes created later are
 * served by the repository unless a provider was registered for them.
 *
 * <pre>{@code
 * ProviderRegistry registry = new ProviderRegistry(repository);
 * registry.register(NS, CimName.of("Test_Disk"), new DiskProvider());
 * Route r = registry.route(NS, CimName.of("CIM_StorageExtent"));  // Test_Disk → DiskProvider, others → repository
 * }</pre>
 */
public final class ProviderRegistry {

    private static final Logger LOG = LoggerFactory.getLogger(ProviderRegistry.class);

    private final CimRepository repository;
    private volatile Map<CimNamespace, Map<CimName, Provider>> snapshot = Map.of();

    public ProviderRegistry(CimRepository repository) {
        this.repository = Objects.requireNonNull(repository, "repository must not be null");
    }

    /**
     * Registers {@code provider} for exactly {@code className} in {@code namespace} (not its
     * subclasses: register each class served).
     *
     * @throws IllegalArgumentException if the namespace or class does not exist, the class is already
     *                                  served, or the provider cannot serve it
     */
    public synchronized void register(CimNamespace namespace, CimName className, Provider provider) {
        Objects.requireNonNull(namespace, "namespace must not be null");
        Objects.requireNonNull(className, "className must not be null");
        Objects.requireNonNull(provider, "provider must not be null");
        String what = "Cannot register provider " + provider.providerName() + " for " + namespace + ":" + className + ": ";
        if (!repository.hasNamespace(namespace)) {
            throw new IllegalArgumentException(what + "namespace " + namespace + " does not exist");
        }
        CimClass cls = repository.findClass(namespace, className);
        if (cls == null) {
            throw new IllegalArgumentException(what + "class " + className + " does not exist in namespace " + namespace);
        }
        boolean servesOperations = provider instanceof InstanceProvider || provider instanceof AssociationProvider
                || provider instanceof MethodProvider;
        if (!servesOperations && !(provider instanceof IndicationProvider)) {
            throw new IllegalArgumentException(what + "it implements none of InstanceProvider, AssociationProvider, MethodProvider, IndicationProvider");
        }
        if (provider instanceof AssociationProvider && !cls.isAssociation()) {
            throw new IllegalArgumentException(what + "it is an AssociationProvider but " + cls.name() + " is not an association");
        }
        if (!servesOperations && !cls.isIndication()) {
            throw new IllegalArgumentException(what + "it is only an IndicationProvider but " + cls.name() + " is not an indication");
        }
        Map<CimName, Provider> served = snapshot.getOrDefault(namespace, Map.of());
        Provider existing = served.get(className);
        if (existing != null) {
            throw new IllegalArgumentException(what + "the class is already served by " + existing.providerName());
        }
        Map<CimName, Provider> ns = new HashMap<>(served);
        ns.put(cls.name(), provider);
        Map<CimNamespace, Map<CimName, Provider>> next = new HashMap<>(snapshot);
        next.put(namespace, Map.copyOf(ns));
        snapshot = Map.copyOf(next);
        LOG.debug("registered {} for {}:{}", provider.providerName(), namespace, cls.name());
    }

    /** The provider registered for exactly {@code className}, or null (the repository serves it). */
    public Provider provider(CimNamespace namespace, CimName className) {
        Map<CimName, Provider> served = snapshot.get(namespace);
        return served == null ? null : served.get(className);
    }

    /** True if no provider is registered in {@code namespace}. */
    public boolean repositoryOnly(CimNamespace namespace) {
        return !snapshot.containsKey(namespace);
    }

    /** The classes served by providers in {@code namespace} (unmodifiable). */
    public Map<CimName, Provider> providers(CimNamespace namespace) {
        return snapshot.getOrDefault(namespace, Map.of());
    }

    /**
     * Who serves {@code className} and each of its subclasses in {@code namespace}; the requested
     * class comes first, then its subclasses, parents before children.
     *
     * @throws org.iscsismis.cim.CimException INVALID_NAMESPACE / INVALID_CLASS from the repository
     */
    public Route route(CimNamespace namespace, CimName className) {
        Map<CimName, Provider> served = snapshot.getOrDefault(namespace, Map.of());
        List<CimName> subclasses = repository.classNames(namespace, className, true);
        CimClass requested = repository.getClass(namespace, className);
        List<Route.Entry> entries = new ArrayList<>(subclasses.size() + 1);
        entries.add(new Route.Entry(requested.name(), served.get(className)));
        for (CimName sub : subclasses) {
            entries.add(new Route.Entry(sub, served.get(sub)));
        }
        return new Route(namespace, requested.name(), entries);
    }
}
