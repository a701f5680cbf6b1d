package org.iscsismis.console;

import java.util.Locale;

/**
 * The cross-site request forgery defence of the console's actions. An action is a POST that must carry
 * {@value #HEADER}: {@value #VALUE}, which the page's script sets; a page of another origin cannot send a custom
 * header without a CORS preflight, which the server never grants. Browsers also say where a request comes from:
 * when they do ({@code Origin}, {@code Sec-Fetch-Site}), it must be this very origin.
 */
final class ActionGuard {

    static final String HEADER = "X-Requested-By";
    static final String VALUE = "iscsi-smis-console";

    private ActionGuard() {
    }

    /**
     * @param scheme        the request's scheme ({@code http} or {@code https})
     * @param host          its {@code Host} header (host and port as the browser wrote them), or null
     * @param origin        its {@code Origin} header, or null
     * @param fetchSite     its {@code Sec-Fetch-Site} header, or null
     * @param requestedBy   its {@value #HEADER} header, or null
     * @return null when the action may run, else why it may not (for the 403 answer)
     */
    static String refusal(String scheme, String host, String origin, String fetchSite, String requestedBy) {
        if (!VALUE.equals(requestedBy)) {
            return "an action must come from the console page (header " + HEADER + " missing)";
        }
        if (fetchSite != null && !fetchSite.equalsIgnoreCase("same-origin")) {
            return "a cross-site request may not act (Sec-Fetch-Site: " + fetchSite + ")";
        }
        if (origin != null) {
            String own = host == null ? null : (scheme + "://" + host).toLowerCase(Locale.ROOT);
            if (!origin.toLowerCase(Locale.ROOT).equals(own)) {
                return "a request from another origin may not act (Origin: " + origin + ")";
            }
        }
        return null;
    }
}
