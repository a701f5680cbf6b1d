package org.iscsismis.repository;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.iscsismis.cim.CimFlavor;
import org.iscsismis.cim.CimName;
import org.iscsismis.cim.CimQualifierType;
import org.iscsismis.cim.CimScope;
import org.iscsismis.cim.CimType;
import org.iscsismis.cim.CimValue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class StandardQualifiersTest {

    private static final Map<CimName, CimQualifierType> BY_NAME = StandardQualifiers.declarations().stream()
            .collect(Collectors.toMap(CimQualifierType::name, Function.identity()));

    @Test
    void seventyUniqueDeclarations() {
        assertEquals(70, StandardQualifiers.declarations().size());
        assertEquals(70, BY_NAME.size());
        Set<String> spelled = new HashSet<>();
        StandardQualifiers.declarations().forEach(q -> spelled.add(q.name().toString()));
        assertTrue(spelled.containsAll(Set.of("Association", "UMLPackagePath", "XMLNamespaceName", "PUnit", "IsPUnit", "DN",
                "UnsupportedValues", "Ifdeleted", "Octetstring")));
    }

    static Stream<Arguments> samples() {
        return Stream.of(
                Arguments.of("Key", CimType.BOOLEAN, CimValue.ofBoolean(false), EnumSet.of(CimScope.PROPERTY, CimScope.REFERENCE), new CimFlavor(false, true, false)),
                Arguments.of("Abstract", CimType.BOOLEAN, CimValue.ofBoolean(false), EnumSet.of(CimScope.CLASS, CimScope.ASSOCIATION, CimScope.INDICATION), new CimFlavor(true, false, false)),
                Arguments.of("Description", CimType.STRING, CimValue.nullOf(CimType.STRING), EnumSet.of(CimScope.ANY), new CimFlavor(true, true, true)),
                Arguments.of("ArrayType", CimType.STRING, CimValue.ofString("Bag"), EnumSet.of(CimScope.PROPERTY, CimScope.PARAMETER), new CimFlavor(false, true, false)),
                Arguments.of("In", CimType.BOOLEAN, CimValue.ofBoolean(true), EnumSet.of(CimScope.PARAMETER), new CimFlavor(false, true, false)),
                Arguments.of("Min", CimType.UINT32, CimValue.ofUint32(0), EnumSet.of(CimScope.REFERENCE), CimFlavor.DEFAULT),
                Arguments.of("MaxValue", CimType.SINT64, CimValue.nullOf(CimType.SINT64), EnumSet.of(CimScope.PROPERTY, CimScope.METHOD, CimScope.PARAMETER), CimFlavor.DEFAULT),
                Arguments.of("ValueMap", CimType.arrayOf(CimType.Kind.STRING), CimValue.nullOf(CimType.arrayOf(CimType.Kind.STRING)), EnumSet.of(CimScope.PROPERTY, CimScope.METHOD, CimScope.PARAMETER), CimFlavor.DEFAULT),
                Arguments.of("Version", CimType.STRING, CimValue.nullOf(CimType.STRING), EnumSet.of(CimScope.CLASS, CimScope.ASSOCIATION, CimScope.INDICATION), new CimFlavor(true, false, true)),
                Arguments.of("Schema", CimType.STRING, CimValue.nullOf(CimType.STRING), EnumSet.of(CimScope.PROPERTY, CimScope.METHOD), new CimFlavor(false, true, true)),
                Arguments.of("Override", CimType.STRING, CimValue.nullOf(CimType.STRING), EnumSet.of(CimScope.PROPERTY, CimScope.REFERENCE, CimScope.METHOD), new CimFlavor(true, false, false)),
                Arguments.of("PropertyUsage", CimType.STRING, CimValue.ofString("CurrentContext"), EnumSet.of(CimScope.PROPERTY), CimFlavor.DEFAULT),
                Arguments.of("Invisible", CimType.BOOLEAN, CimValue.ofBoolean(false), EnumSet.of(CimScope.CLASS, CimScope.ASSOCIATION, CimScope.PROPERTY, CimScope.REFERENCE, CimScope.METHOD), CimFlavor.DEFAULT));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void declarationMatchesTheSchema(String name, CimType type, CimValue def, Set<CimScope> scopes, CimFlavor flavor) {
        CimQualifierType q = BY_NAME.get(CimName.of(name));
        assertEquals(name, q.name().toString());
        assertEquals(type, q.type());
        assertEquals(def, q.defaultValue());
        assertEquals(scopes, q.scopes());
        assertEquals(flavor, q.flavor());
    }
}
