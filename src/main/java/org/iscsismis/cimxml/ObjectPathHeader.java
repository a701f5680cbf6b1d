package org.iscsismis.cimxml;

import java.util.ArrayList;
import java.util.List;
import org.iscsismis.cim.CimName;
import org.iscsismis.cim.CimNamespace;
import org.iscsismis.cim.CimType;
import org.iscsismis.cim.CimValue;
import org.iscsismis.cim.KeyBinding;
import org.iscsismis.cim.ObjectPath;

/**
 * Parses the decoded CIMObject header of an extrinsic call: {@code root/cimv2:Class.Key="v",K2=1}
 * (an instance path) or {@code root/cimv2:Class} (a class path). An optional {@code //host/}
 * prefix is accepted.
 *
 * <p>Key values: a quoted string with {@code \"} and {@code \\} escapes is a string key, unless
 * its text is itself an instance path with keys ({@code ns:Class.K=…} or {@code Class.K=…}), which
 * makes it a reference key; {@code TRUE}/{@code FALSE} (any case) are booleans; integers are
 * sint64 when negative and uint64 otherwise; other numbers real64.
 * {@link ObjectPath#canonical()} compares numbers across widths, so these match the body's typed keys.
 */
public final class ObjectPathHeader {

    private ObjectPathHeader() {
    }

    /**
     * @throws IllegalArgumentException when the text is not a path with a namespace
     */
    public static ObjectPath parse(String decodedHeader) {
        if (decodedHeader == null) {
            throw new IllegalArgumentException("CIMObject header is missing");
        }
        ObjectPath p = parsePath(decodedHeader.strip(), true);
        if (p == null) {
            throw new IllegalArgumentException("Not an object path (namespace:Class[.Key=value,…]): \"" + decodedHeader + "\"");
        }
        return p;
    }

    /** The path in {@code text}, or null when it is not one. */
    private static ObjectPath parsePath(String text, boolean requireNamespace) {
        String s = text;
        String host = null;
        if (s.startsWith("//")) {
            int slash = s.indexOf('/', 2);
            if (slash < 0) {
                return null;
            }
            host = s.substring(2, slash);
            s = s.substring(slash + 1);
        }
        int boundary = s.indexOf('=');
        int colon = s.lastIndexOf(':', boundary < 0 ? s.length() - 1 : boundary);
        CimNamespace ns = null;
        String rest = s;
        if (colon >= 0) {
            try {
                ns = CimNamespace.of(s.substring(0, colon));
            } catch (IllegalArgumentException e) {
                return null;
            }
            rest = s.substring(colon + 1);
        } else if (requireNamespace) {
            return null;
        }
        int keyStart = rest.indexOf('.');
        if (keyStart < 0 && rest.indexOf('=') >= 0) {
            return null;
        }
        String cls = keyStart < 0 ? rest : rest.substring(0, keyStart);
        if (!CimName.isValid(cls)) {
            return null;
        }
        List<KeyBinding> keys = new ArrayList<>();
        if (keyStart >= 0) {
            if (!parseKeys(rest, keyStart + 1, keys)) {
                return null;
            }
        }
        try {
            return ObjectPath.of(host, ns, CimName.of(cls), keys);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static boolean parseKeys(String s, int start, List<KeyBinding> keys) {
        int i = start;
        int n = s.length();
        while (true) {
            int eq = s.indexOf('=', i);
            if (eq < 0) {
                return false;
            }
            String key = s.substring(i, eq).strip();
            if (!CimName.isValid(key)) {
                return false;
            }
            i = eq + 1;
            CimValue v;
            if (i < n && s.charAt(i) == '"') {
                StringBuilder sb = new StringBuilder();
                i++;
                boolean closed = false;
                while (i < n) {
                    char ch = s.charAt(i++);
                    if (ch == '\\') {
                        if (i >= n) {
                            return false;
                        }
                        sb.append(s.charAt(i++));
                    } else if (ch == '"') {
                        closed = true;
                        break;
                    } else {
                        sb.append(ch);
                    }
                }
                if (!closed) {
                    return false;
                }
                String str = sb.toString();
                ObjectPath ref = str.indexOf('=') > 0 ? parsePath(str, false) : null;
                v = ref != null && !ref.isClassPath() ? CimValue.ofReference(ref) : CimValue.ofString(str);
            } else {
                int comma = s.indexOf(',', i);
                int end = comma < 0 ? n : comma;
                v = unquoted(s.substring(i, end).strip());
                if (v == null) {
                    return false;
                }
                i = end;
            }
            keys.add(new KeyBinding(CimName.of(key), v));
            if (i >= n) {
                return true;
            }
            if (s.charAt(i) != ',') {
                return false;
            }
            i++;
        }
    }

    private static CimValue unquoted(String t) {
        if (t.equalsIgnoreCase("true") || t.equalsIgnoreCase("false")) {
            return CimValue.ofBoolean(t.equalsIgnoreCase("true"));
        }
        if (t.isEmpty()) {
            return null;
        }
        try {
            return CimValue.parse(t.startsWith("-") ? CimType.SINT64 : CimType.UINT64, t);
        } catch (IllegalArgumentException e) {
            try {
                return CimValue.parse(CimType.REAL64, t);
            } catch (IllegalArgumentException e2) {
                return null;
            }
        }
    }
}
