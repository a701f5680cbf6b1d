package org.iscsismis.cimxml;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import org.iscsismis.cim.CimInstance;
import org.iscsismis.cim.CimType;
import org.iscsismis.cim.CimValue;
import org.iscsismis.cim.ObjectPath;
import org.junit.jupiter.api.Test;

/**
 * The response path's byte writer ({@link CimXmlElementWriter#forStream}) writes exactly the bytes
 * the Woodstox writer ({@link CimXmlElementWriter#newWriter}) writes for the same elements.
 */
class Utf8XmlOutProperties {

    interface Body {
        void write(CimXmlElementWriter w) throws Exception;
    }

    static byte[] viaWoodstox(Body body) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        var x = CimXmlElementWriter.newWriter(out);
        x.writeStartElement("R");
        body.write(new CimXmlElementWriter(x));
        x.writeEndElement();
        x.flush();
        return out.toByteArray();
    }

    static byte[] viaBytes(Body body) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        CimXmlElementWriter w = CimXmlElementWriter.forStream(out);
        w.out().start("R");
        body.write(w);
        w.out().end();
        w.flush();
        return out.toByteArray();
    }

    static void assertSameBytes(Body body) throws Exception {
        byte[] expected = viaWoodstox(body);
        byte[] actual = viaBytes(body);
        if (!Arrays.equals(expected, actual)) {
            assertEquals(new String(expected, StandardCharsets.UTF_8), new String(actual, StandardCharsets.UTF_8));
            assertArrayEquals(expected, actual);
        }
    }

    @Provide
    Arbitrary<String> anyText() {
        Arbitrary<Character> any = Arbitraries.chars().all();
        Arbitrary<Character> special = Arbitraries.of('<', '>', '&', '"', '\'', '\r', '\n', '\t', '\u0000', '\u001F',
                '\u007F', '\u0080', '\u0085', '\u009F', '\u00A0', '\u2028', '\uFFFD', '\uFFFE', '\uFFFF', '\uD83D', '\uDE00',
                ']', 'a');
        Arbitrary<String> nonBmp = Arbitraries.of("\uD83D\uDE00", "\uD800\uDC00", "\uDBFF\uDFFF", "]]>", "]>", "]x>");
        return Arbitraries.oneOf(
                Arbitraries.just(""),
                Arbitraries.strings().all().ofMaxLength(60),
                Arbitraries.frequencyOf(
                        Tuple.of(2, any.map(String::valueOf)),
                        Tuple.of(4, special.map(String::valueOf)),
                        Tuple.of(1, nonBmp)).list().ofMaxSize(40).map(l -> String.join("", l)));
    }

    @Property(tries = 1000)
    void textAndAttributesAreWrittenLikeWoodstox(@ForAll("anyText") String s) throws Exception {
        CimInstance inst = CimInstance.builder("T").property("p", s).property("n", CimValue.ofSint64(-s.length()))
                .path(ObjectPath.builder("T").key("k", s).build()).build();
        assertSameBytes(w -> w.namedInstance(inst));
        // twice in one writer: the second start tags come from the writer's cache of encoded tags
        assertSameBytes(w -> {
            w.namedInstance(inst);
            w.namedInstance(inst);
            w.instance(CimXmlRoundTripTest.INSTANCE);
            w.instance(CimXmlRoundTripTest.INSTANCE);
        });
        assertSameBytes(w -> w.className(org.iscsismis.cim.CimName.of("T")));
        // a reference as key and as property, in several instances: the repeats are copied bytes
        assertSameBytes(w -> {
            for (int i = 0; i < 3; i++) {
                w.namedInstance(association(s, i));
            }
        });
        assertSameBytes(w -> {
            w.out().start("VALUE");
            w.out().attribute("A", s);
            w.out().text(s);
            w.out().text(s);
            w.out().end();
        });
    }

    /** real64 values: the byte writer formats them without a String, Woodstox gets Double.toString's. */
    @Property(tries = 1000)
    void realsAreWrittenLikeWoodstox(@ForAll double d) throws Exception {
        assertSameBytes(w -> w.value(CimValue.ofReal64(d)));
        assertSameBytes(w -> w.namedInstance(CimInstance.builder("T").property("r", CimValue.ofReal64(d))
                .path(ObjectPath.builder("T").key("k", CimValue.ofReal64(d)).build()).build()));
    }

    @Test
    void realsAtTheEdges() throws Exception {
        for (double d : new double[] {0.0, -0.0, 1.0, -1.5, 0.1, 1e-300, 1e300, 1e7, 1e-3, 9.999999999999999e22,
                Double.MIN_VALUE, Double.MIN_NORMAL, Double.MAX_VALUE, Double.NaN, Double.POSITIVE_INFINITY,
                Double.NEGATIVE_INFINITY}) {
            assertSameBytes(w -> w.value(CimValue.ofReal64(d)));
        }
    }

    @Test
    void everyCharacterOfTheBmpAloneAndInContext() throws Exception {
        for (int c = 0; c <= 0xFFFF; c++) {
            String one = String.valueOf((char) c);
            String ctx = "]" + (char) c + ">x";
            assertSameBytes(w -> {
                w.out().start("V");
                w.out().attribute("A", one);
                w.out().attribute("B", ctx);
                w.out().text(one);
                w.out().end();
                w.out().start("V");
                w.out().text(ctx);
                w.out().end();
            });
        }
    }

    @Test
    void longStringsCrossTheBufferAndItsSlices() throws Exception {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; sb.length() < 200_000; i++) {
            sb.append("<&>\"]>\r\n\t\u0085\u00e9\u20ac\uD83D\uDE00 text ").append(i);
        }
        String s = sb.toString();
        assertSameBytes(w -> w.instance(CimInstance.builder("T").property("p", s).build()));
    }

    @Test
    void manyDistinctCachedStartTagsInOneWriter() throws Exception {
        CimInstance.Builder b = CimInstance.builder("T");
        for (int i = 0; i < 300; i++) {
            b.property("p" + i, i % 3 == 0 ? CimValue.ofString("v" + i) : CimValue.ofUint32(i));
        }
        CimInstance wide = b.build();
        assertSameBytes(w -> {
            for (int round = 0; round < 3; round++) {
                w.instance(wide);
            }
        });
    }

    /** An association instance whose two key references are also its reference properties (the same objects). */
    static CimInstance association(String text, int n) {
        ObjectPath a = ObjectPath.builder("E").namespace("root/x").key("Id", text + n).build();
        ObjectPath b = ObjectPath.builder("E").namespace("root/x").key("Id", n + text).key("N", CimValue.ofUint32(n)).build();
        ObjectPath path = ObjectPath.builder("A").key("Left", CimValue.ofReference(a)).key("Right", CimValue.ofReference(b)).build();
        return CimInstance.builder("A").path(path).property("Left", path.key(org.iscsismis.cim.CimName.of("Left")))
                .property("Right", path.key(org.iscsismis.cim.CimName.of("Right"))).property("Other", text).build();
    }

    @Test
    void repeatedReferencesAcrossTheBufferAndMoreThanTheWriterKeeps() throws Exception {
        // references of 10 KB: some are written across a drain of the 32 KB buffer and must not be kept half
        String big = "k".repeat(10_000) + "<&>\u00e9";
        assertSameBytes(w -> {
            for (int i = 0; i < 20; i++) {
                w.namedInstance(association(big, i));
            }
        });
        // more distinct references in a row than the writer keeps, then the first ones again
        CimInstance[] many = new CimInstance[6];
        for (int i = 0; i < many.length; i++) {
            many[i] = association("x", i);
        }
        assertSameBytes(w -> {
            for (int round = 0; round < 3; round++) {
                for (CimInstance i : many) {
                    w.namedInstance(i);
                }
            }
        });
    }

    @Test
    void numbersAndValuesOfEveryType() throws Exception {
        assertSameBytes(w -> w.instance(CimXmlRoundTripTest.INSTANCE));
        for (long v : new long[] {0, 1, -1, 9, 10, 99, 100, Long.MAX_VALUE, Long.MIN_VALUE, Integer.MIN_VALUE, 4294967295L}) {
            assertSameBytes(w -> w.value(CimValue.ofSint64(v)));
        }
        assertSameBytes(w -> w.value(CimValue.of(CimType.arrayOf(CimType.Kind.STRING), Arrays.asList("a", null, "]>"))));
    }
}
