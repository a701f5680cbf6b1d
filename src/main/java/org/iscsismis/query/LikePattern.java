package org.iscsismis.query;

import java.util.Objects;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The pattern of a LIKE, read by its language's rules and matched against the whole string:
 * <ul>
 * <li>WQL (as WMI defines it): {@code %} any run of characters, {@code _} one character, {@code [abc]},
 *     {@code [a-f]} and {@code [^abc]} character sets.</li>
 * <li>DMTF:CQL, DSP0202's basic LIKE: {@code .} one character, {@code *} zero or more of the preceding
 *     character, {@code \} escapes {@code .}, {@code *} or {@code \}.</li>
 * <li>DMTF:FQL, the DSP1001 regular-expression subset: {@code . * + ? {m,n}}, {@code [abc]} and
 *     {@code [abc]^} (any character but these), {@code ( ) |}, {@code \} escapes; {@code ^} and
 *     {@code $} anchors are accepted (the whole string is matched anyway).</li>
 * </ul>
 * Matching is case-sensitive, like the comparisons. Identity is the language and the pattern text.
 */
public final class LikePattern {

    private final QueryLanguage language;
    private final String text;
    private final Pattern regex;

    private LikePattern(QueryLanguage language, String text, Pattern regex) {
        this.language = language;
        this.text = text;
        this.regex = regex;
    }

    /** The pattern {@code text} of {@code language}; IllegalArgumentException naming the problem if it is malformed. */
    public static LikePattern of(QueryLanguage language, String text) {
        String java = switch (language) {
            case WQL -> fromWql(text);
            case CQL -> fromCqlBasic(text);
            case FQL -> fromDsp1001(text);
        };
        try {
            return new LikePattern(language, text, Pattern.compile(java, Pattern.DOTALL));
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException("malformed LIKE pattern: " + e.getDescription());
        }
    }

    public String text() {
        return text;
    }

    public boolean matches(String s) {
        return regex.matcher(s).matches();
    }

    private static String fromWql(String p) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < p.length(); i++) {
            char c = p.charAt(i);
            if (c == '%') {
                sb.append(".*");
            } else if (c == '_') {
                sb.append('.');
            } else if (c == '[') {
                int end = p.indexOf(']', i + 2);
                if (end < 0) {
                    throw new IllegalArgumentException("malformed LIKE pattern: '[' at " + i + " has no closing ']'");
                }
                sb.append('[');
                int from = i + 1;
                if (p.charAt(from) == '^') {
                    sb.append('^');
                    from++;
                }
                for (int j = from; j < end; j++) {
                    char s = p.charAt(j);
                    boolean range = s == '-' && j > from && j < end - 1;
                    sb.append(range ? "-" : literalInSet(s));
                }
                sb.append(']');
                i = end;
            } else {
                sb.append(literal(c));
            }
        }
        return sb.toString();
    }

    private static String fromCqlBasic(String p) {
        StringBuilder sb = new StringBuilder();
        boolean item = false;
        for (int i = 0; i < p.length(); i++) {
            char c = p.charAt(i);
            if (c == '\\') {
                if (i + 1 >= p.length() || "*.\\".indexOf(p.charAt(i + 1)) < 0) {
                    throw new IllegalArgumentException("malformed LIKE pattern: '\\' at " + i + " must escape '.', '*' or '\\'");
                }
                sb.append(literal(p.charAt(++i)));
                item = true;
            } else if (c == '.') {
                sb.append('.');
                item = true;
            } else if (c == '*') {
                if (!item) {
                    throw new IllegalArgumentException("malformed LIKE pattern: '*' at " + i + " follows no character");
                }
                sb.append('*');
                item = false;
            } else {
                sb.append(literal(c));
                item = true;
            }
        }
        return sb.toString();
    }

    private static String fromDsp1001(String p) {
        StringBuilder sb = new StringBuilder();
        int start = p.startsWith("^") ? 1 : 0;
        int end = p.endsWith("$") && !p.endsWith("\\$") ? p.length() - 1 : p.length();
        for (int i = start; i < end; i++) {
            char c = p.charAt(i);
            switch (c) {
                case '\\' -> {
                    if (i + 1 >= end) {
                        throw new IllegalArgumentException("malformed LIKE pattern: '\\' at the end escapes nothing");
                    }
                    sb.append(literal(p.charAt(++i)));
                }
                case '.', '*', '+', '?', '(', ')', '|', '{', '}', ',' -> sb.append(c);
                case '[' -> {
                    int close = p.indexOf(']', i + 1);
                    if (close < 0 || close == i + 1) {
                        throw new IllegalArgumentException("malformed LIKE pattern: '[' at " + i + " has no characters and ']'");
                    }
                    boolean negated = close + 1 < end && p.charAt(close + 1) == '^';
                    sb.append(negated ? "[^" : "[");
                    for (int j = i + 1; j < close; j++) {
                        sb.append(literalInSet(p.charAt(j)));
                    }
                    sb.append(']');
                    i = negated ? close + 1 : close;
                }
                default -> sb.append(literal(c));
            }
        }
        return sb.toString();
    }

    private static String literal(char c) {
        return Character.isLetterOrDigit(c) || c == ' ' ? String.valueOf(c) : "\\" + c;
    }

    private static String literalInSet(char c) {
        return Character.isLetterOrDigit(c) ? String.valueOf(c) : "\\" + c;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LikePattern l && l.language == language && l.text.equals(text);
    }

    @Override
    public int hashCode() {
        return Objects.hash(language, text);
    }

    @Override
    public String toString() {
        return text;
    }
}
