package org.iscsismis.iscsi.target.scsi;

/**
 * A command ends in CHECK CONDITION with this sense: the one way handlers report failure. Optional parts: the
 * INFORMATION field (e.g. the offset of a miscompare) and a sense-key specific field pointer naming the offending
 * byte and bit of the CDB or parameter list (SPC-4 §4.5.2.4.2). Carries no stack trace: it is an answer, not a bug.
 */
public final class ScsiError extends RuntimeException {

    private final AdditionalSense sense;
    private final Long information;
    private final int fieldByte;
    private final int fieldBit;
    private final boolean inCdb;

    private ScsiError(AdditionalSense sense, String detail, Long information, int fieldByte, int fieldBit, boolean inCdb) {
        super(detail, null, false, false);
        this.sense = sense;
        this.information = information;
        this.fieldByte = fieldByte;
        this.fieldBit = fieldBit;
        this.inCdb = inCdb;
    }

    public static ScsiError of(AdditionalSense sense, String detail) {
        return new ScsiError(sense, detail, null, -1, -1, false);
    }

    /** INVALID FIELD IN CDB pointing at byte {@code byteIndex}, bit {@code bit} (or -1 for the whole byte). */
    public static ScsiError invalidCdbField(int byteIndex, int bit, String detail) {
        return new ScsiError(AdditionalSense.INVALID_FIELD_IN_CDB, detail, null, byteIndex, bit, true);
    }

    /** INVALID FIELD IN PARAMETER LIST pointing at byte {@code byteIndex} of the data-out buffer. */
    public static ScsiError invalidParameter(int byteIndex, int bit, String detail) {
        return new ScsiError(AdditionalSense.INVALID_FIELD_IN_PARAMETER_LIST, detail, null, byteIndex, bit, false);
    }

    /** LOGICAL BLOCK ADDRESS OUT OF RANGE with the offending LBA as INFORMATION. */
    public static ScsiError lbaOutOfRange(long lba, String detail) {
        return new ScsiError(AdditionalSense.LOGICAL_BLOCK_ADDRESS_OUT_OF_RANGE, detail, lba, -1, -1, false);
    }

    /** MISCOMPARE DURING VERIFY OPERATION; INFORMATION is the offset of the first byte that differs. */
    public static ScsiError miscompare(long offset, String detail) {
        return new ScsiError(AdditionalSense.MISCOMPARE_DURING_VERIFY_OPERATION, detail, offset, -1, -1, false);
    }

    public AdditionalSense sense() {
        return sense;
    }

    /** The sense data in the format the logical unit reports (fixed 70h, or descriptor 72h). */
    public byte[] senseData(boolean descriptorFormat) {
        return SenseData.build(sense, information, fieldByte, fieldBit, inCdb, descriptorFormat);
    }
}
