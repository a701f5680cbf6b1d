package org.iscsismis.mof;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Each mistake a MOF author makes ──▶ the exact file:line:col and message the compiler reports. */
class MofErrorTest {

    static Stream<Arguments> mistakes() {
        return Stream.of(
                row("class A { string X }; ",
                        "test.mof:1:19: error: missing ';' after 'X'"),
                row("class A { string X; }\nclass B { };",
                        "test.mof:1:22: error: missing ';' after '}'"),
                row("class A {\n  uint8 X = ;\n};",
                        "test.mof:2:13: error: unexpected ';'; expected a value, '{' or an alias ($name)"),
                row("class A { string X = \"abc; };",
                        "test.mof:1:22: error: unterminated string: a string must end with \" on the same line"),
                row("[Frobnicate] class A { };",
                        "test.mof:1:2: error: unknown qualifier Frobnicate on class A (no qualifier declaration named Frobnicate in namespace root/cimv2)"),
                row("[Key] class A { };",
                        "test.mof:1:2: error: qualifier Key may not be used on a class (class A); its scope is property, reference"),
                row("class A { [In] string X; };",
                        "test.mof:1:12: error: qualifier In may not be used on a property (property A.X); its scope is parameter"),
                row("class A { [Description(42)] string X; };",
                        "test.mof:1:24: error: wrong value for qualifier Description (string) on property A.X: expected a string, got the integer 42"),
                row("class A { [MaxLen(\"x\")] string X; };",
                        "test.mof:1:19: error: wrong value for qualifier MaxLen (uint32) on property A.X: expected an integer (uint32), got the string \"x\""),
                row("class A { [Description{\"a\", \"b\"}] string X; };",
                        "test.mof:1:23: error: qualifier Description on property A.X is not an array (its type is string) but is given an array of 2 values"),
                row("class A : CIM_Nothing { };",
                        "test.mof:1:11: error: unknown superclass CIM_Nothing of class A (a superclass must be declared before its subclasses)"),
                row("class A { };\nclass a { };",
                        "test.mof:2:7: error: class a is already declared at test.mof:1:7"),
                row("class A { string X; uint8 x; };",
                        "test.mof:1:27: error: property x is declared twice in class A (first at line 1)"),
                row("class A { uint32 M(); uint32 m(); };",
                        "test.mof:1:30: error: method m is declared twice in class A (first at line 1)"),
                row("class A { uint32 M(string P, uint8 p); };",
                        "test.mof:1:36: error: parameter p is declared twice in method A.M"),
                row("class A { string X; };\nclass B : A { [Override(\"Y\")] string Y; };",
                        "test.mof:2:24: error: Override (\"Y\") on property B.Y: no property or reference Y in the superclasses of B (A)"),
                row("class A { uint8 x = 300; };",
                        "test.mof:1:21: error: wrong default value for property A.x (uint8): 300 is out of range for uint8 (0 to 255)"),
                row("[Association] class L { CIM_Missing REF A; CIM_Missing REF B; };",
                        "test.mof:1:25: error: reference L.A refers to unknown class CIM_Missing", "test.mof:1:44: error: reference L.B refers to unknown class CIM_Missing"),
                row("class A { [Key] string Id; };\ninstance of A { };",
                        "test.mof:2:13: error: instance of A has no value for key property Id"),
                row("class A { [Key] string Id; };\ninstance of A { Id = \"x\"; Size = 3; };",
                        "test.mof:2:27: error: class A has no property Size"),
                row("class A { [Key] string Id; uint8 N; };\ninstance of A { Id = \"x\"; N = \"three\"; };",
                        "test.mof:2:31: error: wrong value for property N (uint8) of instance of A: expected an integer (uint8), got the string \"three\""),
                row("class A { [Key] string Id; };\n[Association] class L { [Key] A REF X; [Key] A REF Y; };\ninstance of L { X = $nobody; Y = $nobody; };",
                        "test.mof:3:21: error: wrong value for property X (A REF) of instance of L: unknown alias $nobody (declare it first: instance of ClassName as $nobody { ... };)", "test.mof:3:34: error: wrong value for property Y (A REF) of instance of L: unknown alias $nobody (declare it first: instance of ClassName as $nobody { ... };)"),
                row("class A { [Key] string Id; };\ninstance of A as $a { Id = \"1\"; };\ninstance of A as $A { Id = \"2\"; };",
                        "test.mof:3:18: error: alias $A is already used at test.mof:2:18"),
                row("#pragma namespace (\"root//x\")",
                        "test.mof:1:20: error: malformed #pragma namespace: namespace has an empty segment: \"root//x\""),
                row("#pragma namespace (42)",
                        "test.mof:1:20: error: malformed #pragma namespace: it takes one string, e.g. #pragma namespace (\"root/cimv2\")"),
                row("[Association] class L { string X; };",
                        "test.mof:1:21: error: association L has no references; an association needs at least two (ClassName REF Name)"),
                row("class A { };\nclass B { A REF X; };",
                        "test.mof:2:17: error: reference B.X is in class B, which is not an association: only association classes (qualifier Association) may have references"),
                row("[Abstract] class A { [Key] string Id; };\ninstance of A { Id = \"x\"; };",
                        "test.mof:2:13: error: class A is abstract: it cannot have instances"),
                row("instance of Nobody { Id = \"x\"; };",
                        "test.mof:1:13: error: instance of unknown class Nobody"),
                row("class A { string X = \"bad \\q escape\"; };",
                        "test.mof:1:27: error: wrong default value for property A.X (string): unknown escape \\q (MOF knows \\b \\t \\n \\f \\r \\\" \\' \\\\ and \\xHHHH)"),
                row("class A { uint8 X = 019; };",
                        "test.mof:1:23: error: wrong default value for property A.X (uint8): not an octal number: 019 (a number with a leading 0 is octal; its digits are 0 to 7)"),
                row("class A { datetime D = \"2026\"; };",
                        "test.mof:1:24: error: wrong default value for property A.D (datetime): not a datetime: datetime must have 25 characters, got 4: \"2026\""),
                row("class A { Strng X; };",
                        "test.mof:1:11: error: unknown type 'Strng' of property A.X (expected boolean, string, char16, uint8, sint8, uint16, sint16, uint32, sint32, uint64, sint64, real32, real64 or datetime, or 'ClassName REF' for a reference)"),
                row("class A { [Key] string Id; };\nclass B { A X; };",
                        "test.mof:2:11: error: a class is not a data type: write 'A REF name' for a reference, or a string with EmbeddedInstance (\"A\") (property B.X)"),
                row("class A { char16 C = 'ab'; };",
                        "test.mof:1:22: error: wrong default value for property A.C (char16): a char16 literal holds exactly one character, not 2: 'ab'"),
                row("class A { uint8 X[2] = {1, 2, 3}; };",
                        "test.mof:1:24: error: wrong default value for property A.X (uint8[]): property A.X holds at most 2 values, the default has 3"),
                row("class A { uint8 X = {1}; };",
                        "test.mof:1:21: error: wrong default value for property A.X (uint8): expected a single uint8 value, got an array of 1 value"),
                row("class A { uint8 X[] = 1; };",
                        "test.mof:1:23: error: wrong default value for property A.X (uint8[]): expected an array of uint8 ({...}), got the integer 1"),
                row("Qualifier Q : boolean = 1, Scope(class);",
                        "test.mof:1:25: error: wrong default value for qualifier Q (boolean): expected a boolean (TRUE or FALSE), got the integer 1"),
                row("Qualifier Q : boolean, Scope(klass);",
                        "test.mof:1:30: error: unknown scope 'klass' in qualifier Q (scopes are class, association, indication, property, reference, method, parameter and any)"),
                row("Qualifier Q : boolean, Scope(class), Flavor(EnableOverride, DisableOverride);",
                        "test.mof:1:61: error: flavors EnableOverride and DisableOverride contradict each other on qualifier declaration Q"),
                row("class A { [Key : Frozen] string X; };",
                        "test.mof:1:18: error: unknown flavor 'Frozen' on qualifier Key (flavors are EnableOverride, DisableOverride, ToSubclass, Restricted, Translatable)"),
                row("class A { [Key, Key] string X; };",
                        "test.mof:1:17: error: qualifier Key is given twice on property A.X"),
                row("class A : A { };",
                        "test.mof:1:11: error: class A cannot be its own superclass"),
                row("class A { [Override(\"X\")] string X; };",
                        "test.mof:1:20: error: Override (\"X\") on property A.X, but class A has no superclass"),
                row("class A { string X; };\n/* never closed",
                        "test.mof:2:1: error: unterminated comment: /* has no closing */"),
                row("class A { [Description(\"x\")] string X; }",
                        "test.mof:1:41: error: missing ';' after '}'"),
                row("class A { [Key] string Id; };\ninstance of A { Id = \"x\"; Id = \"y\"; };",
                        "test.mof:2:27: error: property Id is given twice in this instance of A"),
                row("class A { [Key] string Id; };\ninstance of A { Id = NULL; };",
                        "test.mof:2:13: error: instance of A has no value for key property Id (it is NULL)"),
                row("class A { [EmbeddedInstance(\"X\")] uint8 X; };",
                        "test.mof:1:35: error: EmbeddedInstance may only qualify a string, but property A.X is uint8"),
                row("class A { string X = $a; };",
                        "test.mof:1:22: error: wrong default value for property A.X (string): expected a string, got the alias $a"),
                row("class A { [Key] string Id; };\n[Association] class L { [Key] A REF X; [Key] A REF Y; };\ninstance of L { X = \"not a path\"; Y = 3; };",
                        "test.mof:3:21: error: wrong value for property X (A REF) of instance of L: not an object path: bad object path at position 0 (bad class name \"not a path\"): \"not a path\"", "test.mof:3:39: error: wrong value for property Y (A REF) of instance of L: expected a reference (an alias $name or an object path string), got the integer 3"));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("mistakes")
    void reportsTheMistakeWhereItIs(String mof, List<String> expected) {
        MofCompilation c = MofFixtures.compile(mof);
        assertEquals(expected, c.diagnostics().stream().map(MofDiagnostic::format).toList());
        assertTrue(c.hasErrors());
    }

    private static Arguments row(String mof, String... expected) {
        return Arguments.of(mof, List.of(expected));
    }

    @Test
    void overlongNumericLiteralIsRefusedByLength() {
        MofCompilation c = MofFixtures.compile("class A { uint64 X = " + "9".repeat(100_000) + "; };");
        assertEquals(List.of("test.mof:1:22: error: wrong default value for property A.X (uint64): a numeric literal of 100000 characters exceeds the limit of 256 characters"),
                c.diagnostics().stream().map(MofDiagnostic::format).toList());
    }
}
