package org.iscsismis.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.iscsismis.iscsi.provider.Masking;
import org.iscsismis.iscsi.target.MaskingModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The masking state in the journal: written whole with the first change, then by difference, read back equal. */
class MaskingJournalTest {

    private static final String NODE = "iqn.1991-05.com.microsoft:host";

    @TempDir
    Path dir;

    private static Masking.Controller defaultView() {
        return new Masking.Controller(Masking.DEFAULT_VIEW_ID, NODE, "default view", true, Set.of(), new TreeMap<>());
    }

    private static Masking.State state(int next, Masking.Controller... controllers) {
        return state(Map.of(), next, controllers);
    }

    private static Masking.State state(Map<String, Masking.HardwareId> ids, int next, Masking.Controller... controllers) {
        Map<String, Masking.Controller> map = new LinkedHashMap<>();
        for (Masking.Controller c : controllers) {
            map.put(c.deviceId(), c);
        }
        return new Masking.State(ids, map, next);
    }

    private Masking.State reopened() {
        try (Journal journal = Journal.open(dir.resolve("journal"))) {
            return new MaskingJournal(journal).read();
        }
    }

    @Test
    void nothingKeptUntilTheFirstChange() {
        assertNull(reopened());
    }

    @Test
    void aDeletedDefaultViewStaysDeleted() {
        try (Journal journal = Journal.open(dir.resolve("journal"))) {
            new MaskingJournal(journal).changed(state(1, defaultView()), state(1));
        }
        Masking.State back = reopened();
        assertEquals(state(1), back);
        assertFalse(back.controllers().containsKey(Masking.DEFAULT_VIEW_ID));
    }

    @Test
    void nodesHardwareIdsAndLunsComeBackEqual() {
        Masking.HardwareId host = new Masking.HardwareId("iscsi-smis:5:iqn.2026-01.test:host", "iqn.2026-01.test:host", 5, "host");
        TreeMap<Integer, Masking.Unit> units = new TreeMap<>(Map.of(0, new Masking.Unit("disk-3", MaskingModel.Access.READ_WRITE),
                7, new Masking.Unit("disk-4", MaskingModel.Access.READ_ONLY)));
        Masking.Controller node = new Masking.Controller("spc-1", NODE + ":spc-1", "db", false, Set.of(host.storageId()), units);
        Masking.State empty = state(1, defaultView());
        Masking.State withId = state(Map.of(host.instanceId(), host), 1, defaultView());
        Masking.State exposed = state(Map.of(host.instanceId(), host), 2, defaultView(), node);
        Masking.State hidden = state(Map.of(host.instanceId(), host), 2, defaultView(),
                new Masking.Controller("spc-1", NODE + ":spc-1", "db", false, Set.of(host.storageId()), new TreeMap<>(Map.of(7, units.get(7)))));
        long commits;
        try (Journal journal = Journal.open(dir.resolve("journal"))) {
            MaskingJournal masking = new MaskingJournal(journal);
            masking.changed(empty, withId);
            masking.changed(withId, exposed);
            long before = journal.commits();
            masking.changed(exposed, hidden);
            commits = journal.commits() - before;
        }
        assertEquals(1, commits, "a change to one controller writes that controller only");
        assertEquals(hidden, reopened());
    }

    @Test
    void recordsACrashLeftBeforeTheFirstChangeAreDropped() {
        try (Journal journal = Journal.open(dir.resolve("journal"))) {
            journal.put("mask/ctl/spc-9", MaskingRecords.write(new Masking.Controller("spc-9", "n", "x", false, Set.of(),
                    new TreeMap<>())).bytes()); // the first change, cut short before mask/next
        }
        assertNull(reopened());
        try (Journal journal = Journal.open(dir.resolve("journal"))) {
            new MaskingJournal(journal).changed(state(1, defaultView()), state(2, defaultView()));
        }
        assertEquals(state(2, defaultView()), reopened());
    }
}
