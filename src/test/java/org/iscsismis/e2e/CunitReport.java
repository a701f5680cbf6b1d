package org.iscsismis.e2e;

import java.util.ArrayList;
import java.util.List;

/**
 * What one run of libiscsi's {@code iscsi-test-cu} said about each test. CUnit prints {@code Test: NAME ...} before a
 * test and a line starting with {@code passed} or {@code FAILED} after it; the tool's own log lines between them are
 * indented. A test that passed but logged {@code [SKIPPED]} is a skip (CUnit counts a skip as a pass).
 */
final class CunitReport {

    /** The verdict of one test. */
    enum Verdict { PASS, FAIL, SKIP }

    record Result(String test, Verdict verdict) {
    }

    private CunitReport() {
    }

    static List<Result> parse(String output) {
        List<Result> results = new ArrayList<>();
        String name = null;
        StringBuilder log = new StringBuilder();
        Verdict verdict = null;
        for (String line : output.split("\n", -1)) {
            if (line.startsWith("  Test: ")) {
                add(results, name, verdict, log);
                String rest = line.substring("  Test: ".length());
                int dots = rest.indexOf(" ...");
                name = dots >= 0 ? rest.substring(0, dots) : rest.trim();
                String after = dots >= 0 ? rest.substring(dots + 4) : "";
                log.setLength(0);
                verdict = after.startsWith("passed") ? Verdict.PASS : after.startsWith("FAILED") ? Verdict.FAIL : null;
                log.append(after).append('\n');
            } else if (line.startsWith("Run Summary:")) {
                add(results, name, verdict, log);
                name = null;
            } else if (name != null && verdict == null) {
                if (line.startsWith("passed")) {
                    verdict = log.indexOf("[SKIPPED]") >= 0 ? Verdict.SKIP : Verdict.PASS;
                } else if (line.startsWith("FAILED")) {
                    verdict = Verdict.FAIL;
                } else {
                    log.append(line).append('\n');
                }
            }
        }
        add(results, name, verdict, log);
        return results;
    }

    private static void add(List<Result> results, String name, Verdict verdict, StringBuilder log) {
        if (name != null) {
            results.add(new Result(name, verdict == null ? Verdict.FAIL : verdict));
        }
    }
}
