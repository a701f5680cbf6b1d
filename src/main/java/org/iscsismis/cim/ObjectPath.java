package org.iscsismis.cim;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A class path (no keys) or an instance path (class plus key bindings), optionally with host and
 * namespace.
 *
 * <p>Identity is {@link #canonical()}: namespace and class folded to lower case, keys sorted by
 * folded name, each value in a canonical text by category, so that equal paths written
 * differently compare equal:
 * <ul>
 * <li>numbers compare by numeric value across widths and kinds ({@code uint8 1 == sint64 1});</li>
 * <li>strings (also char16, datetime and embedded-object text) compare case-sensitively by text,
 *     so a datetime key equals the same text sent as an untyped string;</li>
 * <li>booleans by value; references recursively, where a reference without a namespace is taken
 *     to be in the namespace of the path that holds it.</li>
 * </ul>
 * The host is not part of identity: one server answers to many host names, and the host only
 * tells a client where to send the next request.
 */
public final class ObjectPath {

    private final String host;
    private final CimNamespace namespace;
    private final CimName className;
    private final List<KeyBinding> keys;
    /** Computed on first use (racy but safe: a String is immutable); many paths are only written out. */
    private String canonical;
    /** {@link #withoutHostAndNamespace()}, made on first use: every enumeration of a stored instance asks for it. */
    private ObjectPath local;

    private ObjectPath(String host, CimNamespace namespace, CimName className, List<KeyBinding> keys) {
        this.host = host == null || host.isEmpty() ? null : host;
        this.namespace = namespace;
        this.className = Objects.requireNonNull(className, "class name must not be null");
        this.keys = List.copyOf(Objects.requireNonNull(keys, "keys must not be null"));
        int n = this.keys.size();
        Set<CimName> seen = n > 8 ? new HashSet<>() : null;
        for (int i = 0; i < n; i++) {
            CimName name = this.keys.get(i).name();
            boolean duplicate = false;
            if (seen != null) {
                duplicate = !seen.add(name);
            } else {
                for (int j = 0; j < i && !duplicate; j++) {
                    duplicate = this.keys.get(j).name().equals(name);
                }
            }
            if (duplicate) {
                throw new IllegalArgumentException("Duplicate key " + name + " in path of " + className);
            }
        }
    }

    /** A copy of {@code source} with another host and namespace, sharing its (already checked) keys. */
    private ObjectPath(ObjectPath source, String host, CimNamespace namespace) {
        this.host = host == null || host.isEmpty() ? null : host;
        this.namespace = namespace;
        this.className = source.className;
        this.keys = source.keys;
    }

    /** An instance path (or a class path if {@code keys} is empty), without host. */
    public static ObjectPath of(CimNamespace namespace, CimName className, List<KeyBinding> keys) {
        return new ObjectPath(null, namespace, className, keys);
    }

    /** A path with all parts; {@code host} and {@code namespace} may be null. */
    public static ObjectPath of(String host, CimNamespace namespace, CimName className, List<KeyBinding> keys) {
        return new ObjectPath(host, namespace, className, keys);
    }

    /** A class path. */
    public static ObjectPath forClass(CimNamespace namespace, CimName className) {
        return new ObjectPath(null, namespace, className, List.of());
    }

    /**
     * Parses the text form written by {@link #toString()} (also the {@code CIMObject} header form
     * {@code root/cimv2:CIM_Foo.Name="a",Id=1}). Key values are untyped: a quoted value is a
     * string (a reference written as a quoted path also comes back as a string), {@code TRUE} and
     * {@code FALSE} are booleans, numbers are sint64/uint64/real64 (see
     * {@link CimValue#parseNumeric}); thanks to the canonical identity such a path equals the
     * typed one unless it has reference keys.
     *
     * @throws IllegalArgumentException naming the position of the problem
     */
    public static ObjectPath parse(String text) {
        return WbemUri.parse(text);
    }

    public static Builder builder(String className) {
        return new Builder(CimName.of(className));
    }

    public static Builder builder(CimName className) {
        return new Builder(className);
    }

    /** The host ({@code name[:port]}), or null. */
    public String host() {
        return host;
    }

    /** The namespace, or null for a path relative to the namespace of its context. */
    public CimNamespace namespace() {
        return namespace;
    }

    public CimName className() {
        return className;
    }

    /** The key bindings in the order given (unmodifiable). */
    public List<KeyBinding> keys() {
        return keys;
    }

    /** True if this path names a class (no keys). */
    public boolean isClassPath() {
        return keys.isEmpty();
    }

    /** The value of key {@code name} (case-insensitive), or null. */
    public CimValue key(CimName name) {
        for (KeyBinding k : keys) {
            if (k.name().equals(name)) {
                return k.value();
            }
        }
        return null;
    }

    /** The value of key {@code name} (case-insensitive), or null. */
    public CimValue key(String name) {
        for (KeyBinding k : keys) {
            if (k.name().matches(name)) {
                return k.value();
            }
        }
        return null;
    }

    public ObjectPath withNamespace(CimNamespace ns) {
        return new ObjectPath(this, host, ns);
    }

    public ObjectPath withHost(String newHost) {
        return new ObjectPath(this, newHost, namespace);
    }

    public ObjectPath withClassName(CimName name) {
        return new ObjectPath(host, namespace, name, keys);
    }

    public ObjectPath withKeys(List<KeyBinding> newKeys) {
        return new ObjectPath(host, namespace, className, newKeys);
    }

    /** The same path without host and namespace (an INSTANCENAME / CLASSNAME). */
    public ObjectPath withoutHostAndNamespace() {
        if (host == null && namespace == null) {
            return this;
        }
        ObjectPath l = local; // racy but safe: an ObjectPath is immutable (final fields), a lost race makes an equal one
        if (l == null) {
            l = new ObjectPath(this, null, null);
            local = l;
        }
        return l;
    }

    /** The normalised identity text (see the class comment); usable as a map key. */
    public String canonical() {
        String c = canonical;
        if (c == null) {
            c = canonical(namespace);
            canonical = c;
        }
        return c;
    }

    private String canonical(CimNamespace contextNamespace) {
        CimNamespace ns = namespace != null ? namespace : contextNamespace;
        StringBuilder sb = new StringBuilder();
        if (ns != null) {
            sb.append(ns.folded());
        }
        sb.append(':').append(className.folded());
        List<KeyBinding> sorted = new ArrayList<>(keys);
        sorted.sort(Comparator.comparing(KeyBinding::name));
        char sep = '.';
        for (KeyBinding k : sorted) {
            sb.append(sep).append(k.name().folded()).append('=');
            appendCanonical(sb, k.value(), ns);
            sep = ',';
        }
        return sb.toString();
    }

    private static void appendCanonical(StringBuilder sb, CimValue v, CimNamespace contextNamespace) {
        Object o = v.value();
        CimType.Kind kind = v.type().kind();
        if (kind.isNumeric()) {
            sb.append(canonicalNumber(o));
        } else if (o instanceof Boolean b) {
            sb.append(b ? "true" : "false");
        } else if (o instanceof ObjectPath p) {
            sb.append("R(").append(p.canonical(contextNamespace)).append(')');
        } else {
            sb.append('"');
            escape(sb, CimValue.text(o));
            sb.append('"');
        }
    }

    private static String canonicalNumber(Object o) {
        if (o instanceof BigInteger b) {
            return b.toString();
        }
        if (o instanceof Double || o instanceof Float) {
            double d = ((Number) o).doubleValue();
            if (Double.isNaN(d) || Double.isInfinite(d)) {
                return CimValue.text(o);
            }
            BigDecimal bd = new BigDecimal(o.toString()).stripTrailingZeros();
            return bd.scale() <= 0 ? bd.toBigInteger().toString() : bd.toPlainString();
        }
        return Long.toString(((Number) o).longValue());
    }

    private static void escape(StringBuilder sb, String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"' || c == '\\') {
                sb.append('\\');
            }
            sb.append(c);
        }
    }

    @Override
    public boolean equals(Object o) {
        return this == o || (o instanceof ObjectPath p && canonical().equals(p.canonical()));
    }

    @Override
    public int hashCode() {
        return canonical().hashCode();
    }

    /**
     * The WBEM-URI-like form for messages and logs:
     * {@code //host/root/cimv2:CIM_Foo.Name="a",Id=1}. Strings, char16 and datetimes are quoted
     * with {@code \"} and {@code \\} escaped; references are quoted paths.
     */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        if (host != null) {
            sb.append("//").append(host).append('/');
        }
        if (namespace != null) {
            sb.append(namespace).append(':');
        }
        sb.append(className);
        char sep = '.';
        for (KeyBinding k : keys) {
            sb.append(sep).append(k.name()).append('=');
            Object o = k.value().value();
            if (o instanceof Boolean || o instanceof Number) {
                sb.append(CimValue.text(o));
            } else {
                sb.append('"');
                escape(sb, o instanceof ObjectPath p ? p.toString() : String.valueOf(o));
                sb.append('"');
            }
            sep = ',';
        }
        return sb.toString();
    }

    /** Builds a path; keys keep their insertion order. */
    public static final class Builder {
        private final CimName className;
        private String host;
        private CimNamespace namespace;
        private final List<KeyBinding> keys = new ArrayList<>();

        private Builder(CimName className) {
            this.className = Objects.requireNonNull(className, "class name must not be null");
        }

        public Builder host(String host) {
            this.host = host;
            return this;
        }

        public Builder namespace(CimNamespace namespace) {
            this.namespace = namespace;
            return this;
        }

        public Builder namespace(String namespace) {
            this.namespace = namespace == null ? null : CimNamespace.of(namespace);
            return this;
        }

        public Builder key(KeyBinding key) {
            keys.add(Objects.requireNonNull(key, "key must not be null"));
            return this;
        }

        public Builder key(String name, CimValue value) {
            return key(KeyBinding.of(name, value));
        }

        /** A string key. */
        public Builder key(String name, String value) {
            return key(KeyBinding.of(name, value));
        }

        public ObjectPath build() {
            return new ObjectPath(host, namespace, className, keys);
        }
    }
}
