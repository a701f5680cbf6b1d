package org.iscsismis.mof;

import org.antlr.v4.runtime.Token;

/**
 * A semantic problem found while converting one element, reported at {@code token} (plus
 * {@code columnOffset} characters, for a bad escape inside a string). Caught by the compiler,
 * which turns it into a {@link MofDiagnostic} and goes on with the next element.
 */
final class MofFailure extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient Token token;
    private final int columnOffset;

    MofFailure(Token token, String message) {
        this(token, 0, message);
    }

    MofFailure(Token token, int columnOffset, String message) {
        super(message, null, false, false);
        this.token = token;
        this.columnOffset = columnOffset;
    }

    Token token() {
        return token;
    }

    int columnOffset() {
        return columnOffset;
    }
}
