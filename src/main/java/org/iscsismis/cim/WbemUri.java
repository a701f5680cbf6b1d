package org.iscsismis.cim;

import java.util.ArrayList;
import java.util.List;

/** Parser for the untyped text form that {@link ObjectPath#toString()} writes. */
final class WbemUri {

    private final String text;
    private int pos;

    private WbemUri(String text) {
        this.text = text;
    }

    static ObjectPath parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("Object path text must not be empty");
        }
        WbemUri p = new WbemUri(text.strip());
        ObjectPath path = p.path();
        if (p.pos != p.text.length()) {
            throw p.error("unexpected text");
        }
        return path;
    }

    private ObjectPath path() {
        String host = null;
        if (text.startsWith("//", pos)) {
            int slash = text.indexOf('/', pos + 2);
            if (slash < 0) {
                throw error("host must be followed by '/'");
            }
            host = text.substring(pos + 2, slash);
            pos = slash + 1;
        }
        int end = pos;
        while (end < text.length() && text.charAt(end) != '.' && text.charAt(end) != ':') {
            end++;
        }
        CimNamespace ns = null;
        if (end < text.length() && text.charAt(end) == ':') {
            ns = CimNamespace.of(text.substring(pos, end));
            pos = end + 1;
            end = pos;
            while (end < text.length() && text.charAt(end) != '.') {
                end++;
            }
        }
        CimName className = name(text.substring(pos, end), "class name");
        pos = end;
        List<KeyBinding> keys = new ArrayList<>();
        if (pos < text.length()) {
            pos++; // '.'
            do {
                int eq = text.indexOf('=', pos);
                if (eq < 0) {
                    throw error("'=' expected after key name");
                }
                CimName key = name(text.substring(pos, eq), "key name");
                pos = eq + 1;
                keys.add(new KeyBinding(key, value()));
            } while (pos < text.length() && text.charAt(pos) == ',' && ++pos > 0);
        }
        return ObjectPath.of(host, ns, className, keys);
    }

    private CimValue value() {
        if (pos < text.length() && text.charAt(pos) == '"') {
            StringBuilder sb = new StringBuilder();
            pos++;
            while (pos < text.length()) {
                char c = text.charAt(pos++);
                if (c == '\\' && pos < text.length()) {
                    sb.append(text.charAt(pos++));
                } else if (c == '"') {
                    return CimValue.ofString(sb.toString());
                } else {
                    sb.append(c);
                }
            }
            throw error("unterminated string");
        }
        int end = pos;
        while (end < text.length() && text.charAt(end) != ',') {
            end++;
        }
        String token = text.substring(pos, end);
        pos = end;
        if (token.equalsIgnoreCase("true") || token.equalsIgnoreCase("false")) {
            return CimValue.ofBoolean(Boolean.parseBoolean(token.toLowerCase(java.util.Locale.ROOT)));
        }
        try {
            return CimValue.parseNumeric(token);
        } catch (IllegalArgumentException e) {
            throw error("key value must be a quoted string, TRUE, FALSE or a number, got \"" + token + "\"");
        }
    }

    private CimName name(String s, String what) {
        if (!CimName.isValid(s)) {
            throw error("bad " + what + " \"" + s + "\"");
        }
        return CimName.of(s);
    }

    private IllegalArgumentException error(String message) {
        return new IllegalArgumentException("Bad object path at position " + pos + " (" + message + "): " + CimValue.quoted(text));
    }
}
