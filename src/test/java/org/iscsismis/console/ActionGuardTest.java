package org.iscsismis.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which requests may act: the page's header, and where the browser says it comes from, this very origin. */
class ActionGuardTest {

    @ParameterizedTest(name = "{0} {1} Origin={2} Sec-Fetch-Site={3} header={4}: allowed={5}")
    @CsvSource(nullValues = "-", value = {
            "http,  127.0.0.1:5988, -,                      -,           iscsi-smis-console, true",
            "http,  127.0.0.1:5988, http://127.0.0.1:5988,  same-origin, iscsi-smis-console, true",
            "https, Host.Example:5989, https://host.example:5989, -,     iscsi-smis-console, true",
            "http,  127.0.0.1:5988, -,                      -,           -,                  false",
            "http,  127.0.0.1:5988, -,                      -,           yes,                false",
            "http,  127.0.0.1:5988, http://evil.example,    -,           iscsi-smis-console, false",
            "http,  127.0.0.1:5988, http://127.0.0.1:5989,  -,           iscsi-smis-console, false",
            "https, 127.0.0.1:5988, http://127.0.0.1:5988,  -,           iscsi-smis-console, false",
            "http,  127.0.0.1:5988, null,                   -,           iscsi-smis-console, false",
            "http,  127.0.0.1:5988, -,                      same-site,   iscsi-smis-console, false",
            "http,  127.0.0.1:5988, -,                      cross-site,  iscsi-smis-console, false",
            "http,  -,              http://127.0.0.1:5988,  -,           iscsi-smis-console, false"})
    void refusesWhatDoesNotComeFromThePage(String scheme, String host, String origin, String fetchSite, String header,
                                           boolean allowed) {
        String refusal = ActionGuard.refusal(scheme, host, origin, fetchSite, header);
        if (allowed) {
            assertNull(refusal);
        } else {
            assertEquals(true, refusal != null && !refusal.isEmpty());
        }
    }
}
