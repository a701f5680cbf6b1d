package org.iscsismis.mof;

import java.util.Objects;

/**
 * One error or warning of a MOF compilation, at the exact position of the offending token.
 *
 * @param file     the source name (the path as given, or the name passed to {@code compile(name, text)})
 * @param line     1-based line
 * @param column   1-based column (in UTF-16 units; a tab counts as one)
 * @param severity error or warning
 * @param message  a sentence a person understands, naming the element concerned
 */
public record MofDiagnostic(String file, int line, int column, Severity severity, String message) {

    /** How bad a diagnostic is: an error makes the compilation unusable, a warning does not. */
    public enum Severity {
        ERROR, WARNING;

        /** {@code error} or {@code warning}, as printed. */
        public String label() {
            return this == ERROR ? "error" : "warning";
        }
    }

    public MofDiagnostic {
        Objects.requireNonNull(file, "file must not be null");
        Objects.requireNonNull(severity, "severity must not be null");
        Objects.requireNonNull(message, "message must not be null");
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }

    /** The compiler-style line: {@code file:line:col: error: message}. */
    public String format() {
        return file + ":" + line + ":" + column + ": " + severity.label() + ": " + message;
    }

    @Override
    public String toString() {
        return format();
    }
}
