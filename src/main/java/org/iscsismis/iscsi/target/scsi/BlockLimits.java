package org.iscsismis.iscsi.target.scsi;

/** The limits this target reports in the Block Limits VPD page (B0h) and enforces. */
public final class BlockLimits {

    /**
     * The largest READ or WRITE, in bytes (MAXIMUM TRANSFER LENGTH). Reads and writes stream through small buffers,
     * so this is about the 32-bit transfer arithmetic, not memory.
     */
    public static final int MAX_TRANSFER_BYTES = 1 << 30;
    /** The most blocks one COMPARE AND WRITE may cover. */
    public static final int MAX_COMPARE_AND_WRITE_BLOCKS = 255;
    /** The most block descriptors one UNMAP may carry. */
    public static final int MAX_UNMAP_DESCRIPTORS = 256;
    /** The optimal transfer length, in bytes. */
    public static final int OPTIMAL_TRANSFER_BYTES = 1 << 20;
    /** The most blocks one WRITE SAME may cover (MAXIMUM WRITE SAME LENGTH). */
    public static final long MAX_WRITE_SAME_BLOCKS = 65536;
    /** The most one WRITE ATOMIC may write, in bytes (it is buffered whole and lands in one disk write). */
    public static final int MAX_ATOMIC_BYTES = 4 << 20;

    private BlockLimits() {
    }

    public static long maxTransferBlocks(int blockSize) {
        return MAX_TRANSFER_BYTES / blockSize;
    }

    public static long maxWriteSameBlocks(int blockSize) {
        return MAX_WRITE_SAME_BLOCKS;
    }

    public static long maxAtomicBlocks(int blockSize) {
        return MAX_ATOMIC_BYTES / blockSize;
    }

    public static int maxCompareAndWriteBlocks(int blockSize) {
        return (int) Math.min(MAX_COMPARE_AND_WRITE_BLOCKS, maxTransferBlocks(blockSize) / 2);
    }

    /** Fails with INVALID FIELD IN CDB when {@code blocks} is over the MAXIMUM TRANSFER LENGTH. */
    static void checkTransfer(long blocks, int blockSize, int lengthByte) {
        if (blocks > maxTransferBlocks(blockSize)) {
            throw ScsiError.invalidCdbField(lengthByte, -1, blocks + " blocks exceed the maximum transfer length of "
                    + maxTransferBlocks(blockSize));
        }
    }
}
