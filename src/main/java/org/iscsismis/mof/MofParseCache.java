package org.iscsismis.mof;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Parse trees of MOF sources shared by several compilations, so a file included by many roots (the
 * qualifier declarations and CIM classes every namespace includes) is parsed once. Only trees that
 * parsed without a syntax error are kept; a source is identified by its name and its whole text.
 * Concurrent compilations asking for the same source wait for the one parse. Trees are only read once
 * built, so compilations on several threads may share them.
 */
public final class MofParseCache {

    private record Source(String name, String text) {
    }

    private final Map<Source, CompletableFuture<MofParser.MofSpecificationContext>> trees = new ConcurrentHashMap<>();

    /**
     * Parses a source no compilation has asked for yet, so that the tree is ready when one does; does nothing if
     * the source is already parsed or being parsed.
     */
    void parseAhead(String name, String text, Supplier<MofParser.MofSpecificationContext> parse) {
        if (!trees.containsKey(new Source(name, text))) {
            tree(name, text, parse);
        }
    }

    /**
     * The cached tree of this source, or the one {@code parse} builds (null when it had syntax errors;
     * such a result is not kept, so each compilation reports its own diagnostics).
     */
    MofParser.MofSpecificationContext tree(String name, String text, Supplier<MofParser.MofSpecificationContext> parse) {
        Source key = new Source(name, text);
        CompletableFuture<MofParser.MofSpecificationContext> mine = new CompletableFuture<>();
        CompletableFuture<MofParser.MofSpecificationContext> existing = trees.putIfAbsent(key, mine);
        if (existing != null) {
            MofParser.MofSpecificationContext tree = existing.join();
            if (tree != null) {
                return tree;
            }
            return parse.get();
        }
        MofParser.MofSpecificationContext tree = null;
        try {
            tree = parse.get();
            return tree;
        } finally {
            mine.complete(tree);
            if (tree == null) {
                trees.remove(key, mine);
            }
        }
    }
}
