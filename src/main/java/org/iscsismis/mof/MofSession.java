package org.iscsismis.mof;

import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.atn.PredictionMode;
import org.antlr.v4.runtime.tree.ParseTree;
import org.iscsismis.cim.CimClass;
import org.iscsismis.cim.CimInstance;
import org.iscsismis.cim.CimName;
import org.iscsismis.cim.CimNamespace;
import org.iscsismis.cim.CimQualifierType;

/**
 * One compilation: the diagnostics, the namespaces being filled, the files being read
 * (include stack) and the aliases. Declarations are compiled by {@link MofDeclarations}.
 */
final class MofSession {

    /** Thrown when the error limit is reached; ends the compilation. */
    private static final class LimitReached extends RuntimeException {
        private static final long serialVersionUID = 1L;

        LimitReached() {
            super(null, null, false, false);
        }
    }

    /** What the MOF declared in one namespace so far. */
    static final class Ns {
        final CimNamespace name;
        final LinkedHashMap<CimName, CimQualifierType> qualifierTypes = new LinkedHashMap<>();
        final Map<CimName, String> qualifierWhere = new HashMap<>();
        final LinkedHashMap<CimName, CimClass> classes = new LinkedHashMap<>();
        final Map<CimName, String> classWhere = new HashMap<>();
        final List<CimInstance> instances = new ArrayList<>();
        final Map<CimName, MofDeclarations.Effective> effective = new HashMap<>();
        /** Classes whose declaration had a syntax error: later uses are not reported again. */
        final Set<CimName> broken = new HashSet<>();
        /** Classes whose superclass is broken or unknown: their instances' unknown properties are not reported. */
        final Set<CimName> incomplete = new HashSet<>();

        Ns(CimNamespace name) {
            this.name = name;
        }

        /** Everything declared so far, under another name (the values are immutable and shared). */
        Ns copyAs(CimNamespace newName) {
            Ns copy = new Ns(newName);
            copy.qualifierTypes.putAll(qualifierTypes);
            copy.qualifierWhere.putAll(qualifierWhere);
            copy.classes.putAll(classes);
            copy.classWhere.putAll(classWhere);
            copy.instances.addAll(instances);
            copy.effective.putAll(effective);
            copy.broken.addAll(broken);
            copy.incomplete.addAll(incomplete);
            return copy;
        }
    }

    /** A reference class to check once everything is declared (forward references are allowed). */
    record DeferredReference(Ns ns, CimName target, String file, Token token, String owner) {
    }

    final MofCompiler compiler;
    /** The names of this compilation, each made once. */
    final MofNames names = new MofNames();
    /** The literal values and qualifiers of this compilation (or of all roots compiled together), each kept once. */
    final MofShared shared;
    private final List<MofDiagnostic> diagnostics = new ArrayList<>();
    private final Map<String, Integer> fileOrder = new HashMap<>();
    private int errors;
    private final LinkedHashMap<CimNamespace, Ns> namespaces = new LinkedHashMap<>();
    private Ns current;
    private final Deque<Path> includeStack = new ArrayDeque<>();
    private String file = "<none>";
    /** The file being compiled, in its own file system (a jar's, for the packaged schema); null for text. */
    private Path filePath;
    private Path directory;
    final List<DeferredReference> deferredReferences = new ArrayList<>();
    private final MofDeclarations declarations;

    MofSession(MofCompiler compiler) {
        this.compiler = compiler;
        this.shared = compiler.shared() != null ? compiler.shared() : new MofShared();
        this.current = namespace(compiler.defaultNamespace());
        this.declarations = new MofDeclarations(this);
    }

    /**
     * A session that continues where {@code prefix} stopped, as if {@code compiler} had compiled the same
     * declarations into its own default namespace. Only for a prefix that {@link #isNamespaceNeutral() is
     * namespace-neutral}.
     */
    private MofSession(MofSession prefix, MofCompiler compiler, Path root) {
        if (!prefix.isNamespaceNeutral()) {
            throw new IllegalStateException("the prefix depends on its namespace");
        }
        this.compiler = compiler;
        this.shared = prefix.shared;
        this.current = prefix.current.copyAs(compiler.defaultNamespace());
        namespaces.put(current.name, current);
        // diagnostics sort by file order: this root first, then the files the prefix opened (not its own root)
        fileOrder.put(root.toString(), 0);
        prefix.fileOrder.entrySet().stream().filter(e -> e.getValue() > 0).sorted(Map.Entry.comparingByValue())
                .forEach(e -> fileOrder.putIfAbsent(e.getKey(), fileOrder.size()));
        for (DeferredReference r : prefix.deferredReferences) {
            deferredReferences.add(new DeferredReference(current, r.target(), r.file(), r.token(), r.owner()));
        }
        this.declarations = new MofDeclarations(this);
    }

    /**
     * This session's state carried on by {@code compiler} (whose default namespace replaces this one's) for the
     * rest of {@code root}, a root file that starts with the same productions as the one this session compiled.
     */
    MofSession continuedBy(MofCompiler other, Path root) {
        return new MofSession(this, other, root);
    }

    /**
     * True if what was compiled so far would come out the same in any default namespace: no diagnostics, only
     * the default namespace used (no {@code #pragma namespace}), no instances or aliases, and nothing looked
     * up in a schema context (which answers per namespace).
     */
    boolean isNamespaceNeutral() {
        return diagnostics.isEmpty() && namespaces.size() == 1 && current.instances.isEmpty()
                && !declarations.hasAliases() && compiler.context() == MofSchemaContext.empty();
    }

    // ------------------------------------------------------------------ driving

    void run(Consumer<MofSession> body) {
        run(body, true);
    }

    /**
     * Runs {@code body}, then (if {@code finish}) the checks made once everything is declared. A prefix shared by
     * several compilations runs without them: each continuation finishes on its own.
     */
    void run(Consumer<MofSession> body, boolean finish) {
        try {
            body.accept(this);
            if (finish) {
                declarations.finish();
            }
        } catch (LimitReached e) {
            MofDiagnostic last = diagnostics.get(diagnostics.size() - 1);
            diagnostics.add(new MofDiagnostic(last.file(), last.line(), last.column(), MofDiagnostic.Severity.ERROR,
                    "too many errors (" + compiler.errorLimit() + "); compilation stopped"));
        }
    }

    MofCompilation result() {
        List<MofNamespace> out = new ArrayList<>();
        for (Ns ns : namespaces.values()) {
            if (!ns.qualifierTypes.isEmpty() || !ns.classes.isEmpty() || !ns.instances.isEmpty()) {
                out.add(new MofNamespace(ns.name, new ArrayList<>(ns.qualifierTypes.values()),
                        new ArrayList<>(ns.classes.values()), ns.instances));
            }
        }
        // by file (in the order the files were opened), then by position
        for (MofDiagnostic d : diagnostics) {
            fileOrder.putIfAbsent(d.file(), fileOrder.size());
        }
        List<MofDiagnostic> sorted = new ArrayList<>(diagnostics);
        sorted.sort(Comparator.comparingInt((MofDiagnostic d) -> fileOrder.get(d.file()))
                .thenComparingInt(MofDiagnostic::line).thenComparingInt(MofDiagnostic::column));
        return new MofCompilation(out, sorted);
    }

    /** Reads and compiles {@code path}; {@code includedAt} is the include pragma's string (null for a root file). */
    void compileFile(Path path, Token includedAt) {
        Path normalized = path.toAbsolutePath().normalize();
        for (Path open : includeStack) {
            if (open.equals(normalized)) {
                error(includedAt, "include cycle: " + path + " is already being compiled");
                return;
            }
        }
        String text;
        try {
            text = read(path);
        } catch (IOException | SecurityException e) {
            String why = e instanceof java.nio.file.NoSuchFileException || !Files.exists(path) ? "no such file"
                    : e instanceof java.nio.file.AccessDeniedException || !Files.isReadable(path) ? "permission denied"
                    : String.valueOf(e.getMessage());
            if (includedAt != null) {
                error(includedAt, "cannot read include file " + path + ": " + why);
            } else {
                diagnostic(MofDiagnostic.Severity.ERROR, path.toString(), 1, 1, "cannot read file: " + why);
            }
            return;
        }
        inFile(path, () -> compileSource(text));
    }

    /**
     * Compiles productions {@code from} (inclusive) to {@code to} (exclusive) of a root file's clean parse
     * tree: how the compilation of several roots runs the parts that are not shared.
     */
    void compileProductions(Path root, MofParser.MofSpecificationContext tree, int from, int to) {
        inFile(root, () -> tree.productions.subList(from, to).forEach(declarations::production));
    }

    /** Runs {@code body} with {@code path} as the file being compiled (for includes and diagnostics). */
    private void inFile(Path path, Runnable body) {
        Path normalized = path.toAbsolutePath().normalize();
        includeStack.push(normalized);
        String savedFile = file;
        Path savedDirectory = directory;
        Path savedFilePath = filePath;
        file = path.toString();
        filePath = path;
        fileOrder.putIfAbsent(file, fileOrder.size());
        directory = normalized.getParent();
        try {
            body.run();
        } finally {
            file = savedFile;
            directory = savedDirectory;
            filePath = savedFilePath;
            includeStack.pop();
        }
    }

    void compileText(String sourceName, String text) {
        file = sourceName;
        fileOrder.putIfAbsent(file, fileOrder.size());
        directory = null;
        try {
            Path p = Path.of(sourceName).toAbsolutePath().normalize().getParent();
            if (p != null && Files.isDirectory(p)) {
                directory = p;
            }
        } catch (InvalidPathException e) {
            // not a path: includes come from the include directories only
        }
        compileSource(text.startsWith("\uFEFF") ? text.substring(1) : text);
    }

    /**
     * The text of a MOF file. A plain file is read with a {@link FileInputStream}: a schema is a thousand files or more,
     * and opening each as a {@code FileChannel} ({@code Files.readAllBytes}) cost a cold compile twice as long.
     */
    static String read(Path path) throws IOException {
        if (path.getFileSystem() != FileSystems.getDefault()) {
            return decode(Files.readAllBytes(path));
        }
        try (InputStream in = new FileInputStream(path.toFile())) {
            return decode(in.readAllBytes());
        }
    }

    static String decode(byte[] bytes) {
        if (bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF) {
            return new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8);
        }
        if (bytes.length >= 2 && (bytes[0] & 0xFF) == 0xFE && (bytes[1] & 0xFF) == 0xFF) {
            return new String(bytes, 2, bytes.length - 2, StandardCharsets.UTF_16BE);
        }
        if (bytes.length >= 2 && (bytes[0] & 0xFF) == 0xFF && (bytes[1] & 0xFF) == 0xFE) {
            return new String(bytes, 2, bytes.length - 2, StandardCharsets.UTF_16LE);
        }
        return new String(bytes, StandardCharsets.UTF_8);
    }

    /** The tree of {@code text} (from the compiler's parse cache when it has one), then the declarations in order. */
    private void compileSource(String text) {
        MofParseCache cache = compiler.parseCache();
        MofParser.MofSpecificationContext cached = cache == null ? null : cache.tree(file, text, () -> parseClean(file, text));
        if (cached != null) {
            cached.productions.forEach(declarations::production);
            return;
        }
        parseAndDeclare(text);
    }

    /**
     * The tree of a source without any syntax error, else null: {@link MofFastParser}'s, which builds the generated
     * parser's contexts with the grammar's labels only (the compiler reads nothing else).
     */
    static MofParser.MofSpecificationContext parseClean(String file, String text) {
        return MofFastParser.parse(file, text);
    }

    /**
     * The clean parse; if the source has a syntax error, the generated parser's (LL with error recovery, which
     * reports every error), then the declarations in order.
     */
    private void parseAndDeclare(String text) {
        int errorsBefore = errors;
        MofParser.MofSpecificationContext tree = parseClean(file, text);
        if (tree == null) {
            tree = parseReportingErrors(text);
        }
        boolean syntaxErrors = errors > errorsBefore;
        for (MofParser.MofProductionContext production : tree.productions) {
            if (syntaxErrors && failed(production)) {
                declarations.noteBroken(production);
                continue;
            }
            declarations.production(production);
        }
    }

    /** The generated parser with {@link MofErrorStrategy}: a full tree, so that {@link #failed} finds the broken rules. */
    private MofParser.MofSpecificationContext parseReportingErrors(String text) {
        MofParser parser = new MofParser(new CommonTokenStream(new MofScanner(text, file)));
        parser.removeErrorListeners();
        parser.getInterpreter().setPredictionMode(PredictionMode.LL);
        String syntaxFile = file;
        parser.setErrorHandler(new MofErrorStrategy((line, column, message) ->
                diagnostic(MofDiagnostic.Severity.ERROR, syntaxFile, line, column, message)));
        return parser.mofSpecification();
    }

    /** True if a rule inside {@code tree} failed (its content is partial). */
    private static boolean failed(ParseTree tree) {
        if (tree instanceof ParserRuleContext ctx) {
            if (ctx.exception != null) {
                return true;
            }
            for (int i = 0; i < ctx.getChildCount(); i++) {
                if (failed(ctx.getChild(i))) {
                    return true;
                }
            }
        }
        return false;
    }

    // ------------------------------------------------------------------ pragmas

    void pragma(MofParser.CompilerDirectiveContext c) {
        String name = c.pragmaName.getStart().getText().toLowerCase(Locale.ROOT);
        List<MofParser.LiteralContext> args = c.args;
        switch (name) {
            case "include": {
                String target = singleString(c, args, "#pragma include (\"file.mof\")");
                if (target != null) {
                    Token at = args.get(0).getStart();
                    Path resolved = resolveInclude(target);
                    if (resolved == null) {
                        error(at, "include file \"" + target + "\" not found (looked in "
                                + String.join(", ", searched(target)) + ")");
                    } else {
                        compileFile(resolved, at);
                    }
                }
                break;
            }
            case "namespace": {
                String target = singleString(c, args, "#pragma namespace (\"root/cimv2\")");
                if (target != null) {
                    try {
                        current = namespace(CimNamespace.of(target));
                    } catch (IllegalArgumentException e) {
                        error(args.get(0).getStart(), "malformed #pragma namespace: " + lower(e.getMessage()));
                    }
                }
                break;
            }
            case "locale":
            case "instancelocale":
                break;
            default:
                warning(c.pragmaName.getStart(), "unknown pragma '" + c.pragmaName.getStart().getText() + "' ignored");
        }
    }

    private String singleString(MofParser.CompilerDirectiveContext c, List<MofParser.LiteralContext> args, String example) {
        String pragma = "#pragma " + c.pragmaName.getStart().getText();
        if (args.size() != 1 || args.get(0).str == null) {
            error(args.isEmpty() ? c.pragmaName.getStart() : args.get(0).getStart(),
                    "malformed " + pragma + ": it takes one string, e.g. " + example);
            return null;
        }
        try {
            return (String) MofLiterals.literal(args.get(0)).value();
        } catch (MofFailure f) {
            report(f, null);
            return null;
        }
    }

    private Path resolveInclude(String name) {
        for (Path candidate : candidates(name)) {
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        return null;
    }

    private List<Path> candidates(String name) {
        List<Path> out = new ArrayList<>();
        Path p;
        try {
            p = (directory != null ? directory.getFileSystem() : FileSystems.getDefault()).getPath(name);
        } catch (InvalidPathException e) {
            return out;
        }
        if (p.isAbsolute()) {
            out.add(p);
            return out;
        }
        if (directory != null) {
            out.add(relativeToFile(name));
        }
        for (Path dir : compiler.includePath()) {
            out.add(dir.resolve(name));
        }
        return out;
    }

    /** The included file named as the including file is named (relative stays relative). */
    private Path relativeToFile(String name) {
        Path parent = filePath == null ? null : filePath.getParent();
        return parent != null && !includeStack.isEmpty() ? parent.resolve(name) : directory.resolve(name);
    }

    private List<String> searched(String name) {
        List<String> out = new ArrayList<>();
        for (Path p : candidates(name)) {
            Path parent = p.getParent();
            out.add(parent == null ? "." : parent.toString());
        }
        if (out.isEmpty()) {
            out.add("no directory: the source is not a file and there are no include directories");
        }
        return out;
    }

    // ------------------------------------------------------------------ namespaces and lookups

    Ns current() {
        return current;
    }

    private Ns namespace(CimNamespace name) {
        return namespaces.computeIfAbsent(name, Ns::new);
    }

    /** A qualifier type declared in the current namespace by the MOF, or by the context. */
    CimQualifierType qualifierType(CimName name) {
        CimQualifierType t = current.qualifierTypes.get(name);
        return t != null ? t : compiler.context().qualifierType(current.name, name);
    }

    /** A class declared in {@code ns} by the MOF, or by the context. */
    CimClass lookupClass(Ns ns, CimName name) {
        CimClass c = ns.classes.get(name);
        return c != null ? c : compiler.context().cimClass(ns.name, name);
    }

    // ------------------------------------------------------------------ diagnostics

    /** A message from elsewhere, to follow a colon: first letter in lower case (unless an acronym). */
    static String lower(String message) {
        if (message == null || message.length() < 2 || !Character.isUpperCase(message.charAt(0))
                || Character.isUpperCase(message.charAt(1))) {
            return message;
        }
        return Character.toLowerCase(message.charAt(0)) + message.substring(1);
    }

    String file() {
        return file;
    }

    /** {@code file:line:col} of a token, for "already declared at" messages. */
    String where(Token t) {
        return file + ":" + t.getLine() + ":" + (t.getCharPositionInLine() + 1);
    }

    void error(Token t, String message) {
        diagnostic(MofDiagnostic.Severity.ERROR, file, t.getLine(), t.getCharPositionInLine() + 1, message);
    }

    void error(String inFile, Token t, String message) {
        diagnostic(MofDiagnostic.Severity.ERROR, inFile, t.getLine(), t.getCharPositionInLine() + 1, message);
    }

    void warning(Token t, String message) {
        diagnostic(MofDiagnostic.Severity.WARNING, file, t.getLine(), t.getCharPositionInLine() + 1, message);
    }

    /** Reports a failure; {@code prefix} (may be null) says what was being compiled. A failure without message was reported already. */
    void report(MofFailure f, String prefix) {
        if (f.getMessage() == null) {
            return;
        }
        Token t = f.token();
        diagnostic(MofDiagnostic.Severity.ERROR, file, t.getLine(), t.getCharPositionInLine() + 1 + f.columnOffset(),
                prefix == null ? f.getMessage() : prefix + ": " + f.getMessage());
    }

    private void diagnostic(MofDiagnostic.Severity severity, String inFile, int line, int column, String message) {
        diagnostics.add(new MofDiagnostic(inFile, line, column, severity, message));
        if (severity == MofDiagnostic.Severity.ERROR && ++errors >= compiler.errorLimit()) {
            throw new LimitReached();
        }
    }
}
