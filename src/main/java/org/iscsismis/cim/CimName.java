package org.iscsismis.cim;

import java.util.Locale;
import java.util.Objects;

/**
 * A DSP0004 element name (class, property, method, parameter, qualifier): case-insensitive,
 * case-preserving.
 *
 * <p>Identity ({@link #equals}, {@link #hashCode}, {@link #compareTo}) uses the
 * {@link Locale#ROOT} lower-case fold, computed once; {@link #toString()} returns the spelling
 * the name was created with. An identifier starts with a letter (non-ASCII letters included) or
 * {@code '_'} and continues with letters, digits or {@code '_'}.
 */
public final class CimName implements Comparable<CimName> {

    private final String name;
    private final String folded;
    private final int hash;

    private CimName(String name) {
        this.name = name;
        this.folded = fold(name);
        this.hash = folded.hashCode();
    }

    /**
     * @param name the identifier, e.g. {@code "CIM_StorageVolume"}
     * @throws IllegalArgumentException if {@code name} is null, empty, blank or not an identifier
     */
    public static CimName of(String name) {
        if (name == null) {
            throw new IllegalArgumentException("CIM name must not be null");
        }
        if (!isValid(name)) {
            throw new IllegalArgumentException(name.isBlank()
                    ? "CIM name must not be empty or blank"
                    : "Not a valid CIM name (identifier expected): \"" + name + "\"");
        }
        return new CimName(name);
    }

    /** Like {@link #of} but returns {@code null} for a {@code null} argument. */
    public static CimName ofNullable(String name) {
        return name == null ? null : of(name);
    }

    /** True if {@code text} is a DSP0004 identifier. */
    public static boolean isValid(String text) {
        if (text == null || text.isEmpty()) {
            return false;
        }
        int ascii = asciiIdentifierLength(text);
        if (ascii == text.length()) {
            return ascii > 0;
        }
        int first = text.codePointAt(0);
        if (!(first == '_' || Character.isLetter(first))) {
            return false;
        }
        for (int i = Character.charCount(first); i < text.length(); ) {
            int cp = text.codePointAt(i);
            if (!(cp == '_' || Character.isLetterOrDigit(cp))) {
                return false;
            }
            i += Character.charCount(cp);
        }
        return true;
    }

    /**
     * How many leading characters of {@code text} form an ASCII identifier ({@code [A-Za-z_][A-Za-z0-9_]*}), so
     * that the common case needs no code-point classification; 0 if the first is not one.
     */
    private static int asciiIdentifierLength(String text) {
        int i = 0;
        for (; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
            if (!letter && !(i > 0 && c >= '0' && c <= '9')) {
                break;
            }
        }
        return i;
    }

    static String fold(String text) {
        return text.toLowerCase(Locale.ROOT);
    }

    /** The folded (lower-case) form that identity is based on. */
    public String folded() {
        return folded;
    }

    /** True if {@code other} names the same element, ignoring case; false for null. */
    public boolean matches(String other) {
        return other != null && (other.equals(name) || fold(other).equals(folded));
    }

    @Override
    public int compareTo(CimName other) {
        return folded.compareTo(other.folded);
    }

    @Override
    public boolean equals(Object o) {
        return this == o || (o instanceof CimName n && hash == n.hash && folded.equals(n.folded));
    }

    @Override
    public int hashCode() {
        return hash;
    }

    /** The original spelling. */
    @Override
    public String toString() {
        return name;
    }

    static CimName requireName(CimName name, String what) {
        return Objects.requireNonNull(name, () -> what + " must not be null");
    }
}
