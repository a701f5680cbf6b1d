/**
 * The provider SPI: what a provider implements to serve CIM classes.
 *
 * <p>A provider implements one or more of {@link org.iscsismis.provider.InstanceProvider},
 * {@link org.iscsismis.provider.AssociationProvider} and {@link org.iscsismis.provider.MethodProvider}
 * (each extends the marker {@link org.iscsismis.provider.Provider}), usually by extending the
 * matching {@code Abstract…} base whose methods answer CIM_ERR_NOT_SUPPORTED, and is registered
 * for the exact (namespace, class) pairs it serves in a
 * {@link org.iscsismis.provider.registry.ProviderRegistry}.
 *
 * <p>Providers see CIM objects only: never XML, HTTP, the dispatcher or the server's threads. They
 * deliver results one at a time into a {@link org.iscsismis.provider.ResultSink}, never as lists,
 * and return full instances: the dispatcher applies PropertyList, IncludeQualifiers,
 * IncludeClassOrigin, LocalOnly and DeepInheritance once for every provider.
 *
 * <p>Threading: a provider is called concurrently from many request threads and must guard its
 * own state. A sink call may block (it writes to the network); a provider must not hold a lock
 * that other requests need while it calls the sink.
 */
package org.iscsismis.provider;
