package org.iscsismis.server;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;

/** The host part of the URLs the server prints and advertises. */
final class ServerUrls {

    private ServerUrls() {
    }

    /**
     * {@code host} as it goes into a URL: an IPv6 address in brackets; for a wildcard address the loopback address
     * of its family ({@code 127.0.0.1}, {@code [::1]}), which is where a local client reaches it.
     */
    static String hostForUrl(String host) {
        String h = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        try {
            InetAddress address = InetAddress.getByName(h);
            if (address.isAnyLocalAddress()) {
                return address instanceof Inet6Address ? "[::1]" : "127.0.0.1";
            }
        } catch (UnknownHostException e) {
            // a name that bound a moment ago; keep it as configured
        }
        return h.indexOf(':') >= 0 ? "[" + h + "]" : h;
    }
}
