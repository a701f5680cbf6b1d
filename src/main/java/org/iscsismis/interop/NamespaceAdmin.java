package org.iscsismis.interop;

import java.util.List;
import org.iscsismis.cim.CimNamespace;

/**
 * The server's namespaces, as the interop namespace shows and manages them. The server implements it over its
 * repository and provider registry; the interop providers decide what a client may do with it.
 */
public interface NamespaceAdmin {

    /** Every namespace, once each (an alias is not a namespace). */
    List<CimNamespace> namespaces();

    /** True if the server created {@code namespace} at start-up from its schema. */
    boolean isBuiltIn(CimNamespace namespace);

    /** True if providers serve classes of {@code namespace}. */
    boolean hasProviders(CimNamespace namespace);

    /**
     * Creates an empty repository-only namespace holding the standard qualifier declarations.
     *
     * @throws org.iscsismis.cim.CimException ALREADY_EXISTS if the name is taken (also by an alias)
     */
    void create(CimNamespace namespace);

    /**
     * Deletes a namespace.
     *
     * @throws org.iscsismis.cim.CimException INVALID_NAMESPACE if unknown; NAMESPACE_NOT_EMPTY if it holds classes
     */
    void delete(CimNamespace namespace);
}
