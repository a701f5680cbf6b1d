package org.iscsismis.http;

import org.iscsismis.cimxml.CimXmlElementWriter;

/**
 * The host a client addressed, from its Host header, for the HOST of the instance paths the server returns (DSP0201:
 * the host, with its port, of the object manager). A header that is absent, or not a plain host name, IPv4 or
 * bracketed IPv6 literal with an optional port, gives {@link CimXmlElementWriter#DEFAULT_HOST}.
 */
final class AddressedHost {

    private static final int MAX_LENGTH = 255;

    private AddressedHost() {
    }

    static String of(String hostHeader) {
        if (hostHeader == null) {
            return CimXmlElementWriter.DEFAULT_HOST;
        }
        String h = hostHeader.trim();
        return plain(h) ? h : CimXmlElementWriter.DEFAULT_HOST;
    }

    private static boolean plain(String h) {
        if (h.isEmpty() || h.length() > MAX_LENGTH) {
            return false;
        }
        for (int i = 0; i < h.length(); i++) {
            char c = h.charAt(i);
            boolean ok = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
                    || c == '.' || c == '-' || c == '_' || c == ':' || c == '[' || c == ']';
            if (!ok) {
                return false;
            }
        }
        return true;
    }
}
