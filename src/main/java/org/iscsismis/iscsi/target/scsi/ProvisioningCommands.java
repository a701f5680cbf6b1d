package org.iscsismis.iscsi.target.scsi;

import org.iscsismis.iscsi.target.pdu.Bytes;

/**
 * UNMAP and WRITE SAME(10/16) (SBC-3 §5.28, 5.41, 5.42). On a thin logical unit UNMAP, and WRITE SAME with the UNMAP
 * bit, trim the range: whole chunks go back to the pool, partial chunks read as zeros (LBPRZ), whatever block the
 * WRITE SAME carried. Every descriptor of an UNMAP is checked before anything is trimmed.
 */
final class ProvisioningCommands {

    /** The largest piece written or trimmed at once (a WRITE SAME may cover the whole medium). */
    private static final int PIECE = 1 << 20;

    private ProvisioningCommands() {
    }

    static final CommandHandler UNMAP = new CommandHandler() {
        @Override
        public int dataOutLength(ScsiRequest request) {
            Cdb cdb = request.cdb();
            request.device().checkWritable(); // a read-only replica says so first, thin or not
            if (!request.device().thin()) {
                throw ScsiError.of(AdditionalSense.INVALID_COMMAND_OPERATION_CODE, "UNMAP on a fully provisioned logical unit");
            }
            if (cdb.bit(1, 0)) {
                throw ScsiError.invalidCdbField(1, 0, "ANCHOR is not supported");
            }
            return cdb.u16(7);
        }

        @Override
        public Reply execute(ScsiRequest request, byte[] list) {
            if (list.length == 0) {
                return Reply.good();
            }
            if (list.length < 8) {
                throw ScsiError.of(AdditionalSense.PARAMETER_LIST_LENGTH_ERROR, "UNMAP parameter list of " + list.length + " bytes");
            }
            int descriptorBytes = Math.min(Bytes.u16(list, 2), list.length - 8) / 16 * 16;
            int count = descriptorBytes / 16;
            if (count > BlockLimits.MAX_UNMAP_DESCRIPTORS) {
                throw ScsiError.invalidParameter(2, -1, count + " block descriptors exceed the maximum of "
                        + BlockLimits.MAX_UNMAP_DESCRIPTORS);
            }
            BlockDevice device = request.device();
            for (int i = 0; i < count; i++) {
                device.checkRange(Bytes.i64(list, 8 + 16 * i), Bytes.u32(list, 16 + 16 * i));
            }
            for (int i = 0; i < count; i++) {
                trim(request.unit(), Bytes.i64(list, 8 + 16 * i), Bytes.u32(list, 16 + 16 * i));
            }
            return Reply.good();
        }
    };

    static CommandHandler writeSame(TransferLayout layout) {
        return new CommandHandler() {
            @Override
            public int dataOutLength(ScsiRequest request) {
                check(request, layout);
                boolean noDataOut = layout == TransferLayout.CDB16 && request.cdb().bit(1, 0);
                return noDataOut ? 0 : request.device().blockSize();
            }

            @Override
            public Reply execute(ScsiRequest request, byte[] block) {
                long blocks = check(request, layout);
                BlockDevice device = request.device();
                byte[] pattern = block.length == 0 ? new byte[device.blockSize()] : block;
                long lba = layout.lba(request.cdb());
                boolean unmap = request.cdb().bit(1, 3);
                if (unmap) {
                    trim(request.unit(), lba, blocks);
                } else {
                    fill(request.unit(), lba, blocks, pattern);
                }
                return Reply.good();
            }
        };
    }

    private static long check(ScsiRequest request, TransferLayout layout) {
        Cdb cdb = request.cdb();
        BlockChecks.noProtection(cdb, "WRPROTECT");
        if (cdb.bit(1, 4)) {
            throw ScsiError.invalidCdbField(1, 4, "ANCHOR is not supported");
        }
        BlockDevice device = request.device();
        device.checkWritable();
        if (cdb.bit(1, 3) && !device.thin()) {
            throw ScsiError.invalidCdbField(1, 3, "UNMAP on a fully provisioned logical unit");
        }
        long lba = layout.lba(cdb);
        long blocks = layout.blocks(cdb);
        device.checkRange(lba, blocks);
        if (blocks == 0) {
            blocks = device.blocks() - lba; // WSNZ is 0: zero blocks means to the end of the medium
        }
        if (blocks > BlockLimits.maxWriteSameBlocks(device.blockSize())) {
            throw ScsiError.invalidCdbField(layout.lengthByte(), -1, blocks + " blocks exceed the maximum write same length of "
                    + BlockLimits.maxWriteSameBlocks(device.blockSize()));
        }
        return blocks;
    }

    /** Trims {@code blocks} blocks from {@code lba}, in pieces, holding the unit's write lock shared. */
    static void trim(LogicalUnit unit, long lba, long blocks) {
        BlockDevice device = unit.device();
        int bs = device.blockSize();
        long at = lba * bs;
        long end = (lba + blocks) * bs;
        unit.locked(false, () -> {
            for (long from = at; from < end; ) {
                int n = (int) Math.min(end - from, 1L << 30);
                device.trim(from, n);
                from += n;
            }
        });
    }

    private static void fill(LogicalUnit unit, long lba, long blocks, byte[] pattern) {
        BlockDevice device = unit.device();
        int bs = device.blockSize();
        int perPiece = (int) Math.min(blocks, PIECE / bs);
        byte[] piece = new byte[perPiece * bs];
        for (int i = 0; i < perPiece; i++) {
            System.arraycopy(pattern, 0, piece, i * bs, bs);
        }
        unit.locked(false, () -> {
            for (long done = 0; done < blocks; ) {
                int n = (int) Math.min(blocks - done, perPiece);
                device.write((lba + done) * bs, piece, 0, n * bs);
                done += n;
            }
        });
    }
}
