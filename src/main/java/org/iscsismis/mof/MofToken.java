package org.iscsismis.mof;

import org.antlr.v4.runtime.CharStream;
import org.antlr.v4.runtime.CommonToken;
import org.antlr.v4.runtime.TokenSource;
import org.antlr.v4.runtime.misc.Pair;

/**
 * A token of {@link MofScanner}: its text is cut from the source once, when first asked for (ANTLR's
 * {@code CommonToken} cuts it again on every call), and a string or char16 literal knows whether it holds a
 * backslash, so that a literal without escapes becomes its value in one copy.
 */
final class MofToken extends CommonToken {

    private static final long serialVersionUID = 1L;

    private final boolean escapes;

    MofToken(Pair<TokenSource, CharStream> source, int type, int start, int stop, boolean escapes) {
        super(source, type, DEFAULT_CHANNEL, start, stop);
        this.escapes = escapes;
    }

    @Override
    public String getText() {
        if (text == null) {
            text = super.getText();
        }
        return text;
    }

    /** The value of a string or char16 literal without escapes (its text without the quotes), else null. */
    String plainLiteral() {
        if (escapes || stop <= start || !(getInputStream() instanceof MofText source)) {
            return null;
        }
        return new String(source.chars(), start + 1, stop - start - 1);
    }
}
