package org.iscsismis.dispatch;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.iscsismis.cim.CimNamespace;

/**
 * One user's rights per namespace: an ordered list of {@code pattern=access} entries, written
 * {@code root/interop=read,root/cimv2/*=write}.
 *
 * <p>A pattern is a namespace name, compared case-insensitively, in which {@code *} stands for any run of characters
 * (slashes included): {@code root/*} covers every namespace below {@code root}, {@code *} every namespace. For a
 * namespace, an entry naming it exactly wins; otherwise the longest matching pattern; none matching means
 * {@link NamespaceAccess#NONE} (a user without an entry can read nothing).
 */
public final class NamespaceGrants {

    /** Write access to every namespace: the server without authentication, and the deprecated {@code auth.users} form. */
    public static final NamespaceGrants EVERYTHING = new NamespaceGrants(List.of(new Grant("*", NamespaceAccess.WRITE)));

    /** No access anywhere. */
    public static final NamespaceGrants NOTHING = new NamespaceGrants(List.of());

    /** One entry: a namespace pattern and the access it grants. */
    public record Grant(String pattern, NamespaceAccess access) {
        public Grant {
            Objects.requireNonNull(access, "access must not be null");
            pattern = checkedPattern(pattern);
        }

        boolean matches(String foldedNamespace) {
            return glob(pattern.toLowerCase(Locale.ROOT), 0, foldedNamespace, 0);
        }

        boolean exact() {
            return pattern.indexOf('*') < 0;
        }

        @Override
        public String toString() {
            return pattern + "=" + access.word();
        }
    }

    private final List<Grant> grants;

    public NamespaceGrants(List<Grant> grants) {
        this.grants = List.copyOf(grants);
    }

    /**
     * Parses {@code pattern=access[,pattern=access...]}; blank text is {@link #NOTHING}.
     *
     * @throws IllegalArgumentException naming the entry that is not {@code pattern=none|read|write}
     */
    public static NamespaceGrants parse(String text) {
        if (text == null || text.isBlank() || text.trim().equals("-")) {
            return NOTHING;
        }
        List<Grant> out = new ArrayList<>();
        for (String entry : text.split(",")) {
            int eq = entry.lastIndexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("rights entry \"" + entry.trim() + "\" is not NAMESPACE=none|read|write");
            }
            out.add(new Grant(entry.substring(0, eq).trim(), NamespaceAccess.ofWord(entry.substring(eq + 1))));
        }
        return new NamespaceGrants(out);
    }

    public List<Grant> grants() {
        return grants;
    }

    /** The access to {@code namespace} (its canonical name; aliases are resolved before). */
    public NamespaceAccess accessTo(CimNamespace namespace) {
        String folded = namespace.folded();
        Grant best = null;
        for (Grant g : grants) {
            if (g.matches(folded) && (best == null || moreSpecific(g, best))) {
                best = g;
            }
        }
        return best == null ? NamespaceAccess.NONE : best.access();
    }

    /** This list with the entry for exactly {@code pattern} replaced (or added at the end). */
    public NamespaceGrants with(String pattern, NamespaceAccess access) {
        Grant added = new Grant(pattern, access);
        List<Grant> out = new ArrayList<>();
        boolean replaced = false;
        for (Grant g : grants) {
            if (g.pattern().equalsIgnoreCase(added.pattern())) {
                if (!replaced) {
                    out.add(added);
                    replaced = true;
                }
            } else {
                out.add(g);
            }
        }
        if (!replaced) {
            out.add(added);
        }
        return new NamespaceGrants(out);
    }

    /** {@code pattern=access,...}, or {@code -} for none (the users file's form). */
    @Override
    public String toString() {
        return grants.isEmpty() ? "-" : String.join(",", grants.stream().map(Grant::toString).toList());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof NamespaceGrants g && grants.equals(g.grants);
    }

    @Override
    public int hashCode() {
        return grants.hashCode();
    }

    private static boolean moreSpecific(Grant a, Grant b) {
        if (a.exact() != b.exact()) {
            return a.exact();
        }
        return a.pattern().length() > b.pattern().length();
    }

    /** A pattern: slash-separated segments of identifier characters and {@code *}; leading/trailing slashes dropped. */
    private static String checkedPattern(String pattern) {
        Objects.requireNonNull(pattern, "pattern must not be null");
        String p = pattern.trim();
        while (p.startsWith("/")) {
            p = p.substring(1);
        }
        while (p.endsWith("/")) {
            p = p.substring(0, p.length() - 1);
        }
        if (p.equals("*")) {
            return p;
        }
        try {
            CimNamespace.of(p.replace("*", "_"));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("\"" + pattern + "\" is not a namespace pattern: " + e.getMessage());
        }
        return p;
    }

    /** {@code *} matches any run of characters; everything else itself. Patterns are short: plain recursion. */
    private static boolean glob(String p, int pi, String s, int si) {
        while (pi < p.length()) {
            char c = p.charAt(pi);
            if (c == '*') {
                for (int k = si; k <= s.length(); k++) {
                    if (glob(p, pi + 1, s, k)) {
                        return true;
                    }
                }
                return false;
            }
            if (si >= s.length() || s.charAt(si) != c) {
                return false;
            }
            pi++;
            si++;
        }
        return si == s.length();
    }
}
