package org.iscsismis.e2e;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Runs the {@code wbemcli} program (Debian package sblim-wbemcli) as a subprocess. */
final class Wbemcli {

    /** What one run printed and how it ended. */
    record Result(int exitCode, String out, String err) {
        @Override
        public String toString() {
            return "exit " + exitCode + "\n--- stdout\n" + out + "\n--- stderr\n" + err;
        }
    }

    private Wbemcli() {
    }

    static boolean installed() {
        return Subprocess.available("wbemcli", "-v");
    }

    static Result run(String... args) {
        List<String> command = new ArrayList<>();
        command.add("wbemcli");
        command.addAll(List.of(args));
        Subprocess.Result r = Subprocess.run(command, Duration.ofSeconds(60));
        return new Result(r.exitCode(), r.out(), r.err());
    }
}
