package org.iscsismis.dispatch;

import java.time.Clock;
import java.util.List;
import org.iscsismis.cim.CimNamespace;
import org.iscsismis.operation.CimRequest;
import org.iscsismis.provider.registry.ProviderRegistry;
import org.iscsismis.repository.CimRepository;
import org.iscsismis.repository.StandardQualifiers;
import org.iscsismis.testing.storage.StorageModel;

/** A repository with the {@link StorageModel} in {@link #NS} (hosts in {@link #HOSTS}), its providers registered. */
final class StorageFixture {

    static final CimNamespace NS = CimNamespace.of("root/store");
    static final CimNamespace HOSTS = CimNamespace.of("root/hosts");

    final CimRepository repo = new CimRepository();
    final ProviderRegistry registry = new ProviderRegistry(repo);
    final Dispatcher dispatcher;

    StorageFixture() {
        this(true);
    }

    StorageFixture(boolean withProviders) {
        this(withProviders, MemoryBudget.unlimited());
    }

    /** With providers, the buffered pulls charged to {@code memory}. */
    StorageFixture(MemoryBudget memory) {
        this(true, memory);
    }

    private StorageFixture(boolean withProviders, MemoryBudget memory) {
        repo.createNamespace(NS, StandardQualifiers.declarations());
        repo.createNamespace(HOSTS, StandardQualifiers.declarations());
        if (withProviders) {
            StorageModel.install(repo, registry, NS, HOSTS);
        } else {
            StorageModel.createClasses(repo, NS, HOSTS);
            StorageModel.seed(repo, NS, HOSTS);
        }
        dispatcher = new Dispatcher(repo, registry, Clock.systemUTC(), new org.iscsismis.provider.job.JobService(repo,
                Clock.systemUTC()), java.time.Duration.ZERO, PullLimits.DEFAULT, memory);
    }

    RecordingSink run(CimRequest r) {
        RecordingSink sink = new RecordingSink();
        dispatcher.execute(r, sink);
        return sink;
    }

    static <T> List<String> ids(List<T> items, java.util.function.Function<T, org.iscsismis.cim.ObjectPath> path) {
        return items.stream().map(i -> path.apply(i).key("Id").asString()).sorted().toList();
    }
}
