package org.iscsismis.server;

import java.util.List;
import java.util.Set;
import org.iscsismis.cim.CimNamespace;
import org.iscsismis.interop.NamespaceAdmin;
import org.iscsismis.provider.registry.ProviderRegistry;
import org.iscsismis.repository.CimRepository;
import org.iscsismis.repository.StandardQualifiers;

/** The interop namespace's view of the repository's namespaces; those present at start-up are the built-in ones. */
final class RepositoryNamespaces implements NamespaceAdmin {

    private final CimRepository repository;
    private final ProviderRegistry registry;
    private final Set<CimNamespace> builtIn;

    /** Call once the schema is loaded: the namespaces existing now are the built-in ones. */
    RepositoryNamespaces(CimRepository repository, ProviderRegistry registry) {
        this.repository = repository;
        this.registry = registry;
        this.builtIn = Set.copyOf(repository.namespaces());
    }

    @Override
    public List<CimNamespace> namespaces() {
        return repository.namespaces();
    }

    @Override
    public boolean isBuiltIn(CimNamespace namespace) {
        return builtIn.contains(namespace);
    }

    @Override
    public boolean hasProviders(CimNamespace namespace) {
        return !registry.repositoryOnly(namespace);
    }

    @Override
    public void create(CimNamespace namespace) {
        repository.createNamespace(namespace, StandardQualifiers.declarations());
    }

    @Override
    public void delete(CimNamespace namespace) {
        repository.deleteNamespace(namespace);
    }
}
