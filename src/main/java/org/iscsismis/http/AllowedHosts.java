package org.iscsismis.http;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The {@code Host} header check that keeps a server without authentication out of reach of web pages (DNS
 * rebinding: a page of {@code attacker.example} whose name is made to resolve to 127.0.0.1 would otherwise talk to
 * it from the user's browser, with a Host header naming the attacker's site). Accepted: loopback addresses
 * ({@code 127.x.x.x}, {@code [::1]}), {@code localhost}, and the names configured ({@code http.allowedHosts}); any
 * port. A request without a Host header (HTTP/1.0; browsers always send one) is accepted.
 */
public final class AllowedHosts {

    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

    private final Set<String> names;
    private final boolean checking;

    private AllowedHosts(Set<String> names, boolean checking) {
        this.names = names;
        this.checking = checking;
    }

    /** Loopback and {@code extraNames} (compared case-insensitively, without port). */
    public static AllowedHosts loopbackAnd(Set<String> extraNames) {
        return new AllowedHosts(extraNames.stream().map(n -> strip(n.trim().toLowerCase(Locale.ROOT)))
                .collect(Collectors.toUnmodifiableSet()), true);
    }

    /** Accepts every Host (a server that requires credentials: a web page has none). */
    public static AllowedHosts any() {
        return new AllowedHosts(Set.of(), false);
    }

    /** True if a request with this Host header (null when absent) is served. */
    public boolean allows(String hostHeader) {
        if (!checking || hostHeader == null) {
            return true;
        }
        String host = hostOf(hostHeader.trim().toLowerCase(Locale.ROOT));
        if (host.isEmpty()) {
            return false;
        }
        return host.equals("localhost") || names.contains(host) || isLoopbackLiteral(host);
    }

    /** The host part of {@code host[:port]} or {@code [v6][:port]}, brackets removed, a trailing dot dropped. */
    private static String hostOf(String header) {
        String host;
        if (header.startsWith("[")) {
            int close = header.indexOf(']');
            host = close < 0 ? "" : header.substring(1, close);
        } else {
            int colon = header.indexOf(':');
            host = colon < 0 ? header : header.substring(0, colon);
        }
        return strip(host);
    }

    private static String strip(String host) {
        String h = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        return h.endsWith(".") ? h.substring(0, h.length() - 1) : h;
    }

    /** An IP literal (never a name: no DNS lookup happens here) that is a loopback address. */
    private static boolean isLoopbackLiteral(String host) {
        if (IPV4.matcher(host).matches()) {
            String[] octets = host.split("\\.");
            for (String o : octets) {
                if (Integer.parseInt(o) > 255) {
                    return false;
                }
            }
            return octets[0].equals("127");
        }
        if (host.indexOf(':') < 0 || !host.matches("[0-9a-f:.]+")) {
            return false;
        }
        try {
            return InetAddress.getByName(host).isLoopbackAddress(); // an IPv6 literal: parsed, not looked up
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
