package org.iscsismis.mof;

import org.antlr.v4.runtime.CharStream;
import org.antlr.v4.runtime.CommonTokenFactory;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.TokenFactory;
import org.antlr.v4.runtime.TokenSource;
import org.antlr.v4.runtime.misc.Pair;

/**
 * The tokens of a MOF source, for the generated {@link MofParser}: the lexer rules of {@code Mof.g4} written out
 * by hand. ANTLR's generated lexer simulates an automaton for every character, which made lexing a third of
 * compiling a DMTF schema (mostly the long Description strings); this loop over the text gives exactly the same
 * tokens (types, texts, lines and columns; {@code MofScannerTest} compares the two on the whole DMTF release and
 * on generated text), so {@link MofLexer} stays the specification.
 *
 * <p>As in the grammar: the longest match wins, a keyword wins over a name of the same length, keywords and
 * the letters of numbers and {@code #pragma} are matched ignoring ASCII case, whitespace and comments are
 * skipped, and any other character (or an unterminated string, char16 literal or comment) becomes a
 * {@code BAD_CHAR} token of one code point. Lines count {@code '\n'}; columns count code points from 0.
 */
final class MofScanner implements TokenSource {

    /** The source's characters: indexing an array is much cheaper than {@code String.charAt} before the JIT steps in. */
    private final char[] text;
    private final int end;
    private final MofText stream;
    private final Pair<TokenSource, CharStream> source;
    private int pos;
    /** Surrogate pairs in the token being scanned: each is two characters but one column. */
    private int pairs;
    /** True if the literal being scanned holds a backslash. */
    private boolean escapes;
    /** No comment closes after this index (see {@link #commentEnd}). */
    private int noCommentEndFrom = Integer.MAX_VALUE;
    private int line = 1;
    private int column;

    MofScanner(String text, String sourceName) {
        this.stream = new MofText(text, sourceName);
        this.text = stream.chars();
        this.end = this.text.length;
        this.source = new Pair<>(this, stream);
    }

    @Override
    public Token nextToken() {
        skipWhitespaceAndComments();
        int start = pos;
        int startLine = line;
        int startColumn = column;
        int type;
        pairs = 0;
        escapes = false;
        if (pos >= end) {
            type = Token.EOF;
        } else {
            type = scanToken(); // a token never holds a line end
            column += pos - start - pairs;
        }
        MofToken t = new MofToken(source, type, start, pos - 1, escapes);
        t.setLine(startLine);
        t.setCharPositionInLine(startColumn);
        return t;
    }

    /** Moves {@code pos} past one token starting at {@code pos} and returns its type. */
    private int scanToken() {
        char c = text[pos];
        switch (c) {
            case '(': pos++; return MofParser.LPAREN;
            case ')': pos++; return MofParser.RPAREN;
            case '{': pos++; return MofParser.LBRACE;
            case '}': pos++; return MofParser.RBRACE;
            case '[': pos++; return MofParser.LBRACKET;
            case ']': pos++; return MofParser.RBRACKET;
            case ';': pos++; return MofParser.SEMICOLON;
            case ':': pos++; return MofParser.COLON;
            case ',': pos++; return MofParser.COMMA;
            case '=': pos++; return MofParser.EQUALS;
            case '+': pos++; return MofParser.PLUS;
            case '-': pos++; return MofParser.MINUS;
            case '"': return quoted('"', 0, MofParser.STRING);
            case '\'': return quoted('\'', 1, MofParser.CHAR_LITERAL);
            case '#': return pragma();
            case '$': return alias();
            default:
                if (isDigit(c) || c == '.') {
                    return number();
                }
                if (isNameCharAt(pos, false)) {
                    return nameOrKeyword();
                }
                return badChar();
        }
    }

    // ------------------------------------------------------------------ whitespace and comments

    private void skipWhitespaceAndComments() {
        while (pos < end) {
            char c = text[pos];
            if (c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\u000B') {
                skipWhitespace();
            } else if (c == '/' && pos + 1 < end && text[pos + 1] == '/') {
                int stop = pos + 2;
                int commentPairs = 0;
                while (stop < end && text[stop] != '\n' && text[stop] != '\r') {
                    if (isPairAt(stop)) {
                        commentPairs++;
                        stop++;
                    }
                    stop++;
                }
                column += stop - pos - commentPairs;
                pos = stop;
            } else if (c == '/' && pos + 1 < end && text[pos + 1] == '*') {
                int close = commentEnd(pos + 2);
                if (close < 0) {
                    return; // unterminated: the '/' is a BAD_CHAR
                }
                advance(pos, close + 2);
                pos = close + 2;
            } else {
                return;
            }
        }
    }

    /** Past a run of whitespace (in locals: this loop runs for most characters of an indented file). */
    private void skipWhitespace() {
        int p = pos;
        int l = line;
        int col = column;
        while (p < end) {
            char c = text[p];
            if (c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\u000B') {
                col++;
            } else if (c == '\n') {
                l++;
                col = 0;
            } else {
                break;
            }
            p++;
        }
        pos = p;
        line = l;
        column = col;
    }

    /**
     * The index of the {@code *\/} that closes a comment whose text starts at {@code from}, or -1. Once a search
     * found none, none is found after it either: a file full of unclosed {@code /*} is still scanned in linear time.
     */
    private int commentEnd(int from) {
        if (from >= noCommentEndFrom) {
            return -1;
        }
        for (int i = from; i + 1 < end; i++) {
            if (text[i] == '*' && text[i + 1] == '/') {
                return i;
            }
        }
        noCommentEndFrom = from;
        return -1;
    }

    /** Line and column after the characters {@code [from, to)} (columns count code points). */
    private void advance(int from, int to) {
        int lineStart = from;
        for (int i = from; i < to; i++) {
            if (text[i] == '\n') {
                line++;
                column = 0;
                lineStart = i + 1;
            }
        }
        column += Character.codePointCount(text, lineStart, to - lineStart);
    }

    /** True if a surrogate pair (one code point) starts at {@code i}. */
    private boolean isPairAt(int i) {
        return Character.isHighSurrogate(text[i]) && i + 1 < end && Character.isLowSurrogate(text[i + 1]);
    }

    // ------------------------------------------------------------------ tokens

    /**
     * STRING ({@code "..."}, at least {@code min} = 0 characters) or CHAR_LITERAL ({@code '...'}, at least 1): a
     * backslash escapes any character but a line end; the literal must close on the same line.
     */
    private int quoted(char quote, int min, int type) {
        int i = pos + 1;
        int elements = 0;
        while (i < end) {
            char c = text[i];
            if (c == quote) {
                if (elements < min) {
                    break;
                }
                pos = i + 1;
                return type;
            }
            if (c == '\r' || c == '\n') {
                break;
            }
            if (c == '\\') {
                if (i + 1 >= end || text[i + 1] == '\r' || text[i + 1] == '\n') {
                    break;
                }
                escapes = true;
                i++;
            }
            if (isPairAt(i)) {
                pairs++;
                i++;
            }
            i++;
            elements++;
        }
        return badChar();
    }

    /** {@code '#' [ \t]* 'pragma'}. */
    private int pragma() {
        int i = pos + 1;
        while (i < end && (text[i] == ' ' || text[i] == '\t')) {
            i++;
        }
        if (matchesIgnoringAsciiCase(i, "pragma")) {
            pos = i + "pragma".length();
            return MofParser.PRAGMA;
        }
        return badChar();
    }

    /** {@code '$' [a-z_] [a-z0-9_]*}. */
    private int alias() {
        if (pos + 1 < end && isAsciiLetterOrUnderscore(text[pos + 1])) {
            int i = pos + 2;
            while (i < end && (isAsciiLetterOrUnderscore(text[i]) || isDigit(text[i]))) {
                i++;
            }
            pos = i;
            return MofParser.ALIAS;
        }
        return badChar();
    }

    /** The longest of REAL, HEX, BINARY and DECIMAL that matches here (they never tie). */
    private int number() {
        int digits = digitsFrom(pos);
        int best = 0;
        int type = MofParser.BAD_CHAR;
        if (digits > 0) {
            best = digits;
            type = MofParser.DECIMAL;
        }
        int dot = pos + digits;
        if (dot < end && text[dot] == '.') {
            int fraction = digitsFrom(dot + 1);
            if (fraction > 0) {
                int stop = dot + 1 + fraction;
                if (stop < end && (text[stop] == 'e' || text[stop] == 'E')) {
                    int sign = stop + 1 < end && (text[stop + 1] == '+' || text[stop + 1] == '-') ? 1 : 0;
                    int exponent = digitsFrom(stop + 1 + sign);
                    if (exponent > 0) {
                        stop += 1 + sign + exponent;
                    }
                }
                if (stop - pos > best) {
                    best = stop - pos;
                    type = MofParser.REAL;
                }
            }
        }
        if (text[pos] == '0' && pos + 1 < end && (text[pos + 1] == 'x' || text[pos + 1] == 'X')) {
            int hex = 0;
            while (pos + 2 + hex < end && isHexDigit(text[pos + 2 + hex])) {
                hex++;
            }
            if (hex > 0 && 2 + hex > best) {
                best = 2 + hex;
                type = MofParser.HEX;
            }
        }
        int bits = 0;
        while (pos + bits < end && (text[pos + bits] == '0' || text[pos + bits] == '1')) {
            bits++;
        }
        if (bits > 0 && pos + bits < end && (text[pos + bits] == 'b' || text[pos + bits] == 'B') && bits + 1 > best) {
            best = bits + 1;
            type = MofParser.BINARY;
        }
        if (type == MofParser.BAD_CHAR) {
            return badChar();
        }
        pos += best;
        return type;
    }

    private int nameOrKeyword() {
        int i = pos + 1;
        while (i < end && isNameCharAt(i, true)) {
            i++;
        }
        int type = keyword(pos, i - pos);
        pos = i;
        return type;
    }

    /** The keyword token type of the name at {@code [from, from + length)}, or IDENTIFIER. */
    private int keyword(int from, int length) {
        switch (length) {
            case 2:
                if (matchesIgnoringAsciiCase(from, "of")) {
                    return MofParser.OF;
                }
                if (matchesIgnoringAsciiCase(from, "as")) {
                    return MofParser.AS;
                }
                return MofParser.IDENTIFIER;
            case 3:
                return matchesIgnoringAsciiCase(from, "ref") ? MofParser.REF : MofParser.IDENTIFIER;
            case 4:
                if (matchesIgnoringAsciiCase(from, "true")) {
                    return MofParser.TRUE;
                }
                return matchesIgnoringAsciiCase(from, "null") ? MofParser.NULL : MofParser.IDENTIFIER;
            case 5:
                if (matchesIgnoringAsciiCase(from, "class")) {
                    return MofParser.CLASS;
                }
                if (matchesIgnoringAsciiCase(from, "scope")) {
                    return MofParser.SCOPE;
                }
                return matchesIgnoringAsciiCase(from, "false") ? MofParser.FALSE : MofParser.IDENTIFIER;
            case 6:
                return matchesIgnoringAsciiCase(from, "flavor") ? MofParser.FLAVOR : MofParser.IDENTIFIER;
            case 8:
                return matchesIgnoringAsciiCase(from, "instance") ? MofParser.INSTANCE : MofParser.IDENTIFIER;
            case 9:
                return matchesIgnoringAsciiCase(from, "qualifier") ? MofParser.QUALIFIER : MofParser.IDENTIFIER;
            default:
                return MofParser.IDENTIFIER;
        }
    }

    /** One code point the grammar has no other token for. */
    private int badChar() {
        escapes = false;
        pairs = 0;
        if (isPairAt(pos)) {
            pairs = 1;
            pos++;
        }
        pos++;
        return MofParser.BAD_CHAR;
    }

    // ------------------------------------------------------------------ character classes

    /** {@code word} (lower case ASCII) at {@code from}, each letter in either ASCII case. */
    private boolean matchesIgnoringAsciiCase(int from, String word) {
        if (from + word.length() > end) {
            return false;
        }
        for (int i = 0; i < word.length(); i++) {
            char c = text[from + i];
            if (c != word.charAt(i) && !(c >= 'A' && c <= 'Z' && (char) (c + ('a' - 'A')) == word.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private int digitsFrom(int from) {
        int i = from;
        while (i < end && isDigit(text[i])) {
            i++;
        }
        return i - from;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isHexDigit(char c) {
        return isDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }

    private static boolean isAsciiLetterOrUnderscore(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
    }

    /**
     * The character at {@code i} may be part of a name: {@code [a-z_\u00C0-\uFFFD]} ignoring case, and digits
     * after the first. A surrogate pair is one code point above U+FFFD, so not; a lone surrogate is its own code
     * point, in the range.
     */
    private boolean isNameCharAt(int i, boolean digits) {
        char c = text[i];
        if (isAsciiLetterOrUnderscore(c) || (digits && isDigit(c))) {
            return true;
        }
        if (c < '\u00C0' || c > '\uFFFD') {
            return false;
        }
        return !isPairAt(i);
    }

    // ------------------------------------------------------------------ TokenSource

    @Override
    public int getLine() {
        return line;
    }

    @Override
    public int getCharPositionInLine() {
        return column;
    }

    @Override
    public CharStream getInputStream() {
        return stream;
    }

    @Override
    public String getSourceName() {
        return stream.getSourceName();
    }

    @Override
    public void setTokenFactory(TokenFactory<?> factory) {
        throw new UnsupportedOperationException("MofScanner makes CommonTokens");
    }

    @Override
    public TokenFactory<?> getTokenFactory() {
        return CommonTokenFactory.DEFAULT;
    }
}
