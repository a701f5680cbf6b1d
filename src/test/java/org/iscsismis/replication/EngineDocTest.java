package org.iscsismis.replication;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** docs/engine.md prints the state table; this keeps the page and the code from drifting apart. */
class EngineDocTest {

    @Test
    void engineDocCarriesTheCurrentTable() throws Exception {
        String doc = Files.readString(Path.of("docs/engine.md"));
        String table = TransitionTableMarkdown.render(TransitionTable.standard());
        assertTrue(doc.contains(table), "docs/engine.md is out of date: regenerate the table with TransitionTableMarkdown.main");
    }
}
