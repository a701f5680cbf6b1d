package org.iscsismis.query;

import java.util.ArrayList;
import java.util.List;
import org.iscsismis.query.Token.Kind;

/**
 * Splits a query text into {@link Token}s. String literals are quoted with {@code '} (WQL also
 * {@code "}); WQL escapes with a backslash ({@code \'}, {@code \\}) as WMI does, CQL and FQL double the
 * quote ({@code ''}) and keep backslashes, which their LIKE patterns use as the escape character.
 */
final class QueryLexer {

    private final String text;
    private final QueryLanguage language;
    private int pos;
    private int line = 1;
    private int lineStart;

    private QueryLexer(String text, QueryLanguage language) {
        this.text = text;
        this.language = language;
    }

    /** The tokens of {@code text}, ending with an END token; CIM_ERR_INVALID_QUERY for an unterminated string. */
    static List<Token> tokens(String text, QueryLanguage language) {
        return new QueryLexer(text, language).all();
    }

    private List<Token> all() {
        List<Token> out = new ArrayList<>();
        while (true) {
            skipBlanks();
            if (pos >= text.length()) {
                out.add(new Token(Kind.END, "", pos, line, pos - lineStart + 1));
                return out;
            }
            out.add(next());
        }
    }

    private void skipBlanks() {
        while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
            if (text.charAt(pos) == '\n') {
                line++;
                lineStart = pos + 1;
            }
            pos++;
        }
    }

    private Token next() {
        int start = pos;
        int column = pos - lineStart + 1;
        char c = text.charAt(pos);
        if (c == '\'' || (c == '"' && language == QueryLanguage.WQL)) {
            return new Token(Kind.STRING, string(c, start, column), start, line, column);
        }
        if (Character.isLetter(c) || c == '_') {
            while (pos < text.length() && (Character.isLetterOrDigit(text.charAt(pos)) || text.charAt(pos) == '_')) {
                pos++;
            }
            return token(Kind.IDENTIFIER, start, column);
        }
        if (Character.isDigit(c) || (c == '.' && pos + 1 < text.length() && Character.isDigit(text.charAt(pos + 1)))) {
            return number(start, column);
        }
        pos++;
        switch (c) {
            case '(': return token(Kind.LPAREN, start, column);
            case ')': return token(Kind.RPAREN, start, column);
            case ',': return token(Kind.COMMA, start, column);
            case '.': return token(Kind.DOT, start, column);
            case '*': return token(Kind.STAR, start, column);
            case '[': return token(Kind.LBRACKET, start, column);
            case ']': return token(Kind.RBRACKET, start, column);
            case '{': return token(Kind.LBRACE, start, column);
            case '}': return token(Kind.RBRACE, start, column);
            case '-': case '+': return token(Kind.SIGN, start, column);
            case '=': return token(Kind.OPERATOR, start, column);
            case '<':
                if (pos < text.length() && (text.charAt(pos) == '=' || text.charAt(pos) == '>')) {
                    pos++;
                }
                return token(Kind.OPERATOR, start, column);
            case '>':
                if (pos < text.length() && text.charAt(pos) == '=') {
                    pos++;
                }
                return token(Kind.OPERATOR, start, column);
            case '!':
                if (pos < text.length() && text.charAt(pos) == '=') {
                    pos++;
                    return token(Kind.OPERATOR, start, column);
                }
                return token(Kind.OTHER, start, column);
            case ':':
                if (pos < text.length() && text.charAt(pos) == ':') {
                    pos++;
                }
                return token(Kind.OTHER, start, column);
            default:
                if (Character.isHighSurrogate(c) && pos < text.length()) {
                    pos++;
                }
                return token(Kind.OTHER, start, column);
        }
    }

    private Token token(Kind kind, int start, int column) {
        return new Token(kind, text.substring(start, pos), start, line, column);
    }

    private String string(char quote, int start, int column) {
        StringBuilder sb = new StringBuilder();
        pos++;
        while (pos < text.length()) {
            char c = text.charAt(pos++);
            if (c == quote) {
                if (language != QueryLanguage.WQL && pos < text.length() && text.charAt(pos) == quote) {
                    sb.append(quote);
                    pos++;
                    continue;
                }
                return sb.toString();
            }
            if (c == '\\' && language == QueryLanguage.WQL && pos < text.length()) {
                c = text.charAt(pos++);
            } else if (c == '\n') {
                line++;
                lineStart = pos;
            }
            sb.append(c);
        }
        throw QueryErrors.at(language, new Token(Kind.STRING, text.substring(start), start, line, column),
                "the string literal is not terminated (a closing " + quote + " is missing)");
    }

    private Token number(int start, int column) {
        if (text.startsWith("0x", pos) || text.startsWith("0X", pos)) {
            int digits = pos + 2;
            int end = digits;
            while (end < text.length() && Character.digit(text.charAt(end), 16) >= 0) {
                end++;
            }
            if (end > digits) {
                pos = end;
                return token(Kind.INTEGER, start, column);
            }
        }
        int end = pos;
        while (end < text.length() && (text.charAt(end) == '0' || text.charAt(end) == '1')) {
            end++;
        }
        if (end > pos && end < text.length() && (text.charAt(end) == 'b' || text.charAt(end) == 'B')
                && (end + 1 == text.length() || !Character.isLetterOrDigit(text.charAt(end + 1)))) {
            pos = end + 1;
            return token(Kind.INTEGER, start, column);
        }
        boolean real = false;
        while (pos < text.length() && Character.isDigit(text.charAt(pos))) {
            pos++;
        }
        if (pos < text.length() && text.charAt(pos) == '.' && pos + 1 < text.length() && Character.isDigit(text.charAt(pos + 1))) {
            real = true;
            pos++;
            while (pos < text.length() && Character.isDigit(text.charAt(pos))) {
                pos++;
            }
        }
        if (pos < text.length() && (text.charAt(pos) == 'e' || text.charAt(pos) == 'E')) {
            int e = pos + 1;
            if (e < text.length() && (text.charAt(e) == '+' || text.charAt(e) == '-')) {
                e++;
            }
            if (e < text.length() && Character.isDigit(text.charAt(e))) {
                real = true;
                pos = e;
                while (pos < text.length() && Character.isDigit(text.charAt(pos))) {
                    pos++;
                }
            }
        }
        return token(real ? Kind.REAL : Kind.INTEGER, start, column);
    }
}
