package org.iscsismis.query;

import java.util.List;
import java.util.Objects;
import org.iscsismis.cim.CimName;

/**
 * A parsed query, the same tree for the three languages.
 *
 * @param language   the language it was written in
 * @param selectList the selected properties, or null for {@code *} (FQL: always null)
 * @param fromClass  the FROM class (FQL: null, the class is the enumeration's)
 * @param alias      the CQL class alias ({@code FROM CIM_X AS x}), or null
 * @param where      the condition, or null when every instance is selected
 */
public record Query(QueryLanguage language, List<CimName> selectList, CimName fromClass, String alias, Expression where) {

    public Query {
        Objects.requireNonNull(language, "language must not be null");
        selectList = selectList == null ? null : List.copyOf(selectList);
        if (language.hasSelect() && fromClass == null) {
            throw new IllegalArgumentException(language + " needs a FROM class");
        }
    }
}
