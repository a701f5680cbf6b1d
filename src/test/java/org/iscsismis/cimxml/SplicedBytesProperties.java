package org.iscsismis.cimxml;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.io.ByteArrayOutputStream;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * {@link Utf8XmlOut#spliced} writes the same bytes as {@link XmlOut#encoded} called for each markup piece and content
 * run in turn: inside the buffer, across a drain, and larger than the buffer.
 */
class SplicedBytesProperties {

    /** The smallest buffer the writer takes, so that splices cross and exceed it. */
    private static final int BUFFER = 1;

    @Provide
    Arbitrary<List<byte[]>> pieces() {
        return Arbitraries.bytes().array(byte[].class).ofMaxSize(3000).list().ofMinSize(1).ofMaxSize(12);
    }

    @Property(tries = 300)
    void splicedIsEveryPieceInTurn(@ForAll("pieces") List<byte[]> markup, @ForAll("pieces") List<byte[]> runs,
                                   @ForAll @IntRange(max = 7000) int before, @ForAll @IntRange(max = 2) int repeats)
            throws Exception {
        byte[][] pieces = markup.toArray(new byte[0][]);
        int n = pieces.length - 1;
        int[] lengths = new int[n + 1];
        ByteArrayOutputStream content = new ByteArrayOutputStream();
        content.write(7); // the runs start at an offset
        int total = 0;
        for (int k = 0; k < n; k++) {
            byte[] run = runs.get(k % runs.size());
            lengths[k + 1] = run.length;
            content.write(run);
            total += run.length;
        }
        for (byte[] piece : pieces) {
            total += piece.length;
        }
        byte[] all = content.toByteArray();
        byte[] lead = new byte[before];

        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        Utf8XmlOut one = new Utf8XmlOut(expected, BUFFER);
        one.encoded(lead, 0, lead.length);
        for (int r = 0; r <= repeats; r++) {
            int at = 1;
            for (int k = 0; k < n; k++) {
                one.encoded(pieces[k], 0, pieces[k].length);
                one.encoded(all, at, lengths[k + 1]);
                at += lengths[k + 1];
            }
            one.encoded(pieces[n], 0, pieces[n].length);
        }
        one.flush();

        ByteArrayOutputStream actual = new ByteArrayOutputStream();
        Utf8XmlOut spliced = new Utf8XmlOut(actual, BUFFER);
        spliced.encoded(lead, 0, lead.length);
        for (int r = 0; r <= repeats; r++) {
            spliced.spliced(pieces, all, 1, lengths, 1, total);
        }
        spliced.flush();
        assertArrayEquals(expected.toByteArray(), actual.toByteArray());
    }
}
