package org.iscsismis.provider;

/**
 * Marker of a provider: an object implementing at least one of {@link InstanceProvider},
 * {@link AssociationProvider} and {@link MethodProvider}. Registered in a
 * {@link org.iscsismis.provider.registry.ProviderRegistry} for the classes it serves.
 */
public interface Provider {

    /** A short name for logs and error messages; the simple class name by default. */
    default String providerName() {
        String n = getClass().getSimpleName();
        return n.isEmpty() ? getClass().getName() : n;
    }
}
