package org.iscsismis.provider;

import org.iscsismis.cim.CimInstance;
import org.iscsismis.cim.CimName;
import org.iscsismis.cim.ObjectPath;

/**
 * Serves the instances of association classes: which association instances refer to an object.
 * Extend {@link AbstractAssociationProvider}; it answers CIM_ERR_NOT_SUPPORTED for
 * {@link #references} and derives {@link #referenceNames} and {@link #associatorNames} from it.
 *
 * <p>The dispatcher builds all four DSP0200 association operations on these calls: References
 * and ReferenceNames deliver what {@link #references} / {@link #referenceNames} give;
 * Associators and AssociatorNames take the far-end paths from {@link #associatorNames}, and
 * Associators then fetches each far-end instance from <em>its</em> server (its provider or the
 * repository, perhaps in another namespace), skipping dangling references. So an association
 * provider never needs to know who serves the objects it links.
 *
 * <p><b>What the dispatcher has already done:</b> the namespace exists; {@code associationClass}
 * exists, is an association, is served by this provider (registered for exactly that class), and
 * passes the request's AssocClass filter (Associators) or ResultClass filter (References); it has a
 * reference property that can point at the source object (named {@code query.role()} if given).
 * The source path carries its namespace (the request's when the client gave none), no host, and
 * its class exists.
 *
 * <p><b>What the dispatcher does afterwards:</b> it checks that each association instance is of
 * {@code associationClass} (CIM_ERR_FAILED otherwise) and that each far-end path is of the
 * ResultClass (others are dropped), sets host and namespace on the answers, and applies
 * PropertyList, IncludeQualifiers and IncludeClassOrigin.
 *
 * <p><b>What the provider must do:</b> deliver only association instances of
 * {@code associationClass} whose reference named {@code query.role()} (any reference, if null)
 * points at {@code query.objectName()}; and, for associatorNames, only far ends reached through a
 * reference named {@code query.resultRole()} (any other reference, if null). A source object that
 * does not exist simply has no associations (deliver nothing). References may point into other
 * namespaces: give them a namespace then. Called concurrently from many threads.
 *
 * <p><b>Locks:</b> never hold a lock of your own while calling the sink. For Associators the
 * dispatcher fetches each far end (possibly from another provider) while your call is still on the
 * stack, so a lock held across {@code deliver} can deadlock against that provider.
 */
public interface AssociationProvider extends Provider {

    /**
     * Delivers the full association instances (with paths) of {@code associationClass} that refer to
     * {@code query.objectName()} through {@code query.role()}.
     */
    void references(ProviderContext context, CimName associationClass, AssociationQuery query, ResultSink<CimInstance> sink);

    /** The paths of {@link #references}. */
    void referenceNames(ProviderContext context, CimName associationClass, AssociationQuery query, ResultSink<ObjectPath> sink);

    /**
     * Delivers the paths of the objects at the far end of the association instances of
     * {@code associationClass} that refer to {@code query.objectName()} through {@code query.role()},
     * reached through {@code query.resultRole()}; a far end may be delivered once per association
     * instance (the dispatcher removes duplicates).
     */
    void associatorNames(ProviderContext context, CimName associationClass, AssociationQuery query, ResultSink<ObjectPath> sink);
}
