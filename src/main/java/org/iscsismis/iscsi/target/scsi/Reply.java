package org.iscsismis.iscsi.target.scsi;

/**
 * How a command ended: its status, sense data with CHECK CONDITION, and the data to return (may be null).
 */
public record Reply(ScsiStatus status, byte[] sense, DataIn dataIn) {

    private static final Reply GOOD = new Reply(ScsiStatus.GOOD, null, null);

    public static Reply good() {
        return GOOD;
    }

    /** GOOD with data: the first {@code min(allocationLength, data.length)} bytes. */
    public static Reply data(byte[] data, long allocationLength) {
        return new Reply(ScsiStatus.GOOD, null, DataIn.of(data, (int) Math.min(allocationLength, data.length)));
    }

    public static Reply data(DataIn dataIn) {
        return new Reply(ScsiStatus.GOOD, null, dataIn);
    }

    public static Reply status(ScsiStatus status) {
        return new Reply(status, null, null);
    }

    public static Reply checkCondition(byte[] sense) {
        return new Reply(ScsiStatus.CHECK_CONDITION, sense, null);
    }

    public long dataLength() {
        return dataIn == null ? 0 : dataIn.length();
    }
}
