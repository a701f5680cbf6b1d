package org.iscsismis.cim;

import java.util.List;
import java.util.Locale;

/**
 * A CIM namespace name such as {@code root/cimv2}: slash-separated segments, compared
 * case-insensitively, original spelling kept for output. Leading and trailing slashes are
 * stripped; empty segments ({@code "a//b"}) and whitespace or control characters are refused.
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
     * @throws IllegalArgumentException if the text is null, empty (after stripping slashes),
     *                                  has an empty segment or contains whitespace/control characters
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
                throw new IllegalArgumentException("Namespace contains whitespace or a control character: \"" + text + "\"");
            }
        }
        return new CimNamespace(stripped);
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
