package org.iscsismis.iscsi.target.pdu;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/** Whatever PduWriter writes, PduReader reads back the same, with and without digests; a flipped bit is caught. */
class PduCodecProperties {

    @Provide
    Arbitrary<byte[]> headers() {
        return Arbitraries.bytes().array(byte[].class).ofSize(Pdu.BHS_LENGTH);
    }

    @Provide
    Arbitrary<byte[]> segments() {
        return Arbitraries.bytes().array(byte[].class).ofMinSize(0).ofMaxSize(3000);
    }

    @Provide
    Arbitrary<byte[]> ahs() {
        return Arbitraries.integers().between(0, 3).flatMap(words -> Arbitraries.bytes().array(byte[].class).ofSize(4 * words));
    }

    private static byte[] write(Pdu pdu, boolean headerDigest, boolean dataDigest) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PduWriter writer = new PduWriter(out);
        writer.useDigests(headerDigest, dataDigest);
        writer.write(pdu, true);
        return out.toByteArray();
    }

    private static Pdu read(byte[] wire, boolean headerDigest, boolean dataDigest) throws IOException, PduFormatException {
        PduReader reader = new PduReader(new ByteArrayInputStream(wire), 1 << 20);
        reader.useDigests(headerDigest, dataDigest);
        Pdu header = reader.nextHeader();
        return reader.readData(header);
    }

    @Property(tries = 300)
    void roundTrip(@ForAll("headers") byte[] header, @ForAll("ahs") byte[] ahs, @ForAll("segments") byte[] data,
                   @ForAll boolean headerDigest, @ForAll boolean dataDigest) throws Exception {
        byte[] wire = write(new Pdu(header.clone(), ahs, data, 0, data.length), headerDigest, dataDigest);
        int padded = (data.length + 3) / 4 * 4;
        assertEquals(48 + ahs.length + (headerDigest ? 4 : 0) + padded + (dataDigest && data.length > 0 ? 4 : 0), wire.length);
        Pdu back = read(wire, headerDigest, dataDigest);
        byte[] expectedHeader = header.clone();
        expectedHeader[4] = (byte) (ahs.length / 4);
        Bytes.put24(expectedHeader, 5, data.length);
        assertArrayEquals(expectedHeader, back.header());
        assertArrayEquals(ahs, back.ahs());
        assertArrayEquals(data, back.data());
    }

    @Property(tries = 200)
    void aFlippedBitInTheHeaderIsFatalAndInTheDataIsNot(@ForAll("headers") byte[] header, @ForAll("segments") byte[] data,
                                                         @ForAll @IntRange(min = 0, max = 10_000) int where) throws Exception {
        byte[] wire = write(new Pdu(header.clone(), null, data, 0, data.length), true, true);
        int headerBit = where % (48 * 8);
        byte[] badHeader = wire.clone();
        badHeader[headerBit / 8] ^= (byte) (1 << headerBit % 8);
        badHeader[5] = wire[5]; // keep the lengths so the frame stays readable
        badHeader[6] = wire[6];
        badHeader[7] = wire[7];
        badHeader[4] = wire[4];
        if (!java.util.Arrays.equals(badHeader, wire)) {
            PduFormatException e = assertThrows(PduFormatException.class, () -> read(badHeader, true, true));
            assertTrue(e.fatal());
        }
        if (data.length > 0) {
            byte[] badData = wire.clone();
            badData[52 + where % data.length] ^= 1;
            PduFormatException e = assertThrows(PduFormatException.class, () -> read(badData, true, true));
            assertEquals(RejectReason.DATA_DIGEST_ERROR, e.reason());
            assertTrue(!e.fatal());
        }
    }

    @Property(tries = 100)
    void keepingPartOfASegmentStillChecksItsDigest(@ForAll("segments") byte[] data, @ForAll @IntRange(max = 3000) int keep)
            throws Exception {
        int kept = Math.min(keep, data.length);
        byte[] wire = write(new Pdu(new byte[48], null, data, 0, data.length), false, true);
        PduReader reader = new PduReader(new ByteArrayInputStream(wire), 1 << 20);
        reader.useDigests(false, true);
        reader.nextHeader();
        byte[] dst = new byte[kept];
        reader.readDataInto(dst, 0, kept);
        assertArrayEquals(java.util.Arrays.copyOf(data, kept), dst);
    }

    /** RFC 3720 appendix B.4: 32 bytes of zeros have the CRC32C aa 36 91 8a on the wire. */
    @Example
    void crc32cOfThirtyTwoZerosMatchesTheRfcExample() {
        byte[] digest = new byte[4];
        Digests.putLittleEndian(digest, 0, Digests.dataCrc(new byte[32], 0, 32));
        assertArrayEquals(new byte[] {(byte) 0xaa, 0x36, (byte) 0x91, (byte) 0x8a}, digest);
    }

    @Example
    void aSegmentOverTheLimitIsFatal() throws IOException {
        byte[] wire = write(Pdu.of(Opcode.DATA_OUT, new byte[1000]), false, false);
        PduReader reader = new PduReader(new ByteArrayInputStream(wire), 512);
        PduFormatException e = assertThrows(PduFormatException.class, reader::nextHeader);
        assertTrue(e.fatal());
    }

    @Property(tries = 200)
    void textParametersRoundTrip(@ForAll("keys") java.util.List<String> keys, @ForAll("values") java.util.List<String> values)
            throws PduFormatException {
        TextParameters text = new TextParameters();
        for (int i = 0; i < Math.min(keys.size(), values.size()); i++) {
            text.add(keys.get(i), values.get(i));
        }
        assertEquals(text.pairs(), TextParameters.parse(text.encode()).pairs());
    }

    @Provide
    Arbitrary<java.util.List<String>> keys() {
        return Arbitraries.strings().withCharRange('A', 'z').excludeChars('=').ofMinLength(1).ofMaxLength(63).list().ofMaxSize(8);
    }

    @Provide
    Arbitrary<java.util.List<String>> values() {
        return Arbitraries.strings().withCharRange(' ', '~').ofMaxLength(40).list().ofMaxSize(8);
    }

    @Example
    void malformedTextIsAProtocolError() {
        assertThrows(PduFormatException.class, () -> TextParameters.parse("NoEqualsSign\0".getBytes()));
        assertThrows(PduFormatException.class, () -> TextParameters.parse("=value\0".getBytes()));
        assertThrows(PduFormatException.class, () -> TextParameters.parse(("K".repeat(64) + "=v\0").getBytes()));
    }
}
