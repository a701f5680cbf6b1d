package org.iscsismis.provider;

import java.util.function.Consumer;
import org.iscsismis.cim.CimInstance;

/**
 * A provider that raises indications. It is handed a publisher when the first subscription becomes active and loses
 * it when the last one goes, so it does no work for indications while nobody listens. It is registered like the
 * other providers: for an indication class, or (by a provider that also serves instances, associations or methods)
 * for any class; the publisher takes indications of any class, and the namespace of {@code context} is their source
 * namespace (what a filter's SourceNamespaces selects).
 *
 * <p>Publish life-cycle indications built by {@link InstanceIndications} (or alerts), in the order the changes
 * happened. The publisher is thread-safe and never blocks: it matches the subscriptions and queues the deliveries.
 */
public interface IndicationProvider extends Provider {

    /** Starts delivering indication instances to {@code publisher} (thread-safe, non-blocking). */
    void enableIndications(ProviderContext context, Consumer<CimInstance> publisher);

    /** Stops delivering indications. */
    void disableIndications(ProviderContext context);
}
