package org.iscsismis.server;

import static org.iscsismis.server.ConfigKeys.*;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Set;
import org.iscsismis.cimxml.ReaderLimits;
import org.iscsismis.http.HttpLimits;

/**
 * The CIM-XML endpoint's settings (http.* and limits.* but the memory budget).
 *
 * @param port                     http.port; 0 picks a free port
 * @param bind                     http.bind, an IPv6 address without brackets
 * @param maxConnections           http.maxConnections, before the file-limit clamp {@link HttpEndpoint} applies
 * @param allowedHosts             http.allowedHosts: host names besides loopback a server without authentication accepts
 */
public record HttpSettings(int port, String bind, long idleTimeoutMs, int minThreads, int maxThreads, long shutdownTimeoutMs,
                    HttpLimits limits, int maxConnections, int maxConnectionsPerAddress, long headerTimeoutMs,
                    Set<String> allowedHosts) {

    public HttpSettings {
        allowedHosts = Collections.unmodifiableSet(new LinkedHashSet<>(allowedHosts)); // in the order given
    }

    static HttpSettings read(ConfigValues v) {
        int port = v.intNumber(HTTP_PORT, 0, 65535);
        String bind = unbracketed(v.text(HTTP_BIND));
        long idleTimeoutMs = v.number(HTTP_IDLE_TIMEOUT_MS, 1, Long.MAX_VALUE);
        int minThreads = v.intNumber(HTTP_THREADS_MIN, 1, 10_000);
        int maxThreads = v.intNumber(HTTP_THREADS_MAX, Math.max(8, minThreads), 10_000);
        int outputBufferBytes = v.intNumber(HTTP_OUTPUT_BUFFER_BYTES, 1024, 64 << 20);
        long shutdownTimeoutMs = v.number(HTTP_SHUTDOWN_TIMEOUT_MS, 0, Long.MAX_VALUE);
        ReaderLimits xml = new ReaderLimits(
                v.intNumber(LIMITS_XML_MAX_DEPTH, 1, Integer.MAX_VALUE),
                v.number(LIMITS_XML_MAX_ELEMENTS, 1, Long.MAX_VALUE),
                v.intNumber(LIMITS_XML_MAX_ATTRIBUTE_LENGTH, 1, Integer.MAX_VALUE),
                v.intNumber(LIMITS_XML_MAX_TEXT_LENGTH, 1, Integer.MAX_VALUE));
        HttpLimits limits = new HttpLimits(v.number(LIMITS_MAX_BODY_BYTES, 1, Long.MAX_VALUE), xml, outputBufferBytes,
                v.number(HTTP_BODY_TIMEOUT_MS, 1, Long.MAX_VALUE), v.number(HTTP_MIN_BODY_BYTES_PER_SECOND, 0, Long.MAX_VALUE));
        return new HttpSettings(port, bind, idleTimeoutMs, minThreads, maxThreads, shutdownTimeoutMs, limits,
                v.intNumber(HTTP_MAX_CONNECTIONS, 1, 1_000_000), v.intNumber(HTTP_MAX_CONNECTIONS_PER_ADDRESS, 1, 1_000_000),
                v.number(HTTP_HEADER_TIMEOUT_MS, 1, Long.MAX_VALUE), names(v.raw(HTTP_ALLOWED_HOSTS)));
    }

    /**
     * True if {@code bind} is a loopback address (or a name resolving to one). Resolved on each call, as a name's
     * address may change while the server runs.
     *
     * @throws ConfigurationException if the address cannot be resolved
     */
    public boolean loopbackBind() {
        try {
            return InetAddress.getByName(bind).isLoopbackAddress();
        } catch (UnknownHostException e) {
            throw new ConfigurationException(HTTP_BIND + ": cannot resolve \"" + bind + "\"");
        }
    }

    /** {@code [::1]} → {@code ::1}: an IPv6 address as InetAddress and Jetty take it. */
    private static String unbracketed(String address) {
        String a = address.trim();
        return a.length() > 2 && a.startsWith("[") && a.endsWith("]") ? a.substring(1, a.length() - 1) : a;
    }

    /** A comma-separated list, blanks dropped, in order. */
    private static Set<String> names(String list) {
        Set<String> out = new LinkedHashSet<>();
        for (String name : list.split(",")) {
            if (!name.isBlank()) {
                out.add(name.trim());
            }
        }
        return out;
    }
}
