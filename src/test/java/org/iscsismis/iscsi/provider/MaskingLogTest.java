package org.iscsismis.iscsi.provider;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** Masking tells its log every change before making it; a change the log cannot keep is not made. */
class MaskingLogTest {

    private static final Masking.HardwareId HOST = new Masking.HardwareId("iscsi-smis:5:iqn.test:h", "iqn.test:h", 5, "h");

    @Test
    void theLogHearsBeforeAndAfter() {
        Masking masking = new Masking("iqn.test:target", true);
        List<Masking.State[]> heard = new ArrayList<>();
        masking.restore(null, (before, after) -> heard.add(new Masking.State[] {before, after}));
        Masking.State before = masking.state();
        masking.change(e -> e.hardwareIds.put(HOST.instanceId(), HOST));
        assertEquals(1, heard.size());
        assertSame(before, heard.get(0)[0]);
        assertSame(masking.state(), heard.get(0)[1]);
    }

    @Test
    void aChangeTheLogCannotKeepIsNotMade() {
        Masking masking = new Masking("iqn.test:target", true);
        masking.restore(null, (before, after) -> {
            throw new IllegalStateException("disk full");
        });
        Masking.State before = masking.state();
        assertThrows(IllegalStateException.class, () -> masking.change(e -> e.controllers.remove(Masking.DEFAULT_VIEW_ID)));
        assertSame(before, masking.state());
    }

    @Test
    void hardwareIdsAndControllersAreBounded() {
        Masking masking = new Masking("iqn.test:target", true);
        masking.restore(null, MaskingLog.NONE);
        for (int i = 0; i < Masking.MAX_HARDWARE_IDS; i++) {
            Masking.HardwareId id = new Masking.HardwareId("iscsi-smis:5:iqn.test:h" + i, "iqn.test:h" + i, 5, null);
            masking.change(e -> e.hardwareIds.put(id.instanceId(), id));
        }
        Masking.State full = masking.state();
        MethodRefusal refused = assertThrows(MethodRefusal.class, () -> masking.change(e -> e.hardwareIds.put(HOST.instanceId(), HOST)));
        assertTrue(refused.getMessage().contains("at most 4096 storage hardware IDs"), refused.getMessage());
        assertSame(full, masking.state(), "a refused change is not made");
        masking.change(e -> e.hardwareIds.remove("iscsi-smis:5:iqn.test:h0"));
        masking.change(e -> e.hardwareIds.put(HOST.instanceId(), HOST)); // room again

        while (masking.state().controllers().size() < Masking.MAX_CONTROLLERS) {
            masking.change(e -> {
                String id = e.newControllerId();
                return e.controllers.put(id, new Masking.Controller(id, "iqn.test:target:" + id, id, false, Set.of(), new TreeMap<>()));
            });
        }
        assertThrows(MethodRefusal.class, () -> masking.change(e -> {
            String id = e.newControllerId();
            return e.controllers.put(id, new Masking.Controller(id, "iqn.test:target:" + id, id, false, Set.of(), new TreeMap<>()));
        }));
        assertEquals(Masking.MAX_CONTROLLERS, masking.state().controllers().size());
    }

    @Test
    void aKeptStateReplacesTheNewServersOne() {
        Masking masking = new Masking("iqn.test:target", true);
        Masking.State kept = new Masking.State(Map.of(HOST.instanceId(), HOST), Map.of("spc-4", new Masking.Controller("spc-4",
                "iqn.test:target:spc-4", "db", false, Set.of(HOST.storageId()), new TreeMap<>())), 5);
        masking.restore(kept, MaskingLog.NONE);
        assertSame(kept, masking.state());
        assertEquals("spc-5", masking.change(Masking.Editor::newControllerId), "numbering goes on from the kept state");
    }
}
