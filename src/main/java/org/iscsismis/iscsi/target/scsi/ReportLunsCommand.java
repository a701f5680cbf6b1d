package org.iscsismis.iscsi.target.scsi;

import java.util.List;

import org.iscsismis.iscsi.target.pdu.Bytes;

/**
 * REPORT LUNS (SPC-4 §6.33): SELECT REPORT 00h and 02h list every logical unit, 01h (well known) none. Answering it
 * clears REPORTED LUNS DATA HAS CHANGED for the LUN it was sent to.
 */
final class ReportLunsCommand implements CommandHandler {

    @Override
    public Reply execute(ScsiRequest request, byte[] dataOut) {
        Cdb cdb = request.cdb();
        int select = cdb.u8(2);
        long allocation = cdb.u32(6);
        if (select > 2) {
            throw ScsiError.invalidCdbField(2, -1, "SELECT REPORT " + select + " is not supported");
        }
        if (allocation < 16) {
            throw ScsiError.invalidCdbField(6, -1, "ALLOCATION LENGTH " + allocation + " is less than 16");
        }
        List<LogicalUnit> units = select == 1 ? List.of() : request.directory().all();
        byte[] d = new byte[8 + 8 * units.size()];
        Bytes.put32(d, 0, 8L * units.size());
        for (int i = 0; i < units.size(); i++) {
            Bytes.put64(d, 8 + 8 * i, LunAddress.encode(units.get(i).lun()));
        }
        if (request.lun() >= 0) {
            request.nexus().clear(request.lun(), AdditionalSense.REPORTED_LUNS_DATA_HAS_CHANGED);
        }
        return Reply.data(d, allocation);
    }
}
