package org.iscsismis.cim;

import java.util.List;
import java.util.Locale;

/**
 * A CIM namespace name such as {@code root/cimv2}: slash-separated segments, compared
 * case-insensitively, original spelling kept for output. Leading and trailing slashes are
 * stripped. Each segment must be a DSP0004 identifier ({@code namespaceName = IDENTIFIER *("/" IDENTIFIER)}):
 * a letter, an underscore or a character from U+0080 to U+FFEF, then those or decimal digits. So
 * {@code ../../etc}, {@code a:b/../c}, empty segments ({@code "a//b"}), whitespace and control characters are
 * refused.
 */
public final class CimNamespace {

    private final String name;
    private final String folded;
    private final List<String> segments;

    private CimNamespace(String name) {
        this.name = name;
        this.folded = name.toLowerCase(Locale.ROOT);
        this.segments = List.of(name.split("/"));
    }

    /**
     * @throws IllegalArgumentException if the text is null, empty (after stripping slashes), or a segment is not a
     *                                  DSP0004 identifier (the message names the segment)
     */
    public static CimNamespace of(String text) {
        if (text == null) {
            throw new IllegalArgumentException("Namespace must not be null");
        }
        int start = 0;
        int end = text.length();
        while (start < end && text.charAt(start) == '/') {
            start++;
        }
        while (end > start && text.charAt(end - 1) == '/') {
            end--;
        }
        String stripped = text.substring(start, end);
        if (stripped.isEmpty()) {
            throw new IllegalArgumentException("Namespace must not be empty: \"" + text + "\"");
        }
        if (stripped.contains("//")) {
            throw new IllegalArgumentException("Namespace has an empty segment: \"" + text + "\"");
        }
        for (int i = 0; i < stripped.length(); i++) {
            char c = stripped.charAt(i);
            if (Character.isWhitespace(c) || Character.isISOControl(c)) {
                throw new IllegalArgumentException("Namespace contains whitespace or a control character: \"" + printable(text) + "\"");
            }
        }
        for (String segment : stripped.split("/")) {
            if (!isIdentifier(segment)) {
                throw new IllegalArgumentException("Namespace \"" + text + "\" is not a valid namespace name: segment \""
                        + segment + "\" is not an identifier (DSP0004: a letter, _ or U+0080..U+FFEF, then those or digits)");
            }
        }
        return new CimNamespace(stripped);
    }

    /** DSP0004's IDENTIFIER: firstIdentifierChar *( firstIdentifierChar / decimalDigit ). */
    private static boolean isIdentifier(String segment) {
        if (segment.isEmpty()) {
            return false;
        }
        for (int i = 0; i < segment.length(); i++) {
            char c = segment.charAt(i);
            boolean first = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '_' || (c >= '\u0080' && c <= '\uFFEF');
            if (!first && !(i > 0 && c >= '0' && c <= '9')) {
                return false;
            }
        }
        return true;
    }

    private static String printable(String text) {
        return text.replaceAll("\\p{Cntrl}", "?");
    }

    /** Builds a namespace from its segments (one per DSP0201 {@code NAMESPACE} element). */
    public static CimNamespace ofSegments(List<String> segments) {
        if (segments == null || segments.isEmpty()) {
            throw new IllegalArgumentException("Namespace needs at least one segment");
        }
        for (String s : segments) {
            if (s == null || s.isEmpty() || s.indexOf('/') >= 0) {
                throw new IllegalArgumentException("Invalid namespace segment: \"" + s + "\"");
            }
        }
        return of(String.join("/", segments));
    }

    /** The segments in order, e.g. {@code [root, cimv2]}. */
    public List<String> segments() {
        return segments;
    }

    /** The lower-case form identity is based on. */
    public String folded() {
        return folded;
    }

    /** True if {@code other} names this namespace (case-insensitive, slashes at the ends ignored). */
    public boolean matches(String other) {
        try {
            return other != null && equals(of(other));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    @Override
    public boolean equals(Object o) {
        return this == o || (o instanceof CimNamespace n && folded.equals(n.folded));
    }

    @Override
    public int hashCode() {
        return folded.hashCode();
    }

    /** The original spelling without leading/trailing slashes. */
    @Override
    public String toString() {
        return name;
    }
}
