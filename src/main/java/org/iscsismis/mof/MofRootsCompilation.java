package org.iscsismis.mof;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

import org.iscsismis.cim.CimNamespace;

/**
 * Compiles one root file per namespace, sharing the work the roots have in common: the {@code #pragma include}
 * lines every root starts with (the qualifiers and CIM classes each namespace includes) are compiled once, and
 * each root's compilation continues from a copy of that state. Every namespace thus gets the same immutable
 * qualifier type and class objects, and each result is the one {@link MofCompiler#compile(Path)} gives for that
 * root and default namespace. While the shared part compiles, a second thread parses the files the roots include
 * ahead of it; the rest of each root compiles in parallel.
 *
 * <p>Whenever sharing could change a result, each root is compiled on its own instead: a root with a syntax
 * error, roots in different directories, or a shared part with diagnostics, instances, namespace pragmas or a
 * schema context to consult.
 */
final class MofRootsCompilation {

    /** A root file, its namespace and its clean parse tree. */
    private record Root(CimNamespace namespace, Path file, MofParser.MofSpecificationContext tree) {
        List<MofParser.MofProductionContext> productions() {
            return tree.productions;
        }
    }

    private final MofCompiler base;
    private final MofParseCache cache;
    /** One pool of values for all roots: the namespaces include many of the same files (and so the same texts). */
    private final MofShared pool = new MofShared();

    MofRootsCompilation(MofCompiler base, MofParseCache cache) {
        this.base = base;
        this.cache = cache;
    }

    Map<CimNamespace, MofCompilation> compile(Map<CimNamespace, Path> roots) {
        List<Root> parsed = parseRoots(roots);
        int shared = parsed == null ? 0 : sharedIncludes(parsed);
        if (shared == 0) {
            return separately(roots);
        }
        CompletableFuture<Void> parseAhead = CompletableFuture.runAsync(() -> parseIncludes(parsed));
        Root first = parsed.get(0);
        MofSession prefix = new MofSession(base.withDefaultNamespace(first.namespace(), cache, pool));
        prefix.run(s -> s.compileProductions(first.file(), first.tree(), 0, shared), false);
        if (!prefix.isNamespaceNeutral()) {
            parseAhead.join();
            return separately(roots);
        }
        List<CompletableFuture<MofCompilation>> rest = new ArrayList<>();
        for (int i = 1; i < parsed.size(); i++) {
            Root root = parsed.get(i);
            rest.add(CompletableFuture.supplyAsync(() -> continueRoot(prefix, root, shared)));
        }
        Map<CimNamespace, MofCompilation> out = new LinkedHashMap<>();
        out.put(first.namespace(), continueRoot(prefix, first, shared));
        for (int i = 1; i < parsed.size(); i++) {
            out.put(parsed.get(i).namespace(), rest.get(i - 1).join());
        }
        parseAhead.join();
        return out;
    }

    private MofCompilation continueRoot(MofSession prefix, Root root, int shared) {
        MofSession session = prefix.continuedBy(base.withDefaultNamespace(root.namespace(), cache, pool), root.file());
        session.run(s -> s.compileProductions(root.file(), root.tree(), shared, root.productions().size()));
        return session.result();
    }

    /** Each root on its own (in parallel), sharing only parse trees. */
    private Map<CimNamespace, MofCompilation> separately(Map<CimNamespace, Path> roots) {
        Map<CimNamespace, CompletableFuture<MofCompilation>> running = new LinkedHashMap<>();
        roots.forEach((namespace, file) -> {
            MofCompiler compiler = base.withDefaultNamespace(namespace, cache, pool);
            running.put(namespace, CompletableFuture.supplyAsync(() -> compiler.compile(file)));
        });
        Map<CimNamespace, MofCompilation> out = new LinkedHashMap<>();
        running.forEach((namespace, compilation) -> out.put(namespace, compilation.join()));
        return out;
    }

    /** The roots' clean parse trees, or null if one cannot be read or has a syntax error (it reports them itself). */
    private List<Root> parseRoots(Map<CimNamespace, Path> roots) {
        List<Root> out = new ArrayList<>();
        for (Map.Entry<CimNamespace, Path> e : roots.entrySet()) {
            Path file = e.getValue();
            MofParser.MofSpecificationContext tree = parse(file);
            if (tree == null) {
                return null;
            }
            out.add(new Root(e.getKey(), file, tree));
        }
        return out;
    }

    /**
     * How many productions all roots start with that are the same {@code #pragma include} (0 when there is only
     * one root, or the roots are in different directories, so the same name could mean different files).
     */
    private static int sharedIncludes(List<Root> roots) {
        if (roots.size() < 2) {
            return 0;
        }
        Path directory = roots.get(0).file().getParent();
        for (Root r : roots) {
            if (!Objects.equals(r.file().getParent(), directory)) {
                return 0;
            }
        }
        int shared = 0;
        while (true) {
            String name = null;
            for (Root r : roots) {
                List<MofParser.MofProductionContext> productions = r.productions();
                String n = shared < productions.size() ? includeName(productions.get(shared)) : null;
                if (n == null || name != null && !name.equals(n)) {
                    return shared;
                }
                name = n;
            }
            shared++;
        }
    }

    /** Parses the files the roots include, in order, unless a compilation has already taken them. */
    private void parseIncludes(List<Root> roots) {
        Set<Path> files = new LinkedHashSet<>();
        for (Root r : roots) {
            for (MofParser.MofProductionContext p : r.productions()) {
                String name = includeName(p);
                if (name != null) {
                    files.add(r.file().getParent().resolve(name));
                }
            }
        }
        for (Path f : files) {
            try {
                String text = MofSession.read(f);
                cache.parseAhead(f.toString(), text, () -> MofSession.parseClean(f.toString(), text));
            } catch (IOException | RuntimeException e) {
                // the compilation reads it again and reports what is wrong
            }
        }
    }

    private MofParser.MofSpecificationContext parse(Path file) {
        try {
            String text = MofSession.read(file);
            return cache.tree(file.toString(), text, () -> MofSession.parseClean(file.toString(), text));
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** The file name of an {@code #pragma include ("name")} production, else null. */
    private static String includeName(MofParser.MofProductionContext p) {
        MofParser.CompilerDirectiveContext c = p.directive;
        if (c == null || !"include".equals(c.pragmaName.getStart().getText().toLowerCase(Locale.ROOT))
                || c.args.size() != 1 || c.args.get(0).str == null) {
            return null;
        }
        try {
            return (String) MofLiterals.literal(c.args.get(0)).value();
        } catch (MofFailure f) {
            return null;
        }
    }
}
