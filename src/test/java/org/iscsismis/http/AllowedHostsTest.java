package org.iscsismis.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AllowedHostsTest {

    private final AllowedHosts hosts = AllowedHosts.loopbackAnd(Set.of("storage.example", "Array1"));

    @ParameterizedTest
    @CsvSource({
        "127.0.0.1:5988, true", "127.0.0.1, true", "127.1.2.3:80, true", "localhost:5988, true", "LOCALHOST, true",
        "localhost.:5988, true", "[::1]:5988, true", "[::1], true", "[0:0:0:0:0:0:0:1]:1, true",
        "storage.example:5988, true", "ARRAY1, true",
        "attacker.example, false", "attacker.example:5988, false", "127.0.0.1.attacker.example, false",
        "localhost.attacker.example, false", "10.0.0.1:5988, false", "[::2]:5988, false", "999.0.0.1, false",
        "'', false", "[::1, false", "128.0.0.1, false"})
    void acceptsLoopbackAndConfiguredNamesOnly(String host, boolean allowed) {
        assertEquals(allowed, hosts.allows(host), host);
    }

    @ParameterizedTest
    @CsvSource({"attacker.example", "127.0.0.1"})
    void aServerWithAuthenticationTakesAnyHost(String host) {
        assertEquals(true, AllowedHosts.any().allows(host));
        assertEquals(true, hosts.allows(null), "no Host header (HTTP/1.0)");
    }
}
