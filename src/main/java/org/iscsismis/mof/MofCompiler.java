package org.iscsismis.mof;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.iscsismis.cim.CimNamespace;

/**
 * The DSP0004 MOF compiler: MOF text ──▶ qualifier types, classes and instances per namespace,
 * with every error found (up to {@link #errorLimit()}) at its exact {@code file:line:col}.
 *
 * <p>A compiler is immutable and may be shared; each {@code compile} call is independent.
 * Declarations are checked against what the MOF declared before them and, failing that,
 * against the {@link MofSchemaContext} (the target repository, or nothing for offline checks).
 * Files are read as UTF-8 (a UTF-8 BOM is skipped; a UTF-16 BOM switches to UTF-16).
 * {@code #pragma include} paths are resolved against the including file's directory, then
 * against each include directory in order.
 */
public final class MofCompiler {

    /** Errors reported before a compilation stops. */
    public static final int DEFAULT_ERROR_LIMIT = 100;

    /** The namespace of declarations before any {@code #pragma namespace}. */
    public static final String DEFAULT_NAMESPACE = "root/cimv2";

    private final MofSchemaContext context;
    private final int errorLimit;
    private final List<Path> includePath;
    private final CimNamespace defaultNamespace;
    private final MofParseCache parseCache;
    /** The values shared by the compilations of one {@link #compileRoots} call; null: each compilation has its own. */
    private final MofShared shared;

    private MofCompiler(Builder b) {
        this.parseCache = b.parseCache;
        this.shared = b.shared;
        this.context = b.context;
        this.errorLimit = b.errorLimit;
        this.includePath = List.copyOf(b.includePath);
        this.defaultNamespace = b.defaultNamespace;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A compiler with an empty schema context and the defaults (offline checks). */
    public static MofCompiler offline() {
        return builder().build();
    }

    /** Compiles {@code rootFile} and everything it includes. */
    public MofCompilation compile(Path rootFile) {
        return compile(List.of(rootFile));
    }

    /** Compiles the files in order, as one compilation (a later file sees what an earlier one declared). */
    public MofCompilation compile(List<Path> files) {
        MofSession session = new MofSession(this);
        session.run(s -> {
            for (Path f : files) {
                s.compileFile(f, null);
            }
        });
        return session.result();
    }

    /**
     * Compiles one root file per namespace, each with that namespace as its default (instead of this compiler's),
     * as {@link #compile(Path)} would one after the other, but faster: the {@code #pragma include} lines all roots
     * start with are compiled once and their qualifier types and classes (immutable) shared by every result, and
     * the rest runs in parallel. Results are in the order of {@code roots}.
     */
    public Map<CimNamespace, MofCompilation> compileRoots(Map<CimNamespace, Path> roots) {
        return new MofRootsCompilation(this, parseCache != null ? parseCache : new MofParseCache()).compile(roots);
    }

    /**
     * Compiles MOF text. {@code sourceName} names it in diagnostics; if it is a path whose
     * parent directory exists, includes are resolved against that directory first.
     */
    public MofCompilation compile(String sourceName, String text) {
        Objects.requireNonNull(sourceName, "sourceName must not be null");
        Objects.requireNonNull(text, "text must not be null");
        MofSession session = new MofSession(this);
        session.run(s -> s.compileText(sourceName, text));
        return session.result();
    }

    public MofSchemaContext context() {
        return context;
    }

    public int errorLimit() {
        return errorLimit;
    }

    public List<Path> includePath() {
        return includePath;
    }

    /** The parse trees shared with other compilers, or null. */
    MofParseCache parseCache() {
        return parseCache;
    }

    public CimNamespace defaultNamespace() {
        return defaultNamespace;
    }

    /** The values every session of this compiler shares, or null (each session keeps its own). */
    MofShared shared() {
        return shared;
    }

    /** This compiler without the sharing of equal values: for a check, whose result is not kept. */
    MofCompiler withoutSharing() {
        Builder b = builder().context(context).errorLimit(errorLimit).includePath(includePath).parseCache(parseCache);
        b.defaultNamespace = defaultNamespace;
        b.shared = MofShared.NONE;
        return b.build();
    }

    /** This compiler with another default namespace, parse cache and pool of shared values. */
    MofCompiler withDefaultNamespace(CimNamespace namespace, MofParseCache cache, MofShared sharedValues) {
        Builder b = builder().context(context).errorLimit(errorLimit).includePath(includePath).parseCache(cache);
        b.defaultNamespace = namespace;
        b.shared = sharedValues;
        return b.build();
    }

    /** Configures a compiler; every setting has a default. */
    public static final class Builder {
        private MofSchemaContext context = MofSchemaContext.empty();
        private int errorLimit = DEFAULT_ERROR_LIMIT;
        private final List<Path> includePath = new ArrayList<>();
        private CimNamespace defaultNamespace = CimNamespace.of(DEFAULT_NAMESPACE);
        private MofParseCache parseCache;
        private MofShared shared;

        private Builder() {
        }

        /** What already exists in the target (default: nothing). */
        public Builder context(MofSchemaContext schemaContext) {
            this.context = Objects.requireNonNull(schemaContext, "context must not be null");
            return this;
        }

        /** Errors after which compilation stops (default 100; at least 1). */
        public Builder errorLimit(int limit) {
            if (limit < 1) {
                throw new IllegalArgumentException("error limit must be at least 1, got " + limit);
            }
            this.errorLimit = limit;
            return this;
        }

        /** Adds a directory searched for {@code #pragma include} files after the including file's own directory. */
        public Builder addIncludeDirectory(Path directory) {
            includePath.add(Objects.requireNonNull(directory, "directory must not be null"));
            return this;
        }

        public Builder includePath(List<Path> directories) {
            includePath.clear();
            directories.forEach(this::addIncludeDirectory);
            return this;
        }

        public Builder defaultNamespace(String namespace) {
            this.defaultNamespace = CimNamespace.of(namespace);
            return this;
        }

        /** Shares parse trees with other compilers using the same cache (e.g. one per namespace root). */
        public Builder parseCache(MofParseCache cache) {
            this.parseCache = cache;
            return this;
        }

        public MofCompiler build() {
            return new MofCompiler(this);
        }
    }
}
