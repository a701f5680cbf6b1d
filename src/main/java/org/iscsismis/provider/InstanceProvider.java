package org.iscsismis.provider;

import java.util.List;
import org.iscsismis.cim.CimInstance;
import org.iscsismis.cim.CimName;
import org.iscsismis.cim.ObjectPath;

/**
 * Serves the instances of the classes it is registered for. Extend {@link AbstractInstanceProvider}
 * and override what you support; the rest answers CIM_ERR_NOT_SUPPORTED.
 *
 * <p><b>What the dispatcher has already done before any call:</b> the namespace exists; the class
 * exists in it and is served by this provider (registered for exactly that class); instance paths
 * name that class, carry exactly its key properties converted to their declared types, carry the
 * request's namespace and no host (INVALID_PARAMETER otherwise, without calling the provider).
 *
 * <p><b>What the dispatcher does afterwards:</b> it checks that every instance returned is of the
 * class asked for (otherwise the request fails with CIM_ERR_FAILED naming the provider), fills in
 * a missing instance path from the key properties, and applies LocalOnly, DeepInheritance,
 * IncludeQualifiers, IncludeClassOrigin and PropertyList. So return <em>full</em> instances with
 * every property you know; qualifiers and class origins are not needed.
 *
 * <p><b>What the provider must check:</b> that the instance exists (NOT_FOUND), that a new one
 * does not (ALREADY_EXISTS), that values are acceptable (INVALID_PARAMETER, or FAILED for a
 * refusal of the managed resource). A {@link org.iscsismis.cim.CimException} thrown passes to the
 * client as is; any other RuntimeException becomes CIM_ERR_FAILED naming the provider and class,
 * and is logged.
 *
 * <p>Called concurrently from many threads.
 */
public interface InstanceProvider extends Provider {

    /**
     * The instance named by {@code path} (of class {@code path.className()}).
     *
     * @throws org.iscsismis.cim.CimException NOT_FOUND if it does not exist
     */
    CimInstance getInstance(ProviderContext context, ObjectPath path);

    /**
     * Delivers every instance of {@code className} (exactly that class: subclasses are asked for
     * separately, from their own provider or the repository).
     */
    void enumerateInstances(ProviderContext context, CimName className, ResultSink<CimInstance> sink);

    /** Delivers the path of every instance of {@code className} (namespace optional, no host needed). */
    void enumerateInstanceNames(ProviderContext context, CimName className, ResultSink<ObjectPath> sink);

    /**
     * Creates an instance. The dispatcher has checked that {@code newInstance}'s class exists and is
     * served here; its properties are as the client sent them (the provider checks names and values).
     *
     * @return the path of the created instance (the provider may assign keys)
     * @throws org.iscsismis.cim.CimException ALREADY_EXISTS, INVALID_PARAMETER, NO_SUCH_PROPERTY …
     */
    ObjectPath createInstance(ProviderContext context, CimInstance newInstance);

    /**
     * Modifies an instance; {@code modified.path()} is normalised as described above.
     *
     * @param propertyList null: every property present in {@code modified}; otherwise only these
     * @throws org.iscsismis.cim.CimException NOT_FOUND; INVALID_PARAMETER when a key would change
     */
    void modifyInstance(ProviderContext context, CimInstance modified, List<CimName> propertyList);

    /** @throws org.iscsismis.cim.CimException NOT_FOUND if it does not exist */
    void deleteInstance(ProviderContext context, ObjectPath path);
}
