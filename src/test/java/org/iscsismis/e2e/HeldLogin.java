package org.iscsismis.e2e;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * A normal iSCSI session that stays logged in until closed: one Login Request straight to the full feature phase
 * (RFC 7143 §11.12), written byte by byte here so the test shares no code with the target it checks.
 */
final class HeldLogin implements AutoCloseable {

    private final Socket socket;
    private final int status;

    HeldLogin(int port, String initiator, String target) throws IOException {
        socket = new Socket(InetAddress.getLoopbackAddress(), port);
        socket.setSoTimeout(10_000);
        byte[] data = ("InitiatorName=" + initiator + "\0TargetName=" + target + "\0SessionType=Normal\0")
                .getBytes(StandardCharsets.UTF_8);
        int padded = (data.length + 3) & ~3;
        byte[] pdu = new byte[48 + padded];
        pdu[0] = 0x43; // immediate Login Request
        pdu[1] = (byte) 0x87; // Transit, CSG 1 (operational), NSG 3 (full feature)
        pdu[5] = (byte) (data.length >> 16);
        pdu[6] = (byte) (data.length >> 8);
        pdu[7] = (byte) data.length;
        pdu[8] = (byte) 0x80; // ISID: random-format, 0x800000000042
        pdu[13] = 0x42;
        pdu[19] = 1; // ITT
        pdu[27] = 1; // CmdSN
        System.arraycopy(data, 0, pdu, 48, data.length);
        OutputStream out = socket.getOutputStream();
        out.write(pdu);
        out.flush();
        DataInputStream in = new DataInputStream(socket.getInputStream());
        byte[] header = new byte[48];
        in.readFully(header);
        int length = (header[5] & 0xff) << 16 | (header[6] & 0xff) << 8 | header[7] & 0xff;
        in.readFully(new byte[(length + 3) & ~3]);
        status = (header[36] & 0xff) << 8 | header[37] & 0xff;
    }

    /** Status-Class and Status-Detail of the Login Response (0 = success). */
    int status() {
        return status;
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
