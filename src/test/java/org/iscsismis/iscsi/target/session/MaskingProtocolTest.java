package org.iscsismis.iscsi.target.session;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.iscsismis.iscsi.disk.DiskPool;
import org.iscsismis.iscsi.disk.DiskRegistry;
import org.iscsismis.iscsi.disk.VirtualDisk;
import org.iscsismis.iscsi.target.IscsiPortal;
import org.iscsismis.iscsi.target.MaskingModel;
import org.iscsismis.iscsi.target.TargetSettings;
import org.iscsismis.iscsi.target.pdu.Bytes;
import org.iscsismis.iscsi.target.pdu.Opcode;
import org.iscsismis.iscsi.target.pdu.Pdu;
import org.iscsismis.iscsi.target.pdu.TextParameters;
import org.iscsismis.iscsi.target.scsi.LunAddress;
import org.iscsismis.replication.EngineConfig;
import org.iscsismis.replication.ReplicationEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The data path obeys the masking model: logins, SendTargets, REPORT LUNS and I/O see exactly what a node exposes to
 * the initiator, and a change reaches a logged-in session at once (unit attention, then the LUN is gone).
 */
class MaskingProtocolTest {

    private static final String DEFAULT = "iqn.2026-12.org.iscsismis:masking-test";
    private static final String HOST_NODE = "iqn.2026-12.org.iscsismis:masking-test-host";
    private static final byte[] TUR = new byte[16];

    private ReplicationEngine engine;
    private IscsiPortal portal;
    private VirtualDisk first;
    private VirtualDisk second;

    @BeforeEach
    void start() {
        DiskRegistry registry = new DiskRegistry(4096, d -> { });
        DiskPool pool = registry.createPool("p", 64L << 20);
        first = registry.createDisk(pool.id(), "first", 4L << 20, 512);
        second = registry.createDisk(pool.id(), "second", 4L << 20, 512);
        engine = new ReplicationEngine(registry, EngineConfig.defaults());
        portal = IscsiPortal.start(InetAddress.getLoopbackAddress(), 0, TargetSettings.defaults(DEFAULT, "0.1")
                .withNopInterval(Duration.ZERO), engine);
    }

    @AfterEach
    void stop() {
        portal.close();
        engine.close();
    }

    private void expose(Set<String> initiators, Map<Integer, MaskingModel.Mapping> luns) {
        portal.apply(new MaskingModel(List.of(MaskingModel.Node.masked(HOST_NODE, initiators, luns))));
    }

    private static MaskingModel.Mapping rw(VirtualDisk disk) {
        return new MaskingModel.Mapping(disk.id(), MaskingModel.Access.READ_WRITE);
    }

    private static int loginStatus(RawInitiator i, String target) throws Exception {
        return Bytes.u16(i.login(1, "TargetName=" + target).header(), 36);
    }

    @Test
    void anExposedInitiatorSeesItsNodeAndLunsOnly() throws Exception {
        expose(Set.of(RawInitiator.NAME), Map.of(5, rw(second)));
        try (RawInitiator d = new RawInitiator(portal.port())) {
            assertEquals(0, Bytes.u16(d.login(2, "SessionType=Discovery").header(), 36));
            d.text("SendTargets=All");
            TextParameters answer = TextParameters.parse(d.receive().data());
            assertEquals(List.of(HOST_NODE), answer.pairs().stream().filter(p -> p.key().equals("TargetName"))
                    .map(TextParameters.Pair::value).toList(), "the default node is gone, the host's node is listed");
        }
        try (RawInitiator gone = new RawInitiator(portal.port())) {
            assertEquals(0x0203, loginStatus(gone, DEFAULT), "Not Found: the default view no longer exists");
        }
        try (RawInitiator i = new RawInitiator(portal.port()).loginNormal(HOST_NODE)) {
            assertEquals(List.of(5L), reportLuns(i));
            assertEquals(0, status(command(i, 5, TUR)));
            assertEquals(0x052500, sense(command(i, 0, TUR)), "LUN 0 is not exposed: LOGICAL UNIT NOT SUPPORTED");
        }
    }

    @Test
    void anInitiatorNotExposedCannotLogInAndSeesNoTargets() throws Exception {
        expose(Set.of("iqn.2026-12.org.iscsismis:somebody-else"), Map.of(0, rw(first)));
        try (RawInitiator i = new RawInitiator(portal.port())) {
            assertEquals(0x0202, loginStatus(i, HOST_NODE), "Authorization Failure");
        }
        try (RawInitiator d = new RawInitiator(portal.port())) {
            assertEquals(0, Bytes.u16(d.login(2, "SessionType=Discovery").header(), 36));
            d.text("SendTargets=All");
            Pdu response = d.receive();
            assertEquals(Opcode.TEXT_RESPONSE, response.opcode());
            assertEquals(0, response.data() == null ? 0 : response.data().length, "no target to list");
        }
    }

    @Test
    void hidingALunTellsTheLoggedInSessionAndEndsItsIo() throws Exception {
        expose(Set.of(RawInitiator.NAME), Map.of(0, rw(first), 1, rw(second)));
        try (RawInitiator i = new RawInitiator(portal.port()).loginNormal(HOST_NODE)) {
            assertEquals(0, status(command(i, 1, TUR)));
            expose(Set.of(RawInitiator.NAME), Map.of(0, rw(first)));
            assertEquals(0x063f0e, sense(command(i, 0, TUR)), "UNIT ATTENTION, REPORTED LUNS DATA HAS CHANGED");
            assertEquals(0x052500, sense(command(i, 1, TUR)), "the hidden LUN is gone");
            assertEquals(List.of(0L), reportLuns(i));
            expose(Set.of(RawInitiator.NAME), Map.of(0, rw(first), 7, rw(second)));
            assertEquals(0x063f0e, sense(command(i, 0, TUR)), "exposing a LUN is told too");
            assertEquals(0x063f0e, sense(command(i, 7, TUR)), "on every LUN the session sees");
            assertEquals(0, status(command(i, 7, TUR)));
        }
    }

    @Test
    void aReadOnlyLunRefusesWrites() throws Exception {
        expose(Set.of(RawInitiator.NAME), Map.of(0, new MaskingModel.Mapping(first.id(), MaskingModel.Access.READ_ONLY)));
        try (RawInitiator i = new RawInitiator(portal.port()).loginNormal(HOST_NODE)) {
            byte[] write10 = new byte[16];
            write10[0] = 0x2a;
            write10[8] = 1;
            Pdu response = sendCommand(i, 0, write10, 512, false, true, new byte[512]);
            assertEquals(0x072700, sense(response), "DATA PROTECT, WRITE PROTECTED");
        }
    }

    private static Pdu command(RawInitiator i, int lun, byte[] cdb) throws Exception {
        return sendCommand(i, lun, cdb, 0, false, false, null);
    }

    private static Pdu sendCommand(RawInitiator i, int lun, byte[] cdb, long length, boolean read, boolean write, byte[] data)
            throws Exception {
        Pdu pdu = Pdu.of(Opcode.SCSI_COMMAND, data);
        byte[] h = pdu.header();
        h[1] = (byte) (0x80 | (read ? 0x40 : 0) | (write ? 0x20 : 0) | 1);
        Bytes.put64(h, 8, LunAddress.encode(lun));
        Bytes.put32(h, 16, i.itt++);
        Bytes.put32(h, 20, length);
        Bytes.put32(h, 24, i.cmdSn++);
        System.arraycopy(cdb, 0, h, 32, 16);
        i.send(pdu);
        Pdu response = i.receive();
        while (response.opcode() == Opcode.NOP_IN) {
            response = i.receive();
        }
        return response;
    }

    private static List<Long> reportLuns(RawInitiator i) throws Exception {
        byte[] cdb = new byte[16];
        cdb[0] = (byte) 0xa0;
        Bytes.put32(cdb, 6, 4096);
        Pdu data = sendCommand(i, 0, cdb, 4096, true, false, null);
        while (data.opcode() == Opcode.SCSI_RESPONSE && status(data) == 2) { // a pending unit attention goes first
            data = sendCommand(i, 0, cdb, 4096, true, false, null);
        }
        assertEquals(Opcode.DATA_IN, data.opcode(), data::toString);
        byte[] d = data.data();
        int count = (int) (Bytes.u32(d, 0) / 8);
        java.util.ArrayList<Long> out = new java.util.ArrayList<>();
        for (int k = 0; k < count; k++) {
            out.add((long) LunAddress.decode(Bytes.u32(d, 8 + 8 * k) << 32 | Bytes.u32(d, 12 + 8 * k)));
        }
        if ((data.header()[1] & 0x01) == 0) { // no status in the Data-In: the SCSI Response follows
            i.receive();
        }
        return out;
    }

    private static int status(Pdu scsiResponse) {
        assertEquals(Opcode.SCSI_RESPONSE, scsiResponse.opcode(), scsiResponse::toString);
        return scsiResponse.header()[3] & 0xff;
    }

    private static int sense(Pdu response) {
        assertEquals(2, status(response), "CHECK CONDITION");
        byte[] d = response.data();
        return (d[2 + 2] & 0xf) << 16 | (d[2 + 12] & 0xff) << 8 | d[2 + 13] & 0xff;
    }
}
