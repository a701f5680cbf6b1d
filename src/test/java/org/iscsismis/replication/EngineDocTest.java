package org.iscsismis.replication;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** docs/engine.md prints the transition table and docs/model.md what each state shows; this keeps pages and code together. */
class EngineDocTest {

    @Test
    void engineDocCarriesTheCurrentTable() throws Exception {
        String doc = Files.readString(Path.of("docs/engine.md"));
        String table = TransitionTableMarkdown.render(TransitionTable.standard());
        assertTrue(doc.contains(table), "docs/engine.md is out of date: regenerate the table with TransitionTableMarkdown.main");
    }

    @Test
    void modelDocCarriesWhatEachStateShows() throws Exception {
        String doc = Files.readString(Path.of("docs/model.md"));
        String table = PairStateTableMarkdown.render(PairStateTable.standard());
        assertTrue(doc.contains(table), "docs/model.md is out of date: regenerate the tables with PairStateTableMarkdown.main");
    }
}
