package org.iscsismis.operation;

import java.util.Objects;
import org.iscsismis.cim.CimNamespace;

/**
 * DSP0200 ExecQuery: Runs a query.
 *
 * <p>All parameters are required; there are no defaults.
 *
 * @param namespace the target namespace
 * @param queryLanguage QueryLanguage (required, e.g. WQL, DMTF:CQL)
 * @param query Query (required)
 */
public record ExecQueryRequest(CimNamespace namespace, String queryLanguage, String query) implements CimRequest {

    /** The DSP0200 operation name. */
    public static final String NAME = "ExecQuery";

    public ExecQueryRequest {
        Objects.requireNonNull(namespace, "namespace must not be null");
        Objects.requireNonNull(queryLanguage, "QueryLanguage must not be null");
        Objects.requireNonNull(query, "Query must not be null");
    }

    @Override
    public String operationName() {
        return NAME;
    }
}
