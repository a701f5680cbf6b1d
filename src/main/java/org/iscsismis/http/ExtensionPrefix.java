package org.iscsismis.http;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The RFC 2774 header prefix of one message: empty for POST, {@code "NN-"} for an M-POST whose
 * {@code Man:} (or {@code Opt:}) header declares the CIM mapping with {@code ns=NN}.
 */
record ExtensionPrefix(String prefix) {

    /** The extension URI DSP0200 defines for CIM operations over HTTP. */
    static final String CIM_MAPPING = "http://www.dmtf.org/cim/mapping/http/v1.0";

    static final ExtensionPrefix NONE = new ExtensionPrefix("");

    private static final Pattern NS = Pattern.compile("\\s*ns\\s*=\\s*\"?(\\d{2})\"?\\s*", Pattern.CASE_INSENSITIVE);

    /**
     * Finds the CIM mapping among the declarations of a {@code Man:} or {@code Opt:} header, e.g.
     * {@code "http://www.dmtf.org/cim/mapping/http/v1.0"; ns=73}.
     *
     * @return the prefix, or null if the header does not declare the CIM mapping with a two-digit ns
     */
    static ExtensionPrefix fromDeclaration(String header) {
        if (header == null) {
            return null;
        }
        for (String declaration : header.split(",")) {
            String[] parts = declaration.split(";", -1);
            if (!HeaderValues.unquote(parts[0].trim()).equalsIgnoreCase(CIM_MAPPING)) {
                continue;
            }
            for (int i = 1; i < parts.length; i++) {
                Matcher m = NS.matcher(parts[i]);
                if (m.matches()) {
                    return new ExtensionPrefix(m.group(1) + "-");
                }
            }
        }
        return null;
    }

    boolean isExtended() {
        return !prefix.isEmpty();
    }

    /** The header name as this message spells it, e.g. {@code 73-CIMOperation}. */
    String name(String header) {
        return prefix + header;
    }

    /** The {@code ns} number, e.g. {@code 73}. */
    String ns() {
        return prefix.isEmpty() ? "" : prefix.substring(0, prefix.length() - 1);
    }
}
