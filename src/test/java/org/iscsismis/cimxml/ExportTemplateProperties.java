package org.iscsismis.cimxml;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.LongRange;
import org.iscsismis.cim.CimInstance;
import org.iscsismis.cim.CimValue;

/**
 * A listener's request spliced from the shared template is byte for byte the request written for that listener alone:
 * for any indication (sequence properties already present or not, anything in its strings, an embedded instance) and
 * any sequence values, and also when the indication's content contains a marker.
 */
class ExportTemplateProperties {

    private static final CimXmlExportCodec CODEC = new CimXmlExportCodec();

    @Provide
    Arbitrary<String> text() {
        return Arbitraries.oneOf(Arbitraries.strings().all().ofMaxLength(30),
                Arbitraries.strings().withChars("<>&\"' :/-.0123456789abc").ofMaxLength(30));
    }

    @Provide
    Arbitrary<String> context() {
        return Arbitraries.oneOf(Arbitraries.strings().withChars("abcXYZ019:._-/@").ofMinLength(1).ofMaxLength(40),
                Arbitraries.strings().withChars("ab:<&\" é").ofMinLength(1).ofMaxLength(20));
    }

    @Provide
    Arbitrary<Integer> shape() {
        return Arbitraries.integers().between(0, 3);
    }

    /** 0: no sequence properties; 1: both NULL, first; 2: SequenceNumber only, last; 3: both set, in the middle. */
    private static CimInstance indication(String a, String b, int shape) {
        CimInstance embedded = CimInstance.builder("MSISCSITARGET_StorageSynchronized").property("ElementName", b)
                .property("CopyState", CimValue.ofUint16(4)).build();
        CimInstance.Builder i = CimInstance.builder("CIM_InstModification");
        if (shape == 1) {
            i.property("SequenceContext", CimValue.nullOf(org.iscsismis.cim.CimType.STRING))
                    .property("SequenceNumber", CimValue.nullOf(org.iscsismis.cim.CimType.SINT64));
        }
        i.property("IndicationIdentifier", a).property("SourceInstance", CimValue.ofEmbeddedInstance(embedded));
        if (shape == 3) {
            i.property("SequenceContext", "old").property("SequenceNumber", CimValue.ofSint64(7));
        }
        i.property("ChangedPropertyNames", CimValue.ofStrings(List.of("CopyState", b)));
        if (shape == 2) {
            i.property("SequenceNumber", CimValue.ofSint64(-1));
        }
        return i.build();
    }

    @Property(tries = 400)
    void aSplicedRequestIsTheRequestWrittenForThatListener(@ForAll("text") String a, @ForAll("text") String b,
            @ForAll("shape") int shape, @ForAll("context") String context, @ForAll @LongRange(min = 0) long number) {
        CimInstance i = indication(a, b, shape);
        ExportTemplate t = CODEC.template(i);
        t.request("first:0", "first", 0); // the first listener's is written whole; the others' are spliced
        String messageId = context + ":" + number;
        assertArrayEquals(CODEC.exportIndication(ExportTemplate.sequenced(i, context, number), messageId),
                t.request(messageId, context, number));
    }

    @Example
    void plainIndicationsAreSplicedAndEachListenerGetsItsOwnNumbers() {
        ExportTemplate t = CODEC.template(indication("id-1", "pair", 0));
        for (int n = 0; n < 3; n++) {
            for (String ctx : List.of("iscsi-smis:run:one", "iscsi-smis:run:two")) {
                assertArrayEquals(CODEC.exportIndication(ExportTemplate.sequenced(t.indication(), ctx, n), ctx + ":" + n),
                        t.request(ctx + ":" + n, ctx, n));
            }
        }
        assertTrue(t.spliced());
    }

    @Example
    void anIndicationThatContainsAMarkerIsWrittenWholeForEachListener() {
        for (String content : List.of(ExportTemplate.CONTEXT_MARK, ExportTemplate.MESSAGE_ID_MARK, Long.toString(ExportTemplate.NUMBER_MARK))) {
            CimInstance i = indication(content, "x", 0);
            ExportTemplate t = CODEC.template(i);
            for (int n = 5; n < 7; n++) {
                assertArrayEquals(CODEC.exportIndication(ExportTemplate.sequenced(i, "ctx", n), "ctx:" + n), t.request("ctx:" + n, "ctx", n));
            }
            assertFalse(t.spliced(), content);
        }
    }
}
