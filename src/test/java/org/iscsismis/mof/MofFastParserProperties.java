package org.iscsismis.mof;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import org.antlr.v4.runtime.Token;
import org.iscsismis.testing.DmtfSchema;

/**
 * {@link MofFastParser} gives what ANTLR's clean parse gives — null for the same sources, else trees that are equal
 * field by field ({@link MofTreeDump}) — on every MOF file of the DMTF CIM Schema 2.49.0 release, of {@code mof/} and
 * of the test resources, on the MOF fuzz corpus, on the grammar's corner cases, and on valid MOF with tokens dropped,
 * duplicated, swapped or replaced.
 */
class MofFastParserProperties {

    private static final Path FUZZ_CORPUS = Path.of("src/test/resources/org/iscsismis/mof/MofCompilerFuzzTestInputs");

    /** Asserts agreement; returns whether the source parsed clean. */
    static boolean assertSameParse(String text, String name) {
        List<String> expected = MofTreeDump.dump(MofTreeDump.antlrClean(name, text));
        List<String> actual = MofTreeDump.dump(MofFastParser.parse(name, text));
        String difference = MofTreeDump.firstDifference(expected, actual);
        if (difference != null) {
            fail(name + ": the hand-written parser differs from ANTLR's clean parse, " + difference
                    + (text.length() < 2000 ? "\nsource:\n" + text : ""));
        }
        return !expected.equals(List.of("null"));
    }

    private static List<Path> files(Path dir, boolean mofOnly) throws IOException {
        try (Stream<Path> all = Files.walk(dir)) {
            return all.filter(Files::isRegularFile).filter(f -> !mofOnly || f.toString().endsWith(".mof")).toList();
        }
    }

    @Example
    void everyKnownMofFileIsParsedAsAntlrParsesIt() throws IOException {
        List<Path> files = new ArrayList<>();
        files.addAll(files(DmtfSchema.rootFile().getParent(), true));
        files.addAll(files(Path.of("mof"), true));
        files.addAll(files(Path.of("src/test/resources"), true));
        files.addAll(files(FUZZ_CORPUS, false));
        int clean = 0;
        for (Path f : files) {
            if (assertSameParse(MofSession.decode(Files.readAllBytes(f)), f.toString())) {
                clean++;
            }
        }
        assertTrue(files.size() > 1750, "files: " + files.size());
        assertTrue(clean > 1700 && clean < files.size(), "clean: " + clean + " of " + files.size());
    }

    @Example
    void theGrammarsCornerCasesAreParsedAsAntlrParsesThem() {
        List<String> clean = List.of(
                "", "// nothing\n/* at all */",
                "class A { Foo REF REF; };", "class A { Foo REF; };", "class A { Foo REF(); };",
                "class A { Foo REF Bar; };", "class A { REF REF REF; };", "class A { Ref ref[] = {}; };",
                "class A { uint32 M(Foo REF REF, Foo REF, [In] Foo REF X[], REF REF = $a); };",
                "class A { uint32 REF(REF REF[2] = {1, -2, +0x1F, 101b, .5, 'c', \"s\" \"t\", true, false, null}); };",
                "[Key, Description(\"x\") : ToSubclass DisableOverride Translatable, V{\"a\", $b}] class class : of as $c { };",
                "[A] instance of B as $x { [Q(1)] P = \"a\" \"b\"; R = $x; S = {$x, 1}; };",
                "instance of scope { flavor = -1; };",
                "qualifier Q : string[] = {\"a\"}, scope(class, property), flavor(ToSubclass);",
                "qualifier Q : boolean = false, scope(any);",
                "#pragma locale(\"en_US\") #pragma namespace (\"root/x\") # pragma x () #pragma y",
                "class A { [Override(\"B\")] string S = \"\\x41\\n\"; };",
                "class A { sint8 S = - 1; real32 R = +1.5e-3; };");
        for (String text : clean) {
            assertTrue(assertSameParse(text, "corner.mof"), text);
        }
        List<String> broken = List.of(
                "class", "class A { };;x", "class A { Foo REF REF REF; };", "class A { Foo REF }; };",
                "class A { Foo true; };", "class A { string S = -\"x\"; };", "class A { string S = ; };",
                "[Key] qualifier Q : string, scope(any);", "[Key] ;", "[] class A { };", "[Q :] class A { };",
                "qualifier Q : string, scope();", "qualifier Q : string, scope(any), flavor();",
                "instance of A { P = 1 };", "class A { uint8 U[3 = 1; };", "#pragma", "#pragma x (1,)",
                "class A { string S = \"x; };", "class A { } ; @", "class A { string S = {1,}; };");
        for (String text : broken) {
            assertTrue(!assertSameParse(text, "broken.mof"), text);
        }
    }

    @Example
    void theTreeHoldsTheLabelsTheCompilerReads() {
        MofParser.MofSpecificationContext tree = MofFastParser.parse("x.mof", "[K] class A { Foo REF REF; Foo REF; };");
        assertNotNull(tree);
        MofParser.ClassDeclarationContext c = tree.productions.get(0).classDecl;
        assertEquals(MofParser.LBRACKET, c.getStart().getType());
        assertEquals(c, c.quals.getParent());
        assertNotNull(c.features.get(0).isRef);
        assertEquals("REF", c.features.get(0).featureName.getStart().getText());
        assertNull(c.features.get(1).isRef);
        assertEquals(Token.EOF, tree.getStop().getType());
        assertNull(MofFastParser.parse("x.mof", "class A { }; \u0001"));
    }

    // ------------------------------------------------------------------ mutations of valid MOF

    /** Valid sources small enough to mutate many times: mof/'s files and the test resources. */
    private static final List<String> SOURCES = validSources();

    private static List<String> validSources() {
        try {
            List<String> out = new ArrayList<>();
            List<Path> files = new ArrayList<>(files(Path.of("mof"), true));
            files.addAll(files(Path.of("src/test/resources/org/iscsismis/mof"), true));
            for (Path f : files) {
                String text = MofSession.decode(Files.readAllBytes(f));
                if (text.length() < 40_000 && MofTreeDump.antlrClean(f.toString(), text) != null) {
                    out.add(text);
                }
            }
            return out;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    enum Mutation { DROP, DUPLICATE, SWAP, REPLACE }

    record Mutated(String text, Mutation how) {
    }

    /** One to three token mutations of a valid source; REPLACE puts another token of the same source there. */
    @Provide
    Arbitrary<Mutated> mutatedMof() {
        return Arbitraries.of(SOURCES).flatMap(source -> {
            List<Token> tokens = new ArrayList<>();
            MofScanner scanner = new MofScanner(source, "m.mof");
            for (Token t = scanner.nextToken(); t.getType() != Token.EOF; t = scanner.nextToken()) {
                tokens.add(t);
            }
            Arbitrary<int[]> edit = Combinators.combine(Arbitraries.integers().between(0, 3),
                    Arbitraries.integers().between(0, tokens.size() - 2), Arbitraries.integers().between(0, tokens.size() - 1))
                    .as((how, at, other) -> new int[] {how, at, other});
            return edit.list().ofMinSize(1).ofMaxSize(3).map(edits -> {
                String text = source;
                Mutation first = Mutation.values()[edits.get(0)[0]];
                // applied from the end of the text, so the earlier positions still hold
                edits.sort((a, b) -> Integer.compare(b[1], a[1]));
                for (int[] e : edits) {
                    text = mutate(text, tokens, Mutation.values()[e[0]], e[1], e[2]);
                }
                return new Mutated(text, first);
            });
        });
    }

    private static String mutate(String text, List<Token> tokens, Mutation how, int at, int other) {
        Token t = tokens.get(at);
        int from = t.getStartIndex();
        int to = t.getStopIndex() + 1;
        if (to > text.length()) {
            return text;
        }
        String piece = text.substring(from, to);
        return switch (how) {
            case DROP -> text.substring(0, from) + text.substring(to);
            case DUPLICATE -> text.substring(0, to) + " " + piece + text.substring(to);
            case SWAP -> {
                Token next = tokens.get(at + 1);
                if (next.getStopIndex() + 1 > text.length()) {
                    yield text;
                }
                String nextPiece = text.substring(next.getStartIndex(), next.getStopIndex() + 1);
                yield text.substring(0, from) + nextPiece + text.substring(to, next.getStartIndex()) + piece
                        + text.substring(next.getStopIndex() + 1);
            }
            case REPLACE -> {
                Token o = tokens.get(other);
                yield text.substring(0, from) + " " + o.getText() + " " + text.substring(to);
            }
        };
    }

    @Property(tries = 1000)
    void mutatedMofIsParsedAsAntlrParsesIt(@ForAll("mutatedMof") Mutated m) {
        boolean clean = assertSameParse(m.text(), "mutated.mof");
        Statistics.label("outcome").collect(clean ? "clean" : "syntax error");
        Statistics.label("outcome").coverage(c -> {
            c.check("clean").percentage(p -> p > 2);
            c.check("syntax error").percentage(p -> p > 30);
        });
    }
}
