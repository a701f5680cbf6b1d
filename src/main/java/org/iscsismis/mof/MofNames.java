package org.iscsismis.mof;

import java.util.HashMap;
import java.util.Map;

import org.antlr.v4.runtime.Token;
import org.iscsismis.cim.CimName;

/**
 * The names of one compilation: an identifier's text as a {@link CimName}, or the reason it is not one. Names are
 * made once per spelling: a schema repeats a few thousand names (qualifiers, types, properties) tens of thousands
 * of times, and checking and folding each again was a tenth of the compile. Not thread-safe: one per session.
 */
final class MofNames {

    private final Map<String, CimName> made = new HashMap<>();

    /** A name, or the reason it is not one. */
    static final class Named {
        private final CimName name;
        private final Token token;

        Named(CimName name, Token token) {
            this.name = name;
            this.token = token;
        }

        CimName get() {
            if (name == null) {
                throw new MofFailure(token, "'" + token.getText() + "' is not a valid name");
            }
            return name;
        }

        void ifValid(java.util.function.Consumer<CimName> action) {
            if (name != null) {
                action.accept(name);
            }
        }
    }

    Named name(MofParser.IdentifierContext id) {
        Token t = id.getStart();
        String text = t.getText();
        CimName name = made.get(text);
        if (name == null && CimName.isValid(text)) {
            name = CimName.of(text);
            made.put(text, name);
        }
        return new Named(name, t);
    }
}
