package org.iscsismis.http;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class HeaderValuesTest {

    static Stream<Arguments> decodings() {
        return Stream.of(
                Arguments.of("GetClass", "GetClass"),
                Arguments.of("root%2Fcimv2", "root/cimv2"),
                Arguments.of("a+b", "a+b"),
                Arguments.of("x%2bY", "x+Y"),
                Arguments.of("K%3D%22v%C3%A9%22", "K=\"vé\""),
                Arguments.of("%F0%9F%98%80", "\uD83D\uDE00"),
                Arguments.of("%", null),
                Arguments.of("%4", null),
                Arguments.of("%G1", null),
                Arguments.of("%C3", null),
                Arguments.of("%FF", null));
    }

    @ParameterizedTest(name = "{0} → {1}")
    @MethodSource("decodings")
    void percentDecode(String raw, String decoded) {
        assertEquals(decoded, HeaderValues.percentDecode(raw));
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', value = {
            "application/xml; charset=utf-8 | true",
            "application/xml;charset=\"utf-8\" | true",
            "APPLICATION/XML; CHARSET=UTF-8 | true",
            "text/xml | true",
            "text/xml; charset=utf-8; foo=bar | true",
            "application/xml; charset=utf-16 | false",
            "application/json; charset=utf-8 | false",
            "text/plain | false",
            "application/xml; charset | false"})
    void contentType(String value, boolean accepted) {
        assertEquals(accepted, HeaderValues.isXmlUtf8(value));
    }

    @Test
    void versions() {
        assertArrayEquals(new int[] {1, 4}, HeaderValues.version("1.4"));
        assertArrayEquals(new int[] {2, 0}, HeaderValues.version(" 2.0 "));
        assertNull(HeaderValues.version("1"));
        assertNull(HeaderValues.version("1.x"));
        assertNull(HeaderValues.version(null));
    }

    @Test
    void tokens() {
        assertEquals(true, HeaderValues.listsToken("chunked, trailers", "trailers"));
        assertEquals(true, HeaderValues.listsToken("Trailers;q=0.5", "trailers"));
        assertEquals(false, HeaderValues.listsToken("chunked", "trailers"));
        assertEquals(false, HeaderValues.listsToken(null, "trailers"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "null", value = {
            "http://www.dmtf.org/cim/mapping/http/v1.0; ns=73 | 73-",
            "\"http://www.dmtf.org/cim/mapping/http/v1.0\" ; ns=05 | 05-",
            "http://example.com/x; ns=10, http://www.dmtf.org/cim/mapping/http/v1.0;ns=11 | 11-",
            "http://www.dmtf.org/cim/mapping/http/v1.0 | null",
            "http://www.dmtf.org/cim/mapping/http/v1.0; ns=7 | null",
            "http://example.com/x; ns=10 | null",
            "; | null",
            "x,;,; ns=12 | null"})
    void extensionDeclarations(String header, String prefix) {
        ExtensionPrefix p = ExtensionPrefix.fromDeclaration(header);
        assertEquals(prefix, p == null ? null : p.prefix());
    }
}
