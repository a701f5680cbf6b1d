package org.iscsismis.iscsi.target.session;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;

import org.iscsismis.iscsi.target.pdu.Bytes;
import org.iscsismis.iscsi.target.pdu.Opcode;
import org.iscsismis.iscsi.target.pdu.Pdu;
import org.iscsismis.iscsi.target.pdu.PduFormatException;
import org.iscsismis.iscsi.target.pdu.PduReader;
import org.iscsismis.iscsi.target.pdu.PduWriter;
import org.iscsismis.iscsi.target.pdu.TextParameters;

/**
 * A bare-bones iSCSI initiator for protocol tests: it builds each request PDU field by field, so a test can send what
 * no real initiator would (a CmdSN outside the window, an unknown opcode) and look at every PDU that comes back.
 */
final class RawInitiator implements AutoCloseable {

    static final String NAME = "iqn.2026-12.org.iscsismis:raw-initiator";

    private final Socket socket;
    private final PduReader reader;
    private final PduWriter writer;
    int cmdSn = 1;
    int itt = 0x100;

    RawInitiator(int port) throws IOException {
        socket = new Socket(InetAddress.getLoopbackAddress(), port);
        socket.setSoTimeout(5000);
        reader = new PduReader(new BufferedInputStream(socket.getInputStream()), 1 << 24);
        writer = new PduWriter(new BufferedOutputStream(socket.getOutputStream()));
    }

    /** A one-step login (operational stage straight to full feature) with the given keys; returns the response. */
    Pdu login(int isidLow, String... keys) throws IOException, PduFormatException {
        TextParameters text = new TextParameters().add("InitiatorName", NAME);
        for (String k : keys) {
            int eq = k.indexOf('=');
            text.add(k.substring(0, eq), k.substring(eq + 1));
        }
        Pdu pdu = Pdu.of(Opcode.LOGIN_REQUEST, text.encode());
        byte[] h = pdu.header();
        h[0] |= 0x40;
        h[1] = (byte) (0x80 | 1 << 2 | 3);
        h[8] = (byte) 0x80;
        h[13] = (byte) isidLow;
        Bytes.put32(h, 16, itt++);
        Bytes.put32(h, 24, cmdSn);
        send(pdu);
        return receive();
    }

    /** Logs in to {@code target} as a normal session and fails unless the login succeeded. */
    RawInitiator loginNormal(String target, String... keys) throws IOException, PduFormatException {
        String[] all = new String[keys.length + 1];
        all[0] = "TargetName=" + target;
        System.arraycopy(keys, 0, all, 1, keys.length);
        Pdu response = login(1, all);
        if (Bytes.u16(response.header(), 36) != 0) {
            throw new AssertionError("login refused: status " + Integer.toHexString(Bytes.u16(response.header(), 36)));
        }
        return this;
    }

    /** A SCSI Command; {@code immediate} data rides in the PDU. Returns its ITT. */
    int command(int cdb0, byte[] cdb, long expectedLength, boolean read, boolean write, boolean finalBit, byte[] immediate,
                int commandSn) throws IOException {
        Pdu pdu = Pdu.of(Opcode.SCSI_COMMAND, immediate);
        byte[] h = pdu.header();
        h[1] = (byte) ((finalBit ? 0x80 : 0) | (read ? 0x40 : 0) | (write ? 0x20 : 0) | 1);
        int tag = itt++;
        Bytes.put32(h, 16, tag);
        Bytes.put32(h, 20, expectedLength);
        Bytes.put32(h, 24, commandSn);
        System.arraycopy(cdb, 0, h, 32, Math.min(16, cdb.length));
        h[32] = (byte) cdb0;
        send(pdu);
        return tag;
    }

    /** A numbered SCSI command with the next CmdSN. */
    int command(byte[] cdb, long expectedLength, boolean read, boolean write, byte[] immediate) throws IOException {
        return command(cdb[0], cdb, expectedLength, read, write, true, immediate, cmdSn++);
    }

    void dataOut(int tag, int ttt, int dataSn, int offset, byte[] data, boolean finalBit) throws IOException {
        Pdu pdu = Pdu.of(Opcode.DATA_OUT, data);
        byte[] h = pdu.header();
        h[1] = (byte) (finalBit ? 0x80 : 0);
        Bytes.put32(h, 16, tag);
        Bytes.put32(h, 20, ttt);
        Bytes.put32(h, 36, dataSn);
        Bytes.put32(h, 40, offset);
        send(pdu);
    }

    /** A NOP-Out: a ping (ITT set, numbered unless immediate) or the answer to the target's NOP-In (ITT reserved). */
    void nopOut(int tag, int ttt, boolean immediate, byte[] data) throws IOException {
        Pdu pdu = Pdu.of(Opcode.NOP_OUT, data);
        byte[] h = pdu.header();
        h[0] |= (byte) (immediate ? 0x40 : 0);
        h[1] = (byte) 0x80;
        Bytes.put32(h, 16, tag);
        Bytes.put32(h, 20, ttt);
        Bytes.put32(h, 24, immediate ? cmdSn : cmdSn++);
        send(pdu);
    }

    void text(String text) throws IOException {
        Pdu pdu = Pdu.of(Opcode.TEXT_REQUEST, new TextParameters().add(text.substring(0, text.indexOf('=')),
                text.substring(text.indexOf('=') + 1)).encode());
        byte[] h = pdu.header();
        h[0] |= 0x40;
        h[1] = (byte) 0x80;
        Bytes.put32(h, 16, itt++);
        Bytes.put32(h, 20, Pdu.RESERVED_TAG);
        Bytes.put32(h, 24, cmdSn);
        send(pdu);
    }

    void taskManagement(int function, long lun, int referencedTag) throws IOException {
        Pdu pdu = Pdu.of(Opcode.TASK_MANAGEMENT_REQUEST, null);
        byte[] h = pdu.header();
        h[0] |= 0x40;
        h[1] = (byte) (0x80 | function);
        Bytes.put64(h, 8, lun);
        Bytes.put32(h, 16, itt++);
        Bytes.put32(h, 20, referencedTag);
        Bytes.put32(h, 24, cmdSn);
        send(pdu);
    }

    void logout() throws IOException {
        Pdu pdu = Pdu.of(Opcode.LOGOUT_REQUEST, null);
        byte[] h = pdu.header();
        h[0] |= 0x40;
        h[1] = (byte) 0x80;
        Bytes.put32(h, 16, itt++);
        Bytes.put32(h, 24, cmdSn);
        send(pdu);
    }

    void send(Pdu pdu) throws IOException {
        writer.write(pdu, true);
    }

    /** Digests as negotiated, both ways, from the next PDU on. */
    void useDigests(boolean header, boolean data) {
        reader.useDigests(header, data);
        writer.useDigests(header, data);
    }

    /** Raw bytes, e.g. a PDU with a wrong digest. */
    void sendBytes(byte[] bytes) throws IOException {
        socket.getOutputStream().write(bytes);
        socket.getOutputStream().flush();
    }

    /** The next PDU; fails the test if none comes within five seconds. */
    Pdu receive() throws IOException, PduFormatException {
        Pdu header = reader.nextHeader();
        if (header == null) {
            throw new AssertionError("the target closed the connection");
        }
        return reader.readData(header);
    }

    /** The next PDU, or null if nothing comes within {@code millis} (the connection stays usable). */
    Pdu receiveWithin(int millis) throws IOException, PduFormatException {
        socket.setSoTimeout(millis);
        try {
            return receive();
        } catch (SocketTimeoutException e) {
            return null;
        } finally {
            socket.setSoTimeout(5000);
        }
    }

    /** True once the target has closed the connection (end of stream within {@code millis}). */
    boolean closedWithin(int millis) throws IOException {
        socket.setSoTimeout(millis);
        try {
            while (true) {
                Pdu header = reader.nextHeader();
                if (header == null) {
                    return true;
                }
                reader.discardData();
            }
        } catch (SocketTimeoutException e) {
            return false;
        } catch (IOException | PduFormatException e) {
            return true;
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
