package org.iscsismis.interop;

import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;
import org.iscsismis.cim.CimInstance;
import org.iscsismis.cim.CimName;
import org.iscsismis.cim.CimNamespace;
import org.iscsismis.cim.ObjectPath;
import org.iscsismis.provider.AssociationListProvider;
import org.iscsismis.provider.InstanceListProvider;
import org.iscsismis.provider.registry.ProviderRegistry;

/**
 * Everything the interop namespace describes, handed over by the server, and the registration of its providers.
 *
 * <pre>{@code
 * new InteropSetup(identity, access, namespaces, profiles).register(registry);
 * }</pre>
 *
 * @param identity   who the object manager is
 * @param access     what its CIM-XML access point offers
 * @param namespaces the server's namespaces
 * @param profiles   the SMI-S profiles implemented, with their conforming elements (the Server profile's is
 *                   {@link #objectManagerPath})
 * @param hostedServices other services of the interop namespace hosted by the object manager's system (the
 *                   indication service), tied to it by HostedService like the object manager
 */
public record InteropSetup(ServerIdentity identity, CimXmlAccess access, NamespaceAdmin namespaces,
                           List<ProfileRegistration> profiles, List<ObjectPath> hostedServices) {

    /** Why the interop elements are read-only, for the NOT_SUPPORTED description. */
    private static final String DESCRIBES_SERVER = "it describes the server itself";

    public InteropSetup {
        Objects.requireNonNull(identity, "identity must not be null");
        Objects.requireNonNull(access, "access must not be null");
        Objects.requireNonNull(namespaces, "namespaces must not be null");
        profiles = List.copyOf(profiles);
        hostedServices = List.copyOf(hostedServices);
    }

    public InteropSetup(ServerIdentity identity, CimXmlAccess access, NamespaceAdmin namespaces, List<ProfileRegistration> profiles) {
        this(identity, access, namespaces, profiles, List.of());
    }

    /** The path of the system hosting the object manager, in the interop namespace. */
    public static ObjectPath systemPath(ServerIdentity identity) {
        return new ServerElements(identity, new CimXmlAccess(Set.of(), false)).systemPath();
    }

    /** The object manager's path in the interop namespace: the Server profile's central instance. */
    public static ObjectPath objectManagerPath(ServerIdentity identity) {
        return new ServerElements(identity, new CimXmlAccess(Set.of(), false)).objectManagerPath();
    }

    /**
     * Registers the interop providers in {@link InteropNames#NAMESPACE}, and {@code MSFTSM_ElementConformsToProfileEx}
     * in each other namespace holding a conforming element (that namespace must declare the class).
     *
     * @throws IllegalArgumentException if a class is missing from its namespace, or the profiles name an unregistered one
     */
    public void register(ProviderRegistry registry) {
        ServerElements server = new ServerElements(identity, access);
        ProfileElements registration = new ProfileElements(profiles);
        NamespaceElements namespaceElements = new NamespaceElements(namespaces, server.objectManagerPath());

        InstanceListProvider serverProvider = new InstanceListProvider(server::elements, DESCRIBES_SERVER);
        for (CimName c : List.of(InteropNames.COMPUTER_SYSTEM, InteropNames.OBJECT_MANAGER, InteropNames.CIMXML_MECHANISM,
                InteropNames.SOFTWARE_IDENTITY)) {
            registry.register(InteropNames.NAMESPACE, c, serverProvider);
        }
        associations(registry, InteropNames.NAMESPACE, () -> server.associations(hostedServices), InteropNames.HOSTED_SERVICE,
                InteropNames.COMM_MECHANISM_FOR_MANAGER, InteropNames.ELEMENT_SOFTWARE_IDENTITY);

        NamespaceProvider namespaceProvider = new NamespaceProvider(namespaces, namespaceElements);
        registry.register(InteropNames.NAMESPACE, InteropNames.NAMESPACE_CLASS, namespaceProvider);
        registry.register(InteropNames.NAMESPACE, InteropNames.CIM_NAMESPACE, namespaceProvider);
        associations(registry, InteropNames.NAMESPACE, namespaceElements::namespacesInManager, InteropNames.NAMESPACE_IN_MANAGER);

        List<CimInstance> registered = registration.profiles();
        InstanceListProvider profileProvider = new InstanceListProvider(() -> registered, DESCRIBES_SERVER);
        registry.register(InteropNames.NAMESPACE, InteropNames.REGISTERED_PROFILE, profileProvider);
        registry.register(InteropNames.NAMESPACE, InteropNames.REGISTERED_SUBPROFILE, profileProvider);
        List<CimInstance> links = registration.profileLinks();
        associations(registry, InteropNames.NAMESPACE, () -> links, InteropNames.SUBPROFILE_REQUIRES_PROFILE,
                InteropNames.REFERENCED_PROFILE);
        List<CimInstance> conformance = registration.conformance();
        associations(registry, InteropNames.NAMESPACE, () -> conformance, InteropNames.ELEMENT_CONFORMS_TO_PROFILE);
        for (CimNamespace ns : registration.elementNamespaces()) {
            List<CimInstance> seenFromThere = registration.conformanceIn(ns);
            associations(registry, ns, () -> seenFromThere, InteropNames.ELEMENT_CONFORMS_TO_PROFILE_EX);
        }
    }

    private static void associations(ProviderRegistry registry, CimNamespace ns, Supplier<List<CimInstance>> instances,
                                     CimName... classes) {
        AssociationListProvider p = new AssociationListProvider(instances, DESCRIBES_SERVER);
        for (CimName c : classes) {
            registry.register(ns, c, p);
        }
    }
}
