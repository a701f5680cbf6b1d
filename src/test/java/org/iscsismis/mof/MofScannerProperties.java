package org.iscsismis.mof;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.TokenSource;
import org.iscsismis.testing.DmtfSchema;

/**
 * The hand-written {@link MofScanner} gives exactly the tokens of the lexer ANTLR generates from {@code Mof.g4}
 * (type, text, line, column), on every file of the DMTF CIM Schema 2.49.0 release and of {@code mof/}, and on any
 * text made of MOF's pieces and of characters at the edges of the grammar's character classes.
 */
class MofScannerProperties {

    /** One token as both lexers must report it. */
    static String describe(Token t) {
        return t.getType() + " " + t.getLine() + ":" + t.getCharPositionInLine() + " [" + t.getText() + "]";
    }

    static List<String> tokens(TokenSource source) {
        List<String> out = new ArrayList<>();
        for (Token t = source.nextToken(); ; t = source.nextToken()) {
            out.add(describe(t));
            if (t.getType() == Token.EOF) {
                return out;
            }
        }
    }

    static void assertSameTokens(String text, String name) {
        List<String> expected = tokens(new MofLexer(CharStreams.fromString(text, name)));
        List<String> actual = tokens(new MofScanner(text, name));
        assertEquals(expected, actual, name);
    }

    @Example
    void theWholeDmtfReleaseAndOurSchemaAreScannedAsTheGeneratedLexerDoes() throws IOException {
        List<Path> files = new ArrayList<>();
        for (Path dir : List.of(DmtfSchema.rootFile().getParent(), Path.of("mof"), Path.of("src/test/resources"))) {
            try (Stream<Path> all = Files.walk(dir)) {
                all.filter(f -> f.toString().endsWith(".mof")).forEach(files::add);
            }
        }
        assertTrue(files.size() > 1700, "files: " + files.size());
        for (Path f : files) {
            assertSameTokens(MofSession.decode(Files.readAllBytes(f)), f.toString());
        }
    }

    @Provide
    Arbitrary<String> mofLikeText() {
        Arbitrary<String> pieces = Arbitraries.of(
                "class", "CLASS", "Class", "qualifier", "instance", "of", "As", "ref", "scope", "flavor", "true", "FALSE",
                "null", "claſs", "İnstance", "K", "pragma", "#pragma", "# \tPRAGMA", "#prag", "#", "$", "$a1", "$_", "$9",
                "0", "1", "01", "0101b", "12b", "0x", "0x1F", "0X", "0xg", ".", ".5", "5.", "1.5e", "1.5E+3", "1.5e-", "2e5",
                "\"", "\"\"", "\"a\\\"b\"", "\"\\", "\"x\ny\"", "'", "''", "'a'", "'\\''", "'\\n'", "\\", "/", "*", "/*",
                "*/", "/**/", "/* x\n y */", "//", "// c\r\n", "(", ")", "{", "}", "[", "]", ";", ":", ",", "=", "+", "-",
                " ", "\t", "\n", "\r", "\r\n", "\f", "\u000B", "\u0000", "_", "a", "Z", "9", "é", "\u00BF", "\u00C0",
                "\u00D7", "\uFFFD", "\uFFFE", "\uFFFF", "\uD83D\uDE00", "\uD800", "\uDC00", "µ", "ÿ", "Ω", "~", "@", "`");
        return pieces.list().ofMaxSize(30).map(l -> String.join("", l));
    }

    @Property(tries = 2000)
    void anyMofLikeTextIsScannedAsTheGeneratedLexerDoes(@ForAll("mofLikeText") String text) {
        assertSameTokens(text, "generated.mof");
    }

    @Property(tries = 500)
    void anyTextAtAllIsScannedAsTheGeneratedLexerDoes(@ForAll String text) {
        assertSameTokens(text, "any.mof");
    }

    /** Each unclosed comment start is two BAD_CHARs; past the first search that finds no end, none is searched again. */
    @Example
    void manyUnclosedCommentStartsAreBadCharacters() {
        assertSameTokens("/* ".repeat(2_000) + "x", "x.mof");
        List<String> tokens = tokens(new MofScanner("/* ".repeat(200_000) + "x", "x.mof"));
        assertEquals(400_002, tokens.size());
        assertEquals(MofParser.IDENTIFIER + " 1:600000 [x]", tokens.get(400_000));
    }

    @Example
    void anUnterminatedCommentIsABadCharAndTheRestIsScanned() {
        List<String> tokens = tokens(new MofScanner("/* open\nclass", "x.mof"));
        assertEquals(List.of(MofParser.BAD_CHAR + " 1:0 [/]", MofParser.BAD_CHAR + " 1:1 [*]", MofParser.IDENTIFIER + " 1:3 [open]",
                MofParser.CLASS + " 2:0 [class]", Token.EOF + " 2:5 [<EOF>]"), tokens);
        assertSameTokens(new String("/* open\nclass".getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8), "x.mof");
    }
}
