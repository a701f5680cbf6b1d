package org.iscsismis.indication;

import java.util.Map;
import org.iscsismis.cim.CimInstance;
import org.iscsismis.cim.CimNamespace;
import org.iscsismis.cim.ObjectPath;

/**
 * A CIM_IndicationFilter as stored: its instance (as created, keys completed), and its query compiled for each
 * source namespace it applies to. Immutable.
 */
record Filter(ObjectPath path, String name, CimInstance instance, Map<CimNamespace, SourceQuery> queries) {

    Filter {
        queries = Map.copyOf(queries);
    }

    /** The query for indications from {@code source}, or null if this filter does not look there. */
    SourceQuery queryFor(CimNamespace source) {
        return queries.get(source);
    }
}
