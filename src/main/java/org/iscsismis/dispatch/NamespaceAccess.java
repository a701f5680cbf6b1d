package org.iscsismis.dispatch;

import java.util.Locale;

/** What a caller may do in one namespace: nothing, read, or read and change (write includes read). */
public enum NamespaceAccess {
    NONE,
    READ,
    WRITE;

    /** True if this access is at least {@code needed}. */
    public boolean allows(NamespaceAccess needed) {
        return compareTo(needed) >= 0;
    }

    /** The lower-case word used in the users file and in messages: {@code none}, {@code read}, {@code write}. */
    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * @throws IllegalArgumentException if {@code word} is not none, read or write (case-insensitive)
     */
    public static NamespaceAccess ofWord(String word) {
        for (NamespaceAccess a : values()) {
            if (a.word().equalsIgnoreCase(word.trim())) {
                return a;
            }
        }
        throw new IllegalArgumentException("\"" + word + "\" is not an access right (none, read or write)");
    }
}
