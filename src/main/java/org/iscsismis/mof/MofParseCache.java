package org.iscsismis.mof;

import java.lang.ref.SoftReference;
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
 *
 * <p>Trees are held softly: the garbage collector drops them before the heap runs out, and a compilation that then
 * asks for one parses the source again. A tree is many times the size of its source, so holding every tree of the
 * complete DMTF schema (1 600 files) until the compilation ends would take about 100 MB; a server with a small heap
 * compiles the schema anyway, only parsing a shared file more than once.
 */
public final class MofParseCache {

    private record Source(String name, String text) {
    }

    private final Map<Source, CompletableFuture<SoftReference<MofParser.MofSpecificationContext>>> trees = new ConcurrentHashMap<>();

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
        CompletableFuture<SoftReference<MofParser.MofSpecificationContext>> mine = new CompletableFuture<>();
        CompletableFuture<SoftReference<MofParser.MofSpecificationContext>> existing = trees.putIfAbsent(key, mine);
        if (existing != null) {
            SoftReference<MofParser.MofSpecificationContext> kept = existing.join();
            MofParser.MofSpecificationContext tree = kept == null ? null : kept.get();
            if (tree != null) {
                return tree;
            }
            tree = parse.get();
            if (kept != null && tree != null) {
                trees.replace(key, existing, CompletableFuture.completedFuture(new SoftReference<>(tree)));
            }
            return tree;
        }
        MofParser.MofSpecificationContext tree = null;
        try {
            tree = parse.get();
            return tree;
        } finally {
            mine.complete(tree == null ? null : new SoftReference<>(tree));
            if (tree == null) {
                trees.remove(key, mine);
            }
        }
    }
}
