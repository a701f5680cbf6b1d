package org.iscsismis.query;

import org.iscsismis.cim.CimException;
import org.iscsismis.cim.CimStatus;

/** CIM_ERR_INVALID_QUERY descriptions that point at the offending token: language, line, column, offset, the token. */
final class QueryErrors {

    private QueryErrors() {
    }

    static CimException at(QueryLanguage language, Token token, String problem) {
        return new CimException(CimStatus.INVALID_QUERY, "Invalid " + language.wireName() + " query at line " + token.line()
                + ", column " + token.column() + " (offset " + token.offset() + "), at " + token.shown() + ": " + problem);
    }
}
