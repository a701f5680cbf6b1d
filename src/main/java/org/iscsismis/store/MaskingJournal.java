package org.iscsismis.store;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.iscsismis.iscsi.provider.Masking;
import org.iscsismis.iscsi.provider.MaskingLog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The masking part of the data directory: each storage hardware ID as {@code mask/hwid/INSTANCEID}, each protocol
 * controller (iSCSI target node, the default view {@code spc-0} among them) as {@code mask/ctl/DEVICEID}, and
 * {@code mask/next}, the next controller number. {@code mask/next} is written with the first change, together with
 * the whole state and after it, so its presence says the journal holds the state whole (a default view deleted stays
 * deleted); later changes write only the hardware IDs and controllers that changed. A change a crash cut in two (never
 * acknowledged) may come back in part: each record is whole, and a controller naming a hardware ID that is gone
 * admits nobody by it.
 */
final class MaskingJournal implements MaskingLog {

    private static final Logger LOG = LoggerFactory.getLogger(MaskingJournal.class);
    static final String PREFIX = "mask/";
    private static final String HARDWARE_ID = PREFIX + "hwid/";
    private static final String CONTROLLER = PREFIX + "ctl/";
    private static final String NEXT = PREFIX + "next";

    private final Journal journal;

    MaskingJournal(Journal journal) {
        this.journal = journal;
    }

    /** Hands {@code masking} the kept state (if any change was ever kept) and records its changes from now on. */
    void recover(Masking masking) {
        Masking.State kept = read();
        masking.restore(kept, this);
        if (kept != null) {
            LOG.info("Recovered masking: {} hardware IDs, {} protocol controllers", kept.hardwareIds().size(),
                    kept.controllers().size());
        }
    }

    /** The state the journal holds, or null if it holds none. */
    Masking.State read() {
        byte[] next = journal.get(NEXT);
        if (next == null) {
            return null;
        }
        Map<String, Masking.HardwareId> ids = new LinkedHashMap<>();
        for (byte[] value : journal.withPrefix(HARDWARE_ID).values()) {
            Masking.HardwareId id = MaskingRecords.readHardwareId(Fields.of(value));
            ids.put(id.instanceId(), id);
        }
        Map<String, Masking.Controller> controllers = new LinkedHashMap<>();
        for (byte[] value : journal.withPrefix(CONTROLLER).values()) {
            Masking.Controller c = MaskingRecords.readController(Fields.of(value));
            controllers.put(c.deviceId(), c);
        }
        return new Masking.State(ids, controllers, (int) Fields.of(next).number("next"));
    }

    @Override
    public void changed(Masking.State before, Masking.State after) {
        boolean whole = journal.get(NEXT) == null;
        if (whole) { // records a crash left before the first mask/next meant nothing: start clean
            journal.withPrefix(PREFIX).keySet().forEach(journal::remove);
        }
        diff(HARDWARE_ID, whole ? Map.of() : before.hardwareIds(), after.hardwareIds(), MaskingRecords::write);
        diff(CONTROLLER, whole ? Map.of() : before.controllers(), after.controllers(), MaskingRecords::write);
        if (whole || before.nextController() != after.nextController()) {
            journal.put(NEXT, new Fields().put("next", after.nextController()).bytes());
        }
    }

    private <V> void diff(String prefix, Map<String, V> before, Map<String, V> after,
                          java.util.function.Function<V, Fields> write) {
        after.forEach((key, value) -> {
            if (!Objects.equals(before.get(key), value)) {
                journal.put(prefix + key, write.apply(value).bytes());
            }
        });
        before.keySet().stream().filter(key -> !after.containsKey(key)).forEach(key -> journal.remove(prefix + key));
    }
}
