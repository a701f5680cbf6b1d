package org.iscsismis.iscsi.target.session;

import java.io.IOException;

import org.iscsismis.iscsi.target.pdu.Bytes;
import org.iscsismis.iscsi.target.pdu.Pdu;
import org.iscsismis.iscsi.target.pdu.PduWriter;

/**
 * Sends a connection's PDUs and stamps StatSN, ExpCmdSN and MaxCmdSN into each, the one place that does so. StatSN
 * advances for PDUs that carry a status; R2T and our own NOP-In show the current StatSN without advancing it.
 */
final class PduSender {

    /** How a PDU uses the StatSN field. */
    enum StatSn {
        /** Carries a status: StatSN is assigned and advances. */
        ADVANCE,
        /** Shows the next StatSN without using it (R2T, target-initiated NOP-In). */
        CURRENT,
        /** The field is reserved (Data-In without status). */
        NONE
    }

    private final PduWriter writer;
    private int statSn;
    private CommandWindow window;
    private int loginCmdSn;

    PduSender(PduWriter writer) {
        this.writer = writer;
    }

    /** StatSN starts at the initiator's ExpStatSN of the leading Login Request. */
    synchronized void startLogin(int expStatSn, int cmdSn) {
        this.statSn = expStatSn;
        this.loginCmdSn = cmdSn;
    }

    synchronized void useWindow(CommandWindow window) {
        this.window = window;
    }

    PduWriter writer() {
        return writer;
    }

    void send(Pdu pdu, StatSn use, boolean flush) throws IOException {
        synchronized (this) {
            byte[] h = pdu.header();
            if (use == StatSn.ADVANCE) {
                Bytes.put32(h, 24, statSn++);
            } else if (use == StatSn.CURRENT) {
                Bytes.put32(h, 24, statSn);
            }
            int exp = window != null ? window.expCmdSn() : loginCmdSn;
            int max = window != null ? window.maxCmdSn() : loginCmdSn;
            Bytes.put32(h, 28, exp);
            Bytes.put32(h, 32, max);
            // written while holding the lock, so StatSN order on the wire is the order assigned
            writer.write(pdu, flush);
        }
    }
}
