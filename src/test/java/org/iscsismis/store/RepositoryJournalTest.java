package org.iscsismis.store;

import static org.iscsismis.repository.Fixtures.NS;
import static org.iscsismis.repository.Fixtures.childPath;
import static org.iscsismis.repository.Fixtures.name;
import static org.iscsismis.repository.Fixtures.otherPath;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.iscsismis.cim.CimClass;
import org.iscsismis.cim.CimDateTime;
import org.iscsismis.cim.CimInstance;
import org.iscsismis.cim.CimNamespace;
import org.iscsismis.cim.CimStatus;
import org.iscsismis.cim.CimType;
import org.iscsismis.cim.CimValue;
import org.iscsismis.repository.CimRepository;
import org.iscsismis.repository.Fixtures;
import org.iscsismis.repository.StandardQualifiers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What clients change in the repository is kept in the data directory: on a fresh copy of the same schema, the
 * changes come back; what was created and deleted again leaves nothing; a schema class deleted stays deleted.
 */
class RepositoryJournalTest {

    private static final CimNamespace ADDED = CimNamespace.of("root/Added");
    private static final CimClass THING = CimClass.builder("T_Thing").key("Id", CimType.STRING)
            .property("Size", CimType.UINT64).build();

    @TempDir
    Path dir;

    /** One server run: the schema (the fixture classes), then the journal's changes on top. */
    private final class Run implements AutoCloseable {
        final CimRepository repo = Fixtures.repository();
        final DataStore store = DataStore.open(dir, 0);

        Run() {
            store.recoverRepository(repo);
        }

        @Override
        public void close() {
            store.close();
        }
    }

    @Test
    void changesComeBackOnTheSchemaAndDeletedOnesLeaveNothing() {
        CimDateTime when = CimDateTime.parse("20260102030405.000000+000");
        try (Run run = new Run()) {
            run.repo.createNamespace(ADDED, StandardQualifiers.declarations());
            run.repo.createClass(ADDED, THING);
            run.repo.createInstance(ADDED, CimInstance.builder("T_Thing").property("Id", "x")
                    .property("Size", CimValue.ofUint64(1L << 40)).build());
            run.repo.createInstance(NS, CimInstance.builder("T_Child").property("Name", "a").property("Extra", CimValue.ofUint32(1)).build());
            run.repo.createInstance(NS, CimInstance.builder("T_Child").property("Name", "b").build());
            run.repo.modifyInstance(NS, CimInstance.builder("T_Child").path(childPath("a")).property("Extra", CimValue.ofUint32(2))
                    .build(), List.of(name("Extra")));
            run.repo.deleteInstance(NS, childPath("b"));
            run.repo.createInstance(NS, CimInstance.builder("T_Other").property("Id", CimValue.ofUint16(7))
                    .property("When", CimValue.ofDateTime(when))
                    .property("Tags", CimValue.ofStrings(List.of("red", "<&>"))).build());
            run.repo.deleteClass(NS, name("T_GrandChild"));
        }
        try (Run run = new Run()) {
            assertTrue(run.repo.hasNamespace(ADDED));
            assertEquals("root/Added", run.repo.namespaces().stream().filter(ADDED::equals).findFirst().orElseThrow().toString(),
                    "the namespace keeps its spelling");
            assertTrue(run.repo.findQualifierType(ADDED, name("Key")) != null, "with the qualifier types it was created with");
            assertEquals(1L << 40, ((Number) run.repo.getInstance(ADDED, org.iscsismis.cim.ObjectPath.builder("T_Thing")
                    .key("Id", "x").build()).value("Size").value()).longValue());
            assertEquals(2L, ((Number) run.repo.getInstance(NS, childPath("a")).value("Extra").value()).longValue());
            Fixtures.assertCimError(CimStatus.NOT_FOUND, () -> run.repo.getInstance(NS, childPath("b")));
            CimInstance other = run.repo.getInstance(NS, otherPath(7));
            assertEquals(when, other.value("When").value());
            assertEquals(List.of("red", "<&>"), other.value("Tags").value());
            assertFalse(run.repo.hasClass(NS, name("T_GrandChild")), "a schema class deleted stays deleted");

            run.repo.deleteInstance(ADDED, org.iscsismis.cim.ObjectPath.builder("T_Thing").key("Id", "x").build());
            run.repo.deleteClass(ADDED, name("T_Thing"));
            run.repo.deleteNamespace(ADDED);
            run.repo.deleteInstance(NS, childPath("a"));
            run.repo.deleteInstance(NS, otherPath(7));
        }
        try (Run run = new Run()) {
            assertFalse(run.repo.hasNamespace(ADDED));
            assertEquals(0, run.repo.instanceCount(NS, name("T_Base"), true));
            assertEquals(List.of("repo/class/root/test/t_grandchild"),
                    List.copyOf(run.store.journal().withPrefix(RepositoryJournal.PREFIX).keySet()),
                    "only the deletion of a schema class is left");
        }
    }

    @Test
    void theJournalHoldsNoInstanceRecordsInMemoryAndCompactsFromTheRepository() {
        String big = "x".repeat(4096);
        int n = 300;
        try (Run run = new Run()) {
            run.repo.createNamespace(ADDED, StandardQualifiers.declarations());
            run.repo.createClass(ADDED, CimClass.builder("T_Big").key("Id", CimType.STRING).property("Text", CimType.STRING).build());
            long classes = run.store.journal().heldBytes();
            for (int i = 0; i < n; i++) {
                run.repo.createInstance(ADDED, CimInstance.builder("T_Big").property("Id", "i" + i).property("Text", big + i).build());
            }
            for (int round = 0; round < 3; round++) { // records written again and again: the file grows, memory does not
                for (int i = 0; i < n; i += 7) {
                    run.repo.setProperty(ADDED, bigPath(i), name("Text"), CimValue.ofString(big + "changed " + round));
                }
            }
            run.repo.deleteInstance(ADDED, bigPath(1));
            assertEquals(classes, run.store.journal().heldBytes(),
                    "the journal holds no instance's text, only the class and namespace records it held before");
            long before = run.store.journal().sizeBytes();
            run.store.journal().compact();
            assertTrue(run.store.journal().sizeBytes() < before, "compaction wrote each instance once, from the repository");
        }
        try (Run run = new Run()) {
            assertTrue(run.store.journal().heldBytes() < 8 * 1024, "records read at start-up are not kept either: "
                    + run.store.journal().heldBytes());
            assertEquals(n - 1, run.repo.instanceCount(ADDED, name("T_Big"), false));
            assertEquals(big + "changed 2", run.repo.getInstance(ADDED, bigPath(7)).value("Text").value());
            assertEquals(big + 8, run.repo.getInstance(ADDED, bigPath(8)).value("Text").value());
            Fixtures.assertCimError(CimStatus.NOT_FOUND, () -> run.repo.getInstance(ADDED, bigPath(1)));
            run.repo.setProperty(ADDED, bigPath(8), name("Text"), CimValue.ofString("after the restart"));
            run.store.journal().compact();
        }
        try (Run run = new Run()) {
            assertEquals("after the restart", run.repo.getInstance(ADDED, bigPath(8)).value("Text").value());
            assertEquals(n - 1, run.repo.instanceCount(ADDED, name("T_Big"), false));
        }
    }

    private static org.iscsismis.cim.ObjectPath bigPath(int i) {
        return org.iscsismis.cim.ObjectPath.builder("T_Big").key("Id", "i" + i).build();
    }
}
