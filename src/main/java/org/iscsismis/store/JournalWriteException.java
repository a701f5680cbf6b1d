package org.iscsismis.store;

import java.io.IOException;
import org.iscsismis.cim.CimException;
import org.iscsismis.cim.CimStatus;

/**
 * A change refused because the journal could not record it (the device is full, an I/O error): the client gets
 * CIM_ERR_FAILED saying so, and the change is not made. The data directory's path stays in the server's log.
 */
public final class JournalWriteException extends CimException {

    private static final long serialVersionUID = 1L;

    JournalWriteException(String key, String reason, IOException cause) {
        super(CimStatus.FAILED, "The change was not made: the server could not record " + key + " in its data directory ("
                + reason + ")", cause);
    }

    /** What the device said, without Java's exception names. */
    static String reason(IOException e) {
        return e.getMessage() == null || e.getMessage().isBlank() ? "an I/O error" : e.getMessage();
    }
}
