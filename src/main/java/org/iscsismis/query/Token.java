package org.iscsismis.query;

/**
 * One token of a query text with where it starts (offset from 0, line and column from 1), so an
 * error can point at it.
 *
 * @param kind   what the token is
 * @param text   the token as written (a string literal without its quotes, unescaped)
 * @param offset where it starts in the query text
 * @param line   its line, from 1
 * @param column its column, from 1
 */
record Token(Kind kind, String text, int offset, int line, int column) {

    enum Kind {
        /** A name or keyword (keywords are told apart by the parser, case-insensitively). */
        IDENTIFIER,
        STRING,
        /** Decimal, hexadecimal ({@code 0x1F}) or binary ({@code 101b}) integer, unsigned. */
        INTEGER,
        REAL,
        /** {@code = <> != < <= > >=}. */
        OPERATOR,
        LPAREN, RPAREN, COMMA, DOT, STAR, LBRACKET, RBRACKET, LBRACE, RBRACE,
        /** A sign before a number ({@code -}, {@code +}). */
        SIGN,
        /** {@code ::} (CQL scoping), {@code #} and other characters no language here uses. */
        OTHER,
        END
    }

    /** True for an identifier spelled {@code keyword} in any case. */
    boolean is(String keyword) {
        return kind == Kind.IDENTIFIER && text.equalsIgnoreCase(keyword);
    }

    /** How an error message shows the token. */
    String shown() {
        return switch (kind) {
            case END -> "the end of the query";
            case STRING -> "'" + text + "'";
            default -> "'" + text + "'";
        };
    }
}
