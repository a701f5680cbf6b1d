package org.iscsismis.iscsi.target.scsi;

/**
 * The commands with little to do: TEST UNIT READY, REQUEST SENSE, SYNCHRONIZE CACHE(10/16), PRE-FETCH(10/16),
 * START STOP UNIT, PREVENT ALLOW MEDIUM REMOVAL, RESERVE(6) and RELEASE(6).
 */
final class SimpleCommands {

    private SimpleCommands() {
    }

    /** TEST UNIT READY: GOOD once the generic checks (unit attention, medium ready) passed. */
    static final CommandHandler TEST_UNIT_READY = (request, dataOut) -> Reply.good();

    /**
     * REQUEST SENSE (SPC-4 §6.39): the pending unit attention (which it clears), NOT READY while the medium is
     * offline, LOGICAL UNIT NOT SUPPORTED for an absent unit, else NO SENSE; DESC picks descriptor format.
     */
    static final CommandHandler REQUEST_SENSE = (request, dataOut) -> {
        boolean descriptor = request.cdb().bit(1, 0);
        AdditionalSense sense;
        if (request.unit() == null) {
            sense = AdditionalSense.LOGICAL_UNIT_NOT_SUPPORTED;
        } else {
            AdditionalSense pending = request.nexus().take(request.lun());
            if (pending != null) {
                sense = pending;
            } else if (request.unit().device().disk().faults().isOffline()) {
                sense = AdditionalSense.LOGICAL_UNIT_NOT_READY_CAUSE_NOT_REPORTABLE;
            } else {
                sense = AdditionalSense.NO_ADDITIONAL_SENSE_INFORMATION;
            }
        }
        return Reply.data(SenseData.of(sense, descriptor), request.cdb().u8(4));
    };

    /** SYNCHRONIZE CACHE (SBC-3 §5.18, 5.19): the range is checked (0 blocks: to the end), then the disk flushed. */
    static CommandHandler synchronizeCache(TransferLayout layout) {
        return (request, dataOut) -> {
            checkRange(request, layout);
            request.device().flush();
            return Reply.good();
        };
    }

    /** PRE-FETCH (SBC-3 §5.3, 5.4): the medium is memory, so there is nothing to fetch; the range is checked. */
    static CommandHandler preFetch(TransferLayout layout) {
        return (request, dataOut) -> {
            checkRange(request, layout);
            return Reply.good();
        };
    }

    private static void checkRange(ScsiRequest request, TransferLayout layout) {
        BlockDevice device = request.device();
        long lba = layout.lba(request.cdb());
        long blocks = layout.blocks(request.cdb());
        device.checkRange(lba, blocks == 0 && lba <= device.blocks() ? device.blocks() - lba : blocks);
    }

    /**
     * START STOP UNIT (SBC-3 §5.20): the medium is not removable and has no power conditions to change, so a start or
     * stop succeeds without effect; LOEJ (load or eject) is refused.
     */
    static final CommandHandler START_STOP_UNIT = (request, dataOut) -> {
        Cdb cdb = request.cdb();
        if (cdb.bits(4, 4, 4) == 0 && cdb.bit(4, 1)) {
            throw ScsiError.invalidCdbField(4, 1, "LOEJ: the medium is not removable");
        }
        return Reply.good();
    };

    /** PREVENT ALLOW MEDIUM REMOVAL (SBC-3 §5.5): nothing can be removed; PREVENT 0 and 1 succeed, others are refused. */
    static final CommandHandler PREVENT_ALLOW = (request, dataOut) -> {
        if (request.cdb().bits(4, 0, 2) > 1) {
            throw ScsiError.invalidCdbField(4, 1, "PREVENT " + request.cdb().bits(4, 0, 2) + " is reserved for block devices");
        }
        return Reply.good();
    };

    /**
     * READ DEFECT DATA(10) and (12) (SBC-3 §5.12, 5.13): a memory medium has no defects, so the list is empty in
     * whatever format was asked for (PLISTV and GLISTV clear: no list is reported).
     */
    static CommandHandler readDefectData(boolean twelve) {
        return (request, dataOut) -> {
            Cdb cdb = request.cdb();
            int format = twelve ? cdb.bits(1, 0, 3) : cdb.bits(2, 0, 3);
            byte[] header = new byte[twelve ? 8 : 4];
            header[1] = (byte) format;
            return Reply.data(header, twelve ? cdb.u32(6) : cdb.u16(7));
        };
    }

    /** RESERVE(6) (SPC-2 §7.21): RESERVATION CONFLICT if another nexus holds the logical unit. */
    static final CommandHandler RESERVE_6 = (request, dataOut) ->
            request.unit().reservations().reserve(request.nexus()) ? Reply.good() : Reply.status(ScsiStatus.RESERVATION_CONFLICT);

    /** RELEASE(6): releases the holder's reservation; from anyone else it does nothing and succeeds. */
    static final CommandHandler RELEASE_6 = (request, dataOut) -> {
        request.unit().reservations().release(request.nexus());
        return Reply.good();
    };
}
