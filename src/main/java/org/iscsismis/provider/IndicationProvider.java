package org.iscsismis.provider;

import java.util.function.Consumer;
import org.iscsismis.cim.CimInstance;

/**
 * Placeholder of the indication hook (a later issue wires it): a provider that can raise
 * indications is handed a publisher when the first subscription for one of its classes appears,
 * and loses it when the last one goes. It is registered like the other providers: for an indication
 * class, or (by a provider that also serves instances, associations or methods) for any class. Not
 * called by the server yet.
 */
public interface IndicationProvider extends Provider {

    /** Starts delivering indication instances to {@code publisher} (thread-safe, non-blocking). */
    void enableIndications(ProviderContext context, Consumer<CimInstance> publisher);

    /** Stops delivering indications. */
    void disableIndications(ProviderContext context);
}
