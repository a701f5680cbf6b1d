package org.iscsismis.indication;

import org.iscsismis.cim.CimInstance;
import org.iscsismis.query.ClassModel;
import org.iscsismis.query.CompiledQuery;

/** A filter's query as compiled for one of its source namespaces, with that namespace's classes for the FROM test. */
record SourceQuery(CompiledQuery query, ClassModel model) {

    /** True if {@code indication} is of the FROM class (or a subclass) and its condition is TRUE. */
    boolean selects(CimInstance indication) {
        return model.isSubclassOf(indication.className(), query.fromClass()) && query.matches(indication);
    }
}
