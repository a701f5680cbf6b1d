package org.iscsismis.mof;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.antlr.v4.runtime.Token;
import org.iscsismis.cim.CimName;

/** The names of a MOF source: an identifier's text as a {@link CimName}, or the reason it is not one. */
final class MofNames {

    private MofNames() {
    }

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

    /**
     * Names already made, by spelling: a schema repeats a few hundred names (qualifiers, types, properties) tens
     * of thousands of times. Bounded: past {@value #MAX_CACHED_NAMES} spellings, names are made each time.
     */
    private static final Map<String, CimName> NAMES = new ConcurrentHashMap<>();
    private static final int MAX_CACHED_NAMES = 16_384;

    static Named name(MofParser.IdentifierContext id) {
        Token t = id.getStart();
        String text = t.getText();
        CimName name = NAMES.get(text);
        if (name == null && CimName.isValid(text)) {
            name = CimName.of(text);
            if (NAMES.size() < MAX_CACHED_NAMES) {
                NAMES.putIfAbsent(text, name);
            }
        }
        return new Named(name, t);
    }
}
