package org.iscsismis.iscsi.target.login;

/**
 * Who is logging in: the keys of the leading Login Request (RFC 7143 §13.6, §13.21) and the session identity fields.
 *
 * @param targetName null in a discovery session
 * @param isid       the 6-byte initiator session id as 12 hex digits
 * @param tsih       0 for a new session
 */
public record LoginIdentity(String initiatorName, String initiatorAlias, SessionType sessionType, String targetName,
                            String isid, int tsih, int cid) {

    /** The SessionType key. */
    public enum SessionType {
        NORMAL("Normal"), DISCOVERY("Discovery");

        private final String keyValue;

        SessionType(String keyValue) {
            this.keyValue = keyValue;
        }

        public String keyValue() {
            return keyValue;
        }
    }

    /** The I_T nexus identity of SPC-4: the initiator port is the name plus the ISID. */
    public String initiatorPort() {
        return initiatorName + ",i,0x" + isid;
    }
}
