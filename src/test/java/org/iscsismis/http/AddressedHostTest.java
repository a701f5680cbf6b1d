package org.iscsismis.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The Host header as the HOST of returned paths: a plain host[:port] as sent, anything else the default. */
class AddressedHostTest {

    @ParameterizedTest(name = "[{0}] -> {1}")
    @CsvSource(delimiter = '|', nullValues = "NULL", value = {
        "127.0.0.1:5988|127.0.0.1:5988", "localhost|localhost", "array1.example.com:5989|array1.example.com:5989",
        "[::1]:5988|[::1]:5988", " 10.0.0.7 |10.0.0.7", "NULL|localhost", "''|localhost",
        "a<b>|localhost", "x&y:1|localhost", "two words|localhost"})
    void hostOf(String header, String expected) {
        assertEquals(expected, AddressedHost.of(header));
    }

    @org.junit.jupiter.api.Test
    void anOverlongHeaderIsNotEchoed() {
        assertEquals("localhost", AddressedHost.of("a".repeat(256)));
    }
}
