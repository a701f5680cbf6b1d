package org.iscsismis.mof;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.stream.Stream;

import org.iscsismis.cim.CimClass;
import org.iscsismis.cim.CimDateTime;
import org.iscsismis.cim.CimFlavor;
import org.iscsismis.cim.CimInstance;
import org.iscsismis.cim.CimMethod;
import org.iscsismis.cim.CimName;
import org.iscsismis.cim.CimParameter;
import org.iscsismis.cim.CimProperty;
import org.iscsismis.cim.CimQualifier;
import org.iscsismis.cim.CimQualifierType;
import org.iscsismis.cim.CimScope;
import org.iscsismis.cim.CimType;
import org.iscsismis.cim.CimValue;
import org.iscsismis.cim.ObjectPath;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every MOF construct the compiler accepts: a snippet and the cim objects it must give. */
class MofGrammarTest {

    private static final CimFlavor TRANSLATABLE = CimFlavor.DEFAULT.withTranslatable(true);

    // ------------------------------------------------------------------ property types and literals

    static Stream<Arguments> properties() {
        return Stream.of(
                row("boolean B = true;", prop("B", CimValue.ofBoolean(true))),
                row("BOOLEAN B = FALSE;", prop("B", CimValue.ofBoolean(false))),
                row("string S = \"abc\";", prop("S", CimValue.ofString("abc"))),
                row("string S = \"a\" \"b\"\n   \"c\";", prop("S", CimValue.ofString("abc"))),
                row("string S = \"\\b\\t\\n\\f\\r\\\"\\'\\\\\";", prop("S", CimValue.ofString("\b\t\n\f\r\"'\\"))),
                row("string S = \"\\x0041\\X42\\x7e!\";", prop("S", CimValue.ofString("AB~!"))),
                row("string S = \"\";", prop("S", CimValue.ofString(""))),
                row("string S = \"Grüße € 日本\";", prop("S", CimValue.ofString("Grüße € 日本"))),
                row("string S = null;", prop("S", CimValue.nullOf(CimType.STRING))),
                row("string S;", prop("S", CimValue.nullOf(CimType.STRING))),
                row("char16 C = 'a';", prop("C", CimValue.ofChar16('a'))),
                row("char16 C = '\\x41';", prop("C", CimValue.ofChar16('A'))),
                row("char16 C = '\\'';", prop("C", CimValue.ofChar16('\''))),
                row("char16 C = 65;", prop("C", CimValue.ofChar16('A'))),
                row("uint8 U = 255;", prop("U", CimValue.ofUint8(255))),
                row("uint8 U = 0x1F;", prop("U", CimValue.ofUint8(31))),
                row("uint8 U = 0XfF;", prop("U", CimValue.ofUint8(255))),
                row("uint8 U = 017;", prop("U", CimValue.ofUint8(15))),
                row("uint8 U = 101b;", prop("U", CimValue.ofUint8(5))),
                row("uint8 U = 0;", prop("U", CimValue.ofUint8(0))),
                row("sint8 S = -128;", prop("S", CimValue.ofSint8(-128))),
                row("sint8 S = -0x10;", prop("S", CimValue.ofSint8(-16))),
                row("sint8 S = +7;", prop("S", CimValue.ofSint8(7))),
                row("sint8 S = -11B;", prop("S", CimValue.ofSint8(-3))),
                row("uint16 U = 65535;", prop("U", CimValue.ofUint16(65535))),
                row("sint16 S = -32768;", prop("S", CimValue.ofSint16(-32768))),
                row("uint32 U = 4294967295;", prop("U", CimValue.ofUint32(4294967295L))),
                row("sint32 S = -2147483648;", prop("S", CimValue.ofSint32(Integer.MIN_VALUE))),
                row("uint64 U = 18446744073709551615;", prop("U", CimValue.ofUint64(new BigInteger("18446744073709551615")))),
                row("uint64 U = 0xFFFFFFFFFFFFFFFF;", prop("U", CimValue.ofUint64(new BigInteger("18446744073709551615")))),
                row("sint64 S = -9223372036854775808;", prop("S", CimValue.ofSint64(Long.MIN_VALUE))),
                row("real32 R = 1.5;", prop("R", CimValue.ofReal32(1.5f))),
                row("real32 R = .5;", prop("R", CimValue.ofReal32(0.5f))),
                row("real64 R = -2.0e3;", prop("R", CimValue.ofReal64(-2000.0))),
                row("real64 R = 1.25E-2;", prop("R", CimValue.ofReal64(0.0125))),
                row("real64 R = 3;", prop("R", CimValue.ofReal64(3.0))),
                row("datetime D = \"20261125114630.000000+000\";",
                        prop("D", CimValue.ofDateTime(CimDateTime.parse("20261125114630.000000+000")))),
                row("datetime D = \"00000001020304.000000:000\";",
                        prop("D", CimValue.ofDateTime(CimDateTime.parse("00000001020304.000000:000")))),
                row("uint8 A[];", prop("A", CimValue.nullOf(CimType.arrayOf(CimType.Kind.UINT8)))),
                row("uint8 A[] = {1, 2, 0x3};", prop("A", CimValue.of(CimType.arrayOf(CimType.Kind.UINT8), List.of(1, 2, 3)))),
                row("uint8 A[4] = {1, 2};", prop("A", CimValue.of(CimType.arrayOf(CimType.Kind.UINT8), List.of(1, 2)))),
                row("string A[] = {};", prop("A", CimValue.ofStrings(List.of()))),
                row("string A[] = {\"x\", NULL, \"y\" \"z\"};",
                        prop("A", CimValue.of(CimType.arrayOf(CimType.Kind.STRING), Arrays.asList("x", null, "yz")))),
                row("boolean A[] = {true, false};", prop("A", CimValue.of(CimType.arrayOf(CimType.Kind.BOOLEAN), List.of(true, false)))),
                row("datetime A[] = {\"20260101000000.000000+060\"};",
                        prop("A", CimValue.of(CimType.arrayOf(CimType.Kind.DATETIME), List.of(CimDateTime.parse("20260101000000.000000+060"))))),
                // names that are keywords or type names elsewhere
                row("string Scope;", prop("Scope", CimValue.nullOf(CimType.STRING))),
                row("string Flavor;", prop("Flavor", CimValue.nullOf(CimType.STRING))),
                row("uint8 Class = 1;", prop("Class", CimValue.ofUint8(1))),
                row("string Instance;", prop("Instance", CimValue.nullOf(CimType.STRING))),
                row("string Qualifier;", prop("Qualifier", CimValue.nullOf(CimType.STRING))),
                row("string Of;", prop("Of", CimValue.nullOf(CimType.STRING))),
                row("string As;", prop("As", CimValue.nullOf(CimType.STRING))),
                row("string String;", prop("String", CimValue.nullOf(CimType.STRING))),
                row("uint32 Uint32;", prop("Uint32", CimValue.nullOf(CimType.UINT32))),
                row("datetime Boolean;", prop("Boolean", CimValue.nullOf(CimType.DATETIME))),
                row("string Ünïcode_Name;", prop("Ünïcode_Name", CimValue.nullOf(CimType.STRING))),
                // comments anywhere
                row("/* a */ uint8 /* b */ U // c\n = /* d */ 1 ; // e", prop("U", CimValue.ofUint8(1))));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("properties")
    void propertyDeclaration(String declaration, CimProperty expected) {
        MofCompilation c = ok("class T {\n" + declaration + "\n};");
        CimProperty actual = c.classes("root/cimv2").get(0).properties().get(0);
        assertEquals(expected, actual);
        assertEquals(expected.name().toString(), actual.name().toString(), "name spelling preserved");
    }

    private static CimProperty prop(String name, CimValue value) {
        return new CimProperty(CimName.of(name), value.type(), value, List.of(), null, false);
    }

    // ------------------------------------------------------------------ qualifier declarations

    static Stream<Arguments> qualifierDeclarations() {
        return Stream.of(
                row("Qualifier Q : boolean = false, Scope(class, association, indication), Flavor(EnableOverride, Restricted);",
                        CimQualifierType.of("Q", CimType.BOOLEAN, CimValue.ofBoolean(false),
                                EnumSet.of(CimScope.CLASS, CimScope.ASSOCIATION, CimScope.INDICATION), CimFlavor.RESTRICTED)),
                row("qualifier Q : string = \"Bag\", scope(property, parameter), flavor(DisableOverride, ToSubclass);",
                        CimQualifierType.of("Q", CimType.STRING, CimValue.ofString("Bag"),
                                EnumSet.of(CimScope.PROPERTY, CimScope.PARAMETER), CimFlavor.DISABLE_OVERRIDE)),
                row("Qualifier Q : string[], Scope(property, method, parameter);",
                        CimQualifierType.of("Q", CimType.arrayOf(CimType.Kind.STRING), null,
                                EnumSet.of(CimScope.PROPERTY, CimScope.METHOD, CimScope.PARAMETER), CimFlavor.DEFAULT)),
                row("Qualifier Q : string = null, Scope(any), Flavor(EnableOverride, ToSubclass, Translatable);",
                        CimQualifierType.of("Q", CimType.STRING, null, EnumSet.of(CimScope.ANY), TRANSLATABLE)),
                row("Qualifier Q : uint32 = 0, Scope(reference);",
                        CimQualifierType.of("Q", CimType.UINT32, CimValue.ofUint32(0), EnumSet.of(CimScope.REFERENCE), CimFlavor.DEFAULT)),
                row("Qualifier Q : sint64, Scope(property, method, parameter);",
                        CimQualifierType.of("Q", CimType.SINT64, null,
                                EnumSet.of(CimScope.PROPERTY, CimScope.METHOD, CimScope.PARAMETER), CimFlavor.DEFAULT)),
                row("Qualifier Q : string[] = {\"a\", \"b\"}, Scope(class), Flavor(ToInstance);",
                        CimQualifierType.of("Q", CimType.arrayOf(CimType.Kind.STRING), CimValue.ofStrings(List.of("a", "b")),
                                EnumSet.of(CimScope.CLASS), CimFlavor.DEFAULT)),
                row("Qualifier Q : real64 = 1.5, Scope(method);",
                        CimQualifierType.of("Q", CimType.REAL64, CimValue.ofReal64(1.5), EnumSet.of(CimScope.METHOD), CimFlavor.DEFAULT)));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("qualifierDeclarations")
    void qualifierDeclaration(String mof, CimQualifierType expected) {
        MofCompilation c = MofCompiler.offline().compile("q.mof", mof);
        assertFalse(c.hasErrors(), () -> c.diagnostics().toString());
        assertEquals(List.of(expected), c.qualifierTypes("root/cimv2"));
    }

    // ------------------------------------------------------------------ qualifier values and flavors

    static Stream<Arguments> qualifierValues() {
        return Stream.of(
                row("[Key]", q("Key", CimValue.ofBoolean(true), CimFlavor.DISABLE_OVERRIDE)),
                row("[key(false)]", q("key", CimValue.ofBoolean(false), CimFlavor.DISABLE_OVERRIDE)),
                row("[Description (\"one \" \"two\")]", q("Description", CimValue.ofString("one two"), TRANSLATABLE)),
                row("[MaxLen ( 256 )]", q("MaxLen", CimValue.ofUint32(256), CimFlavor.DEFAULT)),
                row("[MaxValue(-5)]", q("MaxValue", CimValue.ofSint64(-5), CimFlavor.DEFAULT)),
                row("[ValueMap {\"0\", \"2..\", \"0x8000..\"}]", q("ValueMap", CimValue.ofStrings(List.of("0", "2..", "0x8000..")), CimFlavor.DEFAULT)),
                row("[ValueMap(\"1\")]", q("ValueMap", CimValue.ofStrings(List.of("1")), CimFlavor.DEFAULT)),
                row("[ArrayType ( \"Indexed\" )]", q("ArrayType", CimValue.ofString("Indexed"), CimFlavor.DISABLE_OVERRIDE)),
                row("[ArrayType]", q("ArrayType", CimValue.ofString("Bag"), CimFlavor.DISABLE_OVERRIDE)),
                row("[Description(\"x\") : DisableOverride Restricted]",
                        q("Description", CimValue.ofString("x"), new CimFlavor(false, false, true))),
                row("[Write : ToSubclass]", q("Write", CimValue.ofBoolean(true), CimFlavor.DEFAULT)),
                row("[Description(NULL)]", q("Description", CimValue.nullOf(CimType.STRING), TRANSLATABLE)),
                row("[Units(\"Bytes\"), PUnit(\"byte\")]", q("Units", CimValue.ofString("Bytes"), TRANSLATABLE),
                        q("PUnit", CimValue.ofString("byte"), CimFlavor.DEFAULT)),
                row("[ModelCorrespondence {\"CIM_A.B\", \"CIM_C.D\"}, Deprecated {\"CIM_X.Y\"}]",
                        q("ModelCorrespondence", CimValue.ofStrings(List.of("CIM_A.B", "CIM_C.D")), CimFlavor.DEFAULT),
                        q("Deprecated", CimValue.ofStrings(List.of("CIM_X.Y")), CimFlavor.RESTRICTED)));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("qualifierValues")
    void qualifierOnProperty(String qualifierList, CimQualifier[] expected) {
        MofCompilation c = ok("class T {\n" + qualifierList + " string P;\n};");
        assertEquals(List.of(expected), c.classes("root/cimv2").get(0).properties().get(0).qualifiers());
    }

    private static CimQualifier[] q(String name, CimValue value, CimFlavor flavor) {
        return new CimQualifier[] {new CimQualifier(CimName.of(name), value, flavor, false)};
    }

    private static Arguments row(String mof, CimQualifier[] a, CimQualifier[] b) {
        return Arguments.of(mof, new CimQualifier[] {a[0], b[0]});
    }

    // ------------------------------------------------------------------ classes

    @Test
    void classWithSuperclassQualifiersAndMethod() {
        MofCompilation c = ok("""
                [Abstract, Version ( "2.19.0" ), UMLPackagePath ( "CIM::Core::CoreElements" ),
                 Description ( "Root." )]
                class CIM_Base {
                  [Key, MaxLen ( 256 )] string InstanceID;
                };
                CLASS cim_thing : CIM_Base {
                  [Override ( "InstanceID" )] string InstanceID;
                  [Static] uint32 Start([In, Out] string Ref, [IN(false), OUT] uint16 Codes[],
                      CIM_Base REF Target, [EmbeddedInstance ( "CIM_Base" )] string Embedded);
                  uint32 Stop();
                  CIM_Base REF Self();
                };
                """);
        CimClass base = c.cimClass("root/cimv2", "CIM_Base");
        assertTrue(base.isAbstract());
        assertEquals(new CimQualifier(CimName.of("Version"), CimValue.ofString("2.19.0"), new CimFlavor(true, false, true), false),
                base.qualifier("Version"));
        assertEquals(List.of(CimName.of("InstanceID")), base.keyNames());

        CimClass thing = c.cimClass("root/cimv2", "CIM_Thing");
        assertEquals("cim_thing", thing.name().toString());
        assertEquals(CimName.of("CIM_Base"), thing.superClassName());
        assertEquals(List.of(), thing.qualifiers(), "nothing propagated: only what is written");
        assertEquals(1, thing.properties().size());
        CimMethod start = thing.method("Start");
        assertEquals(CimType.UINT32, start.returnType());
        assertEquals(List.of(
                CimParameter.of("Ref", CimType.STRING, new CimQualifier(CimName.of("In"), CimValue.ofBoolean(true), CimFlavor.DISABLE_OVERRIDE, false),
                        new CimQualifier(CimName.of("Out"), CimValue.ofBoolean(true), CimFlavor.DISABLE_OVERRIDE, false)),
                CimParameter.of("Codes", CimType.arrayOf(CimType.Kind.UINT16),
                        new CimQualifier(CimName.of("IN"), CimValue.ofBoolean(false), CimFlavor.DISABLE_OVERRIDE, false),
                        new CimQualifier(CimName.of("OUT"), CimValue.ofBoolean(true), CimFlavor.DISABLE_OVERRIDE, false)),
                CimParameter.of("Target", CimType.reference(CimName.of("CIM_Base"))),
                CimParameter.of("Embedded", CimType.INSTANCE,
                        new CimQualifier(CimName.of("EmbeddedInstance"), CimValue.ofString("CIM_Base"), CimFlavor.DEFAULT, false))),
                start.parameters());
        assertEquals(List.of(), thing.method("Stop").parameters());
        assertEquals(CimType.reference(CimName.of("CIM_Base")), thing.method("Self").returnType());
    }

    @Test
    void associationWithReferences() {
        MofCompilation c = ok("""
                class CIM_A { [Key] string Id; };
                [Association, Aggregation, Description("has")]
                class CIM_Has {
                  [Key, Aggregate, Max(1)] CIM_A REF GroupComponent;
                  [Key, Min ( 0 )] CIM_A Ref PartComponent = "CIM_A.Id=\\"x\\"";
                };
                [Association] class CIM_SubHas : CIM_Has {
                  [Override ( "PartComponent" )] CIM_A REF PartComponent;
                };
                """);
        CimClass has = c.cimClass("root/cimv2", "CIM_Has");
        assertTrue(has.isAssociation());
        CimProperty group = has.property("GroupComponent");
        assertEquals(CimType.reference(CimName.of("CIM_A")), group.type());
        assertTrue(group.isKey());
        assertEquals(ObjectPath.builder("CIM_A").key("Id", "x").build(), has.property("PartComponent").value().asReference());
        assertEquals(1, c.cimClass("root/cimv2", "CIM_SubHas").properties().size());
    }

    @Test
    void indicationClass() {
        MofCompilation c = ok("""
                [Indication, Abstract] class CIM_Indication { datetime IndicationTime; };
                class CIM_AlertIndication : CIM_Indication { [Override("IndicationTime")] datetime IndicationTime; };
                """);
        assertTrue(c.cimClass("root/cimv2", "CIM_Indication").isIndication());
    }

    @Test
    void embeddedObjectAndInstanceTypes() {
        MofCompilation c = ok("""
                class T {
                  [EmbeddedInstance ( "CIM_Foo" )] string Setting;
                  [EmbeddedObject] string Any[];
                  [EmbeddedInstance ( "CIM_Foo" )] string Get([In, EmbeddedObject] string Obj);
                };
                """);
        CimClass t = c.cimClass("root/cimv2", "T");
        assertEquals(CimType.INSTANCE, t.property("Setting").type());
        assertEquals(CimType.arrayOf(CimType.Kind.OBJECT), t.property("Any").type());
        assertEquals(CimType.INSTANCE, t.method("Get").returnType());
        assertEquals(CimType.OBJECT, t.method("Get").parameter("Obj").type());
    }

    // ------------------------------------------------------------------ instances

    @Test
    void instancesWithAliasesAndPathStrings() {
        MofCompilation c = ok("""
                class CIM_A { [Key] string Id; [Key] uint16 Num; real32 Ratio; datetime When; uint8 Bytes[]; };
                [Association] class CIM_Link { [Key] CIM_A REF Left; [Key] CIM_A REF Right; };
                instance of CIM_A as $First { Id = "one"; Num = 1; Ratio = 0.5; When = "20260101120000.000000+000"; Bytes = {1, 2}; };
                INSTANCE OF cim_a AS $second { id = "two"; num = 0x2; };
                instance of CIM_Link { Left = $First; Right = $SECOND; };
                instance of CIM_Link { Left = "root/cimv2:CIM_A.Id=\\"one\\",Num=1"; Right = $second; };
                """);
        List<CimInstance> instances = c.instances("root/cimv2");
        assertEquals(4, instances.size());
        ObjectPath first = ObjectPath.builder("CIM_A").namespace("root/cimv2").key("Id", "one").key("Num", CimValue.ofUint16(1)).build();
        ObjectPath second = ObjectPath.builder("CIM_A").namespace("root/cimv2").key("Id", "two").key("Num", CimValue.ofUint16(2)).build();
        CimInstance a = instances.get(0);
        assertEquals(first, a.path());
        assertEquals(CimValue.ofUint16(1), a.value("Num"));
        assertEquals(CimValue.ofReal32(0.5f), a.value("Ratio"));
        assertEquals(CimValue.ofDateTime(CimDateTime.parse("20260101120000.000000+000")), a.value("When"));
        assertEquals(CimValue.of(CimType.arrayOf(CimType.Kind.UINT8), List.of(1, 2)), a.value("Bytes"));
        assertEquals("CIM_A", instances.get(1).className().toString(), "class spelled as declared");
        assertEquals("Id", instances.get(1).properties().get(0).name().toString(), "property spelled as declared");
        CimInstance link = instances.get(2);
        assertEquals(first, link.value("Left").asReference());
        assertEquals(second, link.value("Right").asReference());
        assertEquals(CimType.reference(CimName.of("CIM_A")), link.property("Left").type());
        assertEquals(first, instances.get(3).value("Left").asReference());
        assertEquals(ObjectPath.builder("CIM_Link").namespace("root/cimv2")
                .key("Left", CimValue.ofReference(first)).key("Right", CimValue.ofReference(second)).build(), link.path());
    }

    @Test
    void keyDefaultFromClassCompletesThePath() {
        MofCompilation c = ok("""
                class CIM_A { [Key] string Creation = "fixed"; [Key] string Id; };
                instance of CIM_A { Id = "x"; };
                """);
        assertEquals(ObjectPath.builder("CIM_A").namespace("root/cimv2").key("Creation", "fixed").key("Id", "x").build(),
                c.instances("root/cimv2").get(0).path());
    }

    // ------------------------------------------------------------------ pragmas, BOM, namespaces

    @Test
    void pragmasLocaleAndUnknownAreAcceptedUnknownWarned() {
        MofCompilation c = MofFixtures.compile("""
                #pragma locale ("en_US")
                #PRAGMA instancelocale ("en_US")
                #pragma classflags ("update")
                #pragma namespace ("root/Other")
                class T { };
                """);
        assertFalse(c.hasErrors(), () -> c.diagnostics().toString());
        assertEquals(List.of("test.mof:3:9: warning: unknown pragma 'classflags' ignored"),
                c.diagnostics().stream().map(MofDiagnostic::format).toList());
        assertEquals(1, c.classes("root/other").size());
        assertEquals("root/Other", c.namespaces().get(0).name().toString());
    }

    @Test
    void byteOrderMarkIsSkipped() {
        byte[] utf8 = ("\uFEFFclass T { string Ä; };").getBytes(java.nio.charset.StandardCharsets.UTF_8);
        assertEquals("class T { string Ä; };", MofSession.decode(utf8));
        MofCompilation c = MofCompiler.offline().compile("bom.mof", "\uFEFFclass T { string Ä; };");
        assertFalse(c.hasErrors(), () -> c.diagnostics().toString());
        byte[] utf16 = ("\uFEFFclass T { };").getBytes(java.nio.charset.StandardCharsets.UTF_16BE);
        assertEquals("class T { };", MofSession.decode(utf16));
    }

    // ------------------------------------------------------------------ helpers

    private static MofCompilation ok(String mof) {
        MofCompilation c = MofFixtures.compile(mof);
        assertFalse(c.hasErrors(), () -> String.join("\n", c.diagnostics().stream().map(MofDiagnostic::format).toList()));
        assertTrue(c.warnings().isEmpty(), () -> c.warnings().toString());
        return c;
    }

    private static Arguments row(Object... values) {
        return Arguments.of(values);
    }
}
