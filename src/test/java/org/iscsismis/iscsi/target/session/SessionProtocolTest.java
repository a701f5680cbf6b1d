package org.iscsismis.iscsi.target.session;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.time.Duration;
import java.util.Arrays;

import org.iscsismis.iscsi.disk.DiskPool;
import org.iscsismis.iscsi.disk.DiskRegistry;
import org.iscsismis.iscsi.disk.VirtualDisk;
import org.iscsismis.iscsi.target.IscsiPortal;
import org.iscsismis.iscsi.target.TargetSettings;
import org.iscsismis.iscsi.target.pdu.Bytes;
import org.iscsismis.iscsi.target.pdu.Opcode;
import org.iscsismis.iscsi.target.pdu.Pdu;
import org.iscsismis.iscsi.target.pdu.TextParameters;
import org.iscsismis.replication.EngineConfig;
import org.iscsismis.replication.ReplicationEngine;
import org.iscsismis.testing.Conditions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The session layer on the wire, through a raw initiator: login results, NOP-Out and target NOP-In, the CmdSN window,
 * R2T and Data-Out, residuals, Reject, task management, Text SendTargets, Logout, session reinstatement.
 */
class SessionProtocolTest {

    private static final String TARGET = "iqn.2026-12.org.iscsismis:protocol-test";
    private static final byte[] TUR = new byte[16];

    private DiskRegistry registry;
    private ReplicationEngine engine;
    private IscsiPortal portal;
    private VirtualDisk disk;

    @BeforeEach
    void start() {
        registry = new DiskRegistry(4096, d -> { });
        DiskPool pool = registry.createPool("p", 64L << 20);
        disk = registry.createDisk(pool.id(), "d", 4L << 20, 512);
        engine = new ReplicationEngine(registry, EngineConfig.defaults());
        portal = portal(TargetSettings.defaults(TARGET, "0.1").withNopInterval(Duration.ZERO));
    }

    private IscsiPortal portal(TargetSettings settings) {
        return IscsiPortal.start(InetAddress.getLoopbackAddress(), 0, settings, engine);
    }

    @AfterEach
    void stop() {
        portal.close();
        engine.close();
    }

    private RawInitiator session(String... keys) throws Exception {
        return new RawInitiator(portal.port()).loginNormal(TARGET, keys);
    }

    private static int status(Pdu scsiResponse) {
        assertEquals(Opcode.SCSI_RESPONSE, scsiResponse.opcode(), scsiResponse::toString);
        return scsiResponse.header()[3] & 0xff;
    }

    @Test
    void loginAnswersItsKeysAndOpensTheWindow() throws Exception {
        try (RawInitiator i = new RawInitiator(portal.port())) {
            Pdu response = i.login(1, "TargetName=" + TARGET, "MaxRecvDataSegmentLength=65536", "InitialR2T=Yes");
            assertEquals(0, Bytes.u16(response.header(), 36), "status: success");
            assertNotEquals(0, Bytes.u16(response.header(), 14), "TSIH");
            TextParameters answer = TextParameters.parse(response.data());
            assertEquals("Yes", answer.get("InitialR2T"));
            assertEquals("1", answer.get("TargetPortalGroupTag"));
            int exp = response.field28();
            int max = response.field32();
            assertEquals(1, exp, "ExpCmdSN is the login's CmdSN");
            assertEquals(TargetSettings.DEFAULT_COMMAND_WINDOW, max - exp + 1);
        }
    }

    @Test
    void aLoginToAnUnknownTargetIsNotFound() throws Exception {
        try (RawInitiator i = new RawInitiator(portal.port())) {
            Pdu response = i.login(1, "TargetName=iqn.2026-12.org.iscsismis:nobody");
            assertEquals(0x0203, Bytes.u16(response.header(), 36));
            assertTrue(i.closedWithin(2000));
        }
    }

    @Test
    void pingsAreEchoed() throws Exception {
        try (RawInitiator i = session()) {
            byte[] ping = "ping".getBytes();
            i.nopOut(0x77, Pdu.RESERVED_TAG, false, ping);
            Pdu pong = i.receive();
            assertEquals(Opcode.NOP_IN, pong.opcode());
            assertEquals(0x77, pong.initiatorTaskTag());
            assertArrayEquals(ping, pong.data());
        }
    }

    @Test
    void theTargetPingsAnIdleConnectionAndDropsOneThatDoesNotAnswer() throws Exception {
        portal.close();
        portal = portal(TargetSettings.defaults(TARGET, "0.1").withNopInterval(Duration.ofMillis(150)));
        try (RawInitiator i = session()) {
            Pdu ping = i.receive();
            assertEquals(Opcode.NOP_IN, ping.opcode());
            assertEquals(Pdu.RESERVED_TAG, ping.initiatorTaskTag());
            assertNotEquals(Pdu.RESERVED_TAG, ping.field20(), "a Target Transfer Tag asks for an answer");
            i.nopOut(Pdu.RESERVED_TAG, ping.field20(), true, null);
            Pdu next = i.receive();
            assertEquals(Opcode.NOP_IN, next.opcode(), "answered: the connection lives on and is pinged again");
            assertTrue(i.closedWithin(5000), "not answered: dropped");
        }
    }

    @Test
    void commandsOutsideTheWindowAreIgnoredSilently() throws Exception {
        try (RawInitiator i = session()) {
            i.command(0, TUR, 0, false, false, true, null, i.cmdSn + TargetSettings.DEFAULT_COMMAND_WINDOW + 5);
            i.command(0, TUR, 0, false, false, true, null, i.cmdSn - 1);
            assertNull(i.receiveWithin(500), "too high and too low: no answer");
            i.command(TUR, 0, false, false, null);
            assertEquals(0, status(i.receive()), "the window still works");
        }
    }

    @Test
    void unknownOpcodesAndSnacksAreRejected() throws Exception {
        try (RawInitiator i = session()) {
            Pdu odd = Pdu.of(Opcode.NOP_OUT, null);
            odd.header()[0] = 0x1c;
            Bytes.put32(odd.header(), 16, 0x99);
            i.send(odd);
            Pdu reject = i.receive();
            assertEquals(Opcode.REJECT, reject.opcode());
            assertEquals(0x05, reject.header()[2], "command not supported");
            assertEquals(0x99, Bytes.i32(reject.data(), 16), "the rejected header comes back");
        }
    }

    @Test
    void aWriteIsSolicitedWithR2tAndReadsBackInDataIn() throws Exception {
        try (RawInitiator i = session("InitialR2T=Yes", "ImmediateData=No", "MaxBurstLength=16384")) {
            byte[] data = new byte[40 * 1024];
            new java.util.Random(3).nextBytes(data);
            byte[] write = new byte[16];
            write[0] = 0x2a;
            Bytes.put16(write, 7, data.length / 512);
            int tag = i.command(write, data.length, false, true, null);
            int offset = 0;
            while (offset < data.length) {
                Pdu r2t = i.receive();
                assertEquals(Opcode.READY_TO_TRANSFER, r2t.opcode());
                int from = r2t.field40();
                int length = r2t.field44();
                assertEquals(offset, from);
                assertTrue(length <= 16384);
                i.dataOut(tag, r2t.field20(), 0, from, Arrays.copyOfRange(data, from, from + length), true);
                offset += length;
            }
            assertEquals(0, status(i.receive()));

            byte[] read = write.clone();
            read[0] = 0x28;
            i.command(read, data.length + 512, true, false, null);
            byte[] back = new byte[data.length];
            Pdu in;
            do {
                in = i.receive();
                assertEquals(Opcode.DATA_IN, in.opcode());
                System.arraycopy(in.data(), 0, back, in.field40(), in.dataLength());
            } while ((in.flags() & 0x01) == 0);
            assertArrayEquals(data, back);
            assertEquals(0x02, in.flags() & 0x06, "underflow: the initiator allowed one block more");
            assertEquals(512, in.field44());
        }
    }

    @Test
    void abortTaskEndsAWriteWaitingForItsDataWithoutResponse() throws Exception {
        try (RawInitiator i = session("InitialR2T=Yes", "ImmediateData=No")) {
            byte[] write = new byte[16];
            write[0] = 0x2a;
            Bytes.put16(write, 7, 8);
            int tag = i.command(write, 4096, false, true, null);
            assertEquals(Opcode.READY_TO_TRANSFER, i.receive().opcode());
            i.taskManagement(1, 0, tag);
            Pdu tmf = i.receive();
            assertEquals(Opcode.TASK_MANAGEMENT_RESPONSE, tmf.opcode());
            assertEquals(0, tmf.header()[2], "function complete");
            i.taskManagement(1, 0, tag);
            assertEquals(1, i.receive().header()[2], "task does not exist any more");
            i.nopOut(0x55, Pdu.RESERVED_TAG, false, null);
            assertEquals(Opcode.NOP_IN, i.receive().opcode(), "no SCSI Response for the aborted task");
        }
    }

    @Test
    void sendTargetsInBothKindsOfSessionAndRejectForAnythingElse() throws Exception {
        try (RawInitiator d = new RawInitiator(portal.port())) {
            assertEquals(0, Bytes.u16(d.login(2, "SessionType=Discovery").header(), 36));
            d.text("SendTargets=All");
            TextParameters answer = TextParameters.parse(d.receive().data());
            assertEquals(TARGET, answer.get("TargetName"));
            assertEquals("127.0.0.1:" + portal.port() + ",1", answer.get("TargetAddress"));
            d.command(TUR, 0, false, false, null);
            assertEquals(Opcode.REJECT, d.receive().opcode(), "no SCSI in a discovery session");
        }
        try (RawInitiator n = session()) {
            n.text("SendTargets=All");
            assertEquals(TARGET, TextParameters.parse(n.receive().data()).get("TargetName"));
            n.text("SendTargets=iqn.2026-12.org.iscsismis:other");
            assertEquals(Opcode.REJECT, n.receive().opcode());
            n.text("sENDtARGETS=aLL");
            assertEquals(Opcode.REJECT, n.receive().opcode());
            n.command(TUR, 0, false, false, null);
            assertEquals(0, status(n.receive()), "the session goes on");
        }
    }

    /** Sense key and ASC/ASCQ of a SCSI Response's sense data (fixed format, behind its two-byte length). */
    private static int sense(Pdu response) {
        byte[] d = response.data();
        return (d[2 + 2] & 0xf) << 16 | (d[2 + 12] & 0xff) << 8 | d[2 + 13] & 0xff;
    }

    @Test
    void aDeletedVolumeLeavesItsLunAndTheOthersAreTold() throws Exception {
        VirtualDisk second = registry.createDisk(registry.pools().get(0).id(), "second", 1L << 20, 512);
        int secondLun = portal.luns().lunOf(second.id());
        try (RawInitiator i = session()) {
            i.command(TUR, 0, false, false, null);
            assertEquals(0, status(i.receive()));
            registry.deleteDisk(disk.id());
            i.command(TUR, 0, false, false, null);
            Pdu gone = i.receive();
            assertEquals(2, status(gone));
            assertEquals(0x052500, sense(gone), "ILLEGAL REQUEST, LOGICAL UNIT NOT SUPPORTED");
            byte[] tur = TUR.clone();
            Pdu other = Pdu.of(Opcode.SCSI_COMMAND, null);
            byte[] h = other.header();
            h[1] = (byte) 0x81;
            Bytes.put64(h, 8, org.iscsismis.iscsi.target.scsi.LunAddress.encode(secondLun));
            Bytes.put32(h, 16, 0x500);
            Bytes.put32(h, 24, i.cmdSn++);
            System.arraycopy(tur, 0, h, 32, 16);
            i.send(other);
            Pdu told = i.receive();
            assertEquals(0x063f0e, sense(told), "UNIT ATTENTION, REPORTED LUNS DATA HAS CHANGED");
        }
    }

    @Test
    void logoutAnswersAndCloses() throws Exception {
        try (RawInitiator i = session()) {
            i.logout();
            Pdu response = i.receive();
            assertEquals(Opcode.LOGOUT_RESPONSE, response.opcode());
            assertEquals(0, response.header()[2]);
            assertTrue(i.closedWithin(2000));
        }
    }

    @Test
    void aNewLoginWithTheSameIsidReinstatesTheSession() throws Exception {
        try (RawInitiator first = session(); RawInitiator second = session()) {
            assertTrue(first.closedWithin(2000), "the older session's connection is closed");
            second.command(TUR, 0, false, false, null);
            assertEquals(0, status(second.receive()));
            assertEquals(1, portal.sessions().size());
        }
    }

    @Test
    void digestsProtectHeadersAndData() throws Exception {
        try (RawInitiator i = new RawInitiator(portal.port())) {
            Pdu response = i.login(1, "TargetName=" + TARGET, "HeaderDigest=CRC32C", "DataDigest=CRC32C");
            assertEquals("CRC32C", TextParameters.parse(response.data()).get("DataDigest"));
            i.useDigests(true, true);
            byte[] ping = "with digests".getBytes();
            i.nopOut(0x42, Pdu.RESERVED_TAG, false, ping);
            assertArrayEquals(ping, i.receive().data(), "both sides check CRC32C");
            byte[] header = new byte[48 + 4];
            header[0] = 0x41; // immediate NOP-Out ...
            header[1] = (byte) 0x80;
            Bytes.put32(header, 16, 0x43);
            Bytes.put32(header, 48, 0xdeadbeefL); // ... whose header digest is wrong
            i.sendBytes(header);
            assertTrue(i.closedWithin(3000), "a header digest error loses the stream: the connection is dropped");
        }
        Conditions.await("the session to end once its connection is dropped", () ->
                portal.sessions().stream().noneMatch(s -> s.identity().initiatorName().equals(RawInitiator.NAME)));
    }
}
