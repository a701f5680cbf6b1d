package org.iscsismis.mof;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;

/**
 * The offline check behind {@code mof check FILE...}: compiles the files in order as one
 * compilation and prints each diagnostic as {@code file:line:col: error: message}, then a
 * summary line.
 */
public final class MofCheck {

    /** Exit status: no errors (warnings allowed). */
    public static final int OK = 0;
    /** Exit status: at least one error. */
    public static final int ERRORS = 2;

    private MofCheck() {
    }

    /** Checks {@code files} with an empty schema context and the default settings. */
    public static int run(List<Path> files, Appendable out) {
        return run(MofCompiler.offline(), files, out);
    }

    /**
     * @param compiler the compiler (its context, include path and error limit apply)
     * @param files    the MOF files, compiled in order as one compilation
     * @param out      receives the diagnostics and the summary, one per line
     * @return {@link #OK} or {@link #ERRORS}
     */
    public static int run(MofCompiler compiler, List<Path> files, Appendable out) {
        // the result is only read for its diagnostics: sharing its equal values (which saves a kept schema's heap) would only cost
        MofCompilation result = compiler.withoutSharing().compile(files);
        try {
            for (MofDiagnostic d : result.diagnostics()) {
                out.append(d.format()).append(System.lineSeparator());
            }
            out.append(summary(result, files.size())).append(System.lineSeparator());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return result.hasErrors() ? ERRORS : OK;
    }

    static String summary(MofCompilation result, int files) {
        int classes = 0;
        int instances = 0;
        int qualifiers = 0;
        for (MofNamespace ns : result.namespaces()) {
            classes += ns.classes().size();
            instances += ns.instances().size();
            qualifiers += ns.qualifierTypes().size();
        }
        int errors = result.errors().size();
        int warnings = result.warnings().size();
        return plural(files, "file") + ": " + plural(qualifiers, "qualifier type") + ", " + plural(classes, "class")
                + ", " + plural(instances, "instance") + "; " + plural(errors, "error") + ", " + plural(warnings, "warning");
    }

    private static String plural(int n, String word) {
        return n + " " + (n == 1 ? word : word.endsWith("s") ? word + "es" : word + "s");
    }
}
