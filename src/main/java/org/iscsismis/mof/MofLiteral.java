package org.iscsismis.mof;

import java.math.BigInteger;
import java.util.List;

import org.antlr.v4.runtime.Token;

/**
 * A MOF value as written, before it meets a type: the compiler turns parse trees into these
 * and {@link MofValues} coerces them to the declared type.
 *
 * @param kind  what was written
 * @param value INTEGER: {@link BigInteger}; REAL: {@link String} (signed text, parsed per type);
 *              STRING: decoded {@link String}; CHAR: {@link Character}; BOOLEAN: {@link Boolean};
 *              ALIAS: the alias name without '$'; ARRAY: {@code List<MofLiteral>}; NULL: null
 * @param token the first token, for diagnostics
 */
record MofLiteral(Kind kind, Object value, Token token) {

    enum Kind { INTEGER, REAL, STRING, CHAR, BOOLEAN, NULL, ALIAS, ARRAY }

    @SuppressWarnings("unchecked")
    List<MofLiteral> elements() {
        return (List<MofLiteral>) value;
    }

    /** For messages: {@code the integer 42}, {@code the string "abc"}, {@code an array of 3 values}. */
    String describe() {
        switch (kind) {
            case INTEGER: return "the integer " + value;
            case REAL: return "the real number " + value;
            case STRING: {
                String s = (String) value;
                return "the string \"" + (s.length() > 40 ? s.substring(0, 37) + "..." : s) + "\"";
            }
            case CHAR: return "the char16 '" + value + "'";
            case BOOLEAN: return "the boolean " + ((Boolean) value ? "TRUE" : "FALSE");
            case NULL: return "NULL";
            case ALIAS: return "the alias $" + value;
            default: return "an array of " + elements().size() + " value" + (elements().size() == 1 ? "" : "s");
        }
    }
}
