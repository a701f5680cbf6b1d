package org.iscsismis.cim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Every code of the fact sheet's section 4 (CIM_Error.CIMStatusCode, CIM Schema 2.49.0). */
class CimStatusTest {

    static Stream<Arguments> factSheet() {
        return Stream.of(
                Arguments.of(0, "CIM_ERR_SUCCESS"),
                Arguments.of(1, "CIM_ERR_FAILED"),
                Arguments.of(2, "CIM_ERR_ACCESS_DENIED"),
                Arguments.of(3, "CIM_ERR_INVALID_NAMESPACE"),
                Arguments.of(4, "CIM_ERR_INVALID_PARAMETER"),
                Arguments.of(5, "CIM_ERR_INVALID_CLASS"),
                Arguments.of(6, "CIM_ERR_NOT_FOUND"),
                Arguments.of(7, "CIM_ERR_NOT_SUPPORTED"),
                Arguments.of(8, "CIM_ERR_CLASS_HAS_CHILDREN"),
                Arguments.of(9, "CIM_ERR_CLASS_HAS_INSTANCES"),
                Arguments.of(10, "CIM_ERR_INVALID_SUPERCLASS"),
                Arguments.of(11, "CIM_ERR_ALREADY_EXISTS"),
                Arguments.of(12, "CIM_ERR_NO_SUCH_PROPERTY"),
                Arguments.of(13, "CIM_ERR_TYPE_MISMATCH"),
                Arguments.of(14, "CIM_ERR_QUERY_LANGUAGE_NOT_SUPPORTED"),
                Arguments.of(15, "CIM_ERR_INVALID_QUERY"),
                Arguments.of(16, "CIM_ERR_METHOD_NOT_AVAILABLE"),
                Arguments.of(17, "CIM_ERR_METHOD_NOT_FOUND"),
                Arguments.of(18, "CIM_ERR_UNEXPECTED_RESPONSE"),
                Arguments.of(19, "CIM_ERR_INVALID_RESPONSE_DESTINATION"),
                Arguments.of(20, "CIM_ERR_NAMESPACE_NOT_EMPTY"),
                Arguments.of(21, "CIM_ERR_INVALID_ENUMERATION_CONTEXT"),
                Arguments.of(22, "CIM_ERR_INVALID_OPERATION_TIMEOUT"),
                Arguments.of(23, "CIM_ERR_PULL_HAS_BEEN_ABANDONED"),
                Arguments.of(24, "CIM_ERR_PULL_CANNOT_BE_ABANDONED"),
                Arguments.of(25, "CIM_ERR_FILTERED_ENUMERATION_NOT_SUPPORTED"),
                Arguments.of(26, "CIM_ERR_CONTINUATION_ON_ERROR_NOT_SUPPORTED"),
                Arguments.of(27, "CIM_ERR_SERVER_LIMITS_EXCEEDED"),
                Arguments.of(28, "CIM_ERR_SERVER_IS_SHUTTING_DOWN"),
                Arguments.of(29, "CIM_ERR_QUERY_FEATURE_NOT_SUPPORTED"));
    }

    @ParameterizedTest(name = "{0} = {1}")
    @MethodSource("factSheet")
    void codeAndNameMatchTheFactSheet(int code, String name) {
        CimStatus s = CimStatus.fromCode(code);
        assertEquals(code, s.code());
        assertEquals(name, s.cimName());
        assertSame(s, CimStatus.valueOf(name.substring("CIM_ERR_".length())));
    }

    @Test
    void everyConstantIsInTheTable() {
        assertEquals(factSheet().count(), CimStatus.values().length);
    }

    @ParameterizedTest
    @ValueSource(ints = {-1, 30, 1000})
    void unknownCodesAreRejected(int code) {
        assertThrows(IllegalArgumentException.class, () -> CimStatus.fromCode(code));
    }

    @Test
    void exceptionCarriesStatusAndDescription() {
        CimException e = new CimException(CimStatus.NOT_FOUND, "no instance X");
        assertEquals(CimStatus.NOT_FOUND, e.status());
        assertEquals("no instance X", e.description());
        assertEquals("CIM_ERR_NOT_FOUND: no instance X", e.getMessage());
        assertEquals(0, e.errors().size());
        assertThrows(IllegalArgumentException.class, () -> new CimException(CimStatus.SUCCESS, "x"));
    }
}
