package org.iscsismis.iscsi.target;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import org.iscsismis.iscsi.target.login.BinaryValue;
import org.iscsismis.iscsi.target.login.ChapCredential;
import org.iscsismis.iscsi.target.login.ChapNegotiation;
import org.iscsismis.iscsi.target.login.ChapSecrets;
import org.iscsismis.iscsi.target.login.LoginAdmission;
import org.iscsismis.iscsi.target.login.LoginFailure;
import org.iscsismis.iscsi.target.login.LoginGuard;
import org.iscsismis.iscsi.target.login.LoginIdentity;
import org.iscsismis.iscsi.target.login.LoginNegotiator;
import org.iscsismis.iscsi.target.login.LoginStatus;
import org.iscsismis.iscsi.target.login.LoginStep;
import org.iscsismis.iscsi.target.login.NegotiationLimits;
import org.iscsismis.iscsi.target.login.SessionParameters;
import org.iscsismis.iscsi.target.pdu.Bytes;
import org.iscsismis.iscsi.target.pdu.DataOut;
import org.iscsismis.iscsi.target.pdu.LoginRequest;
import org.iscsismis.iscsi.target.pdu.LogoutRequest;
import org.iscsismis.iscsi.target.pdu.NopOut;
import org.iscsismis.iscsi.target.pdu.Opcode;
import org.iscsismis.iscsi.target.pdu.Pdu;
import org.iscsismis.iscsi.target.pdu.PduFormatException;
import org.iscsismis.iscsi.target.pdu.PduReader;
import org.iscsismis.iscsi.target.pdu.ScsiCommand;
import org.iscsismis.iscsi.target.pdu.TaskManagementRequest;
import org.iscsismis.iscsi.target.pdu.TextParameters;
import org.iscsismis.iscsi.target.pdu.TextRequest;

/**
 * Fuzz targets for what an iSCSI initiator sends: the PDU stream, the text of Login and Text PDUs with the CHAP
 * binary values, and a whole login in memory. The only failures allowed out are the documented ones: a
 * {@link PduFormatException} or an {@link EOFException} from the reader, a {@link PduFormatException} from the text
 * parser, an {@link IllegalArgumentException} from {@link BinaryValue#decode}; the login answers every request with a
 * Login Response. Anything else (a RuntimeException, an Error, an assertion, a hang) is a finding. Without JAZZER_FUZZ
 * the inputs under {@code IscsiPduFuzzTestInputs} are replayed as a unit test; docs/fuzzing.md shows how to fuzz.
 *
 * <p>The first byte of a stream input is a mode: bit 0 header digest, bit 1 data digest (for the reader), bit 0 CHAP
 * required, bit 1 a target secret for mutual CHAP (for the login).
 */
class IscsiPduFuzzTest {

    /** The connection's limit while logging in (RFC 7143 §13.12 default), as the portal reads login PDUs. */
    private static final int LOGIN_SEGMENT_LIMIT = 8192;
    private static final String TARGET = "iqn.2026-12.org.iscsismis:fuzz";
    private static final int MAX_CHAP_VALUE = 1024;

    @FuzzTest(maxDuration = "10m")
    void readsAnyPduStream(byte[] input) throws IOException {
        if (input.length == 0) {
            return;
        }
        int mode = input[0];
        PduReader reader = new PduReader(new ByteArrayInputStream(input, 1, input.length - 1), LOGIN_SEGMENT_LIMIT);
        reader.useDigests((mode & 1) != 0, (mode & 2) != 0);
        int pdus = 0;
        try {
            for (Pdu header; (header = reader.nextHeader()) != null; pdus++) {
                int length = reader.pendingDataLength();
                assertTrue(length >= 0 && length <= LOGIN_SEGMENT_LIMIT, "a data segment within the limit, not " + length);
                assertTrue(header.ahs().length <= 255 * 4, "an AHS within 255 words");
                decode(reader, header, pdus);
            }
        } catch (PduFormatException e) {
            assertNotNull(e.reason(), "a format error has a Reject reason");
            assertNotNull(e.getMessage(), "a format error says what is wrong");
        } catch (EOFException e) {
            // the stream ended inside a PDU: the connection closes
        }
    }

    /** Reads the data segment one of the reader's three ways and decodes the PDU as the connection would. */
    private static void decode(PduReader reader, Pdu header, int index) throws IOException, PduFormatException {
        Opcode opcode = header.opcode();
        if (opcode == Opcode.DATA_OUT) {
            int length = reader.pendingDataLength();
            DataOut.from(header, length);
            byte[] buffer = new byte[length + 3];
            int keep = index % 2 == 0 ? length : length / 2;
            reader.readDataInto(buffer, 3, keep);
            return;
        }
        if (opcode == null || opcode == Opcode.SNACK_REQUEST) {
            reader.discardData();
            return;
        }
        int length = reader.pendingDataLength();
        Pdu pdu = reader.readData(header);
        assertEquals(length, pdu.data().length, "the data segment as long as its header says");
        switch (opcode) {
            case LOGIN_REQUEST -> parseTextQuietly(LoginRequest.from(pdu).data());
            case TEXT_REQUEST -> {
                TextRequest.from(pdu);
                parseTextQuietly(pdu.data());
            }
            case SCSI_COMMAND -> ScsiCommand.from(pdu);
            case NOP_OUT -> NopOut.from(pdu);
            case LOGOUT_REQUEST -> LogoutRequest.from(pdu);
            case TASK_MANAGEMENT_REQUEST -> TaskManagementRequest.from(pdu);
            default -> assertNotNull(pdu.toString());
        }
    }

    private static void parseTextQuietly(byte[] data) {
        try {
            TextParameters.parse(data);
        } catch (PduFormatException e) {
            assertNotNull(e.getMessage());
        }
    }

    @FuzzTest(maxDuration = "10m")
    void parsesAnyTextAndChapValue(byte[] data) {
        TextParameters text;
        try {
            text = TextParameters.parse(data);
        } catch (PduFormatException e) {
            assertNotNull(e.getMessage(), "a text error says what is wrong");
            return;
        }
        TextParameters again;
        try {
            again = TextParameters.parse(text.encode());
        } catch (PduFormatException e) {
            throw new AssertionError("the encoding of parsed text does not parse: " + e.getMessage(), e);
        }
        assertEquals(text.pairs(), again.pairs(), "parsed text encodes and parses back to the same pairs");
        for (TextParameters.Pair pair : text.pairs()) {
            assertTrue(!pair.key().isEmpty() && pair.key().length() <= TextParameters.MAX_KEY_LENGTH, "key " + pair.key());
            decodeBinary(pair.value());
        }
    }

    /** A CHAP value decodes within its bound or is refused with IllegalArgumentException; hex round-trips. */
    private static void decodeBinary(String value) {
        byte[] bytes;
        try {
            bytes = BinaryValue.decode(value, MAX_CHAP_VALUE);
        } catch (IllegalArgumentException e) {
            assertNotNull(e.getMessage(), "a refused binary value says why");
            return;
        }
        assertTrue(bytes.length <= MAX_CHAP_VALUE, "decoded " + bytes.length + " bytes over the bound");
        assertArrayEquals(bytes, BinaryValue.decode(BinaryValue.hex(bytes), MAX_CHAP_VALUE), "hex form of " + value);
    }

    @FuzzTest(maxDuration = "10m")
    void negotiatesAnyLogin(byte[] input) throws IOException {
        if (input.length == 0) {
            return;
        }
        int mode = input[0];
        LoginNegotiator negotiator = new LoginNegotiator(NegotiationLimits.DEFAULT, chap((mode & 1) != 0, (mode & 2) != 0),
                new Admission());
        PduReader reader = new PduReader(new ByteArrayInputStream(input, 1, input.length - 1), LOGIN_SEGMENT_LIMIT);
        try {
            for (Pdu header; (header = reader.nextHeader()) != null; ) {
                if (header.opcode() != Opcode.LOGIN_REQUEST) {
                    return; // the portal drops a connection that sends anything else before the login completed
                }
                LoginRequest request = LoginRequest.from(reader.readData(header));
                LoginStep step;
                try {
                    step = negotiator.handle(request);
                } catch (LoginFailure failure) {
                    Pdu response = LoginNegotiator.failureResponse(request, failure);
                    assertLoginResponse(response, request);
                    assertTrue((Bytes.u16(response.header(), 36) >> 8) != 0, "a failed login answers a nonzero status class");
                    assertNotNull(failure.getMessage());
                    return;
                }
                assertLoginResponse(step.response(), request);
                assertEquals(0, Bytes.u16(step.response().header(), 36), "a login step answers status 0");
                if (step.fullFeature()) {
                    assertNotNull(step.identity());
                    return;
                }
            }
        } catch (PduFormatException e) {
            assertNotNull(e.reason());
        } catch (EOFException e) {
            // the stream ended inside a PDU
        }
    }

    private static void assertLoginResponse(Pdu response, LoginRequest request) {
        assertEquals(Opcode.LOGIN_RESPONSE, response.opcode(), "every Login Request gets a Login Response");
        assertEquals(request.initiatorTaskTag(), response.initiatorTaskTag(), "the response carries the request's ITT");
    }

    /**
     * CHAP with one initiator secret ({@code fuzz-initiator} / {@code fuzz-secret-0016}) and, if {@code mutual}, a
     * target secret. The random source gives zeros, so the challenge is fixed (identifier 0, 32 zero bytes) and a
     * seed can carry the right response.
     */
    private static ChapNegotiation chap(boolean required, boolean mutual) {
        ChapSecrets secrets = ChapSecrets.of(
                List.of(new ChapSecrets.Scoped(ChapSecrets.ANY_NODE, ChapCredential.of("fuzz-initiator", "fuzz-secret-0016"))),
                mutual ? List.of(new ChapSecrets.Scoped(ChapSecrets.ANY_NODE, ChapCredential.of("fuzz-target", "fuzz-target-secret")))
                        : List.of(),
                required ? Set.of(ChapSecrets.ANY_NODE) : Set.of());
        return new ChapNegotiation(secrets, LoginGuard.NONE, "192.0.2.1", new ZeroRandom());
    }

    /** Knows one target, admits every complete login. */
    private static final class Admission implements LoginAdmission {
        @Override
        public void checkTarget(String targetName) throws LoginFailure {
            if (!TARGET.equals(targetName)) {
                throw new LoginFailure(LoginStatus.NOT_FOUND, "no target " + targetName);
            }
        }

        @Override
        public int admit(LoginIdentity identity, SessionParameters parameters) {
            assertNotNull(parameters);
            return 1;
        }
    }

    /** A deterministic "random" source, so that a fuzzed input replays the same way. */
    private static final class ZeroRandom extends SecureRandom {
        @Override
        public void nextBytes(byte[] bytes) {
            Arrays.fill(bytes, (byte) 0);
        }
    }
}
