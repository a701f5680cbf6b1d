package org.iscsismis.provider.registry;

import java.util.List;
import java.util.Objects;
import org.iscsismis.cim.CimName;
import org.iscsismis.cim.CimNamespace;
import org.iscsismis.provider.Provider;

/**
 * Who serves a class and its subclasses in one namespace: one {@link Entry} per class, the requested
 * class first, parents before children, each naming its provider or the repository. Immutable.
 *
 * @param namespace the namespace
 * @param className the requested class
 * @param entries   the class and every subclass, each once
 */
public record Route(CimNamespace namespace, CimName className, List<Entry> entries) {

    /** One class and who serves it. */
    public record Entry(CimName className, Provider provider) {

        public Entry {
            Objects.requireNonNull(className, "className must not be null");
        }

        /** True if the repository serves this class (no provider is registered for it). */
        public boolean isRepository() {
            return provider == null;
        }
    }

    public Route {
        Objects.requireNonNull(namespace, "namespace must not be null");
        Objects.requireNonNull(className, "className must not be null");
        entries = List.copyOf(entries);
    }

    /** True if no class of the route has a provider: the repository answers for all of them. */
    public boolean repositoryOnly() {
        for (Entry e : entries) {
            if (!e.isRepository()) {
                return false;
            }
        }
        return true;
    }
}
