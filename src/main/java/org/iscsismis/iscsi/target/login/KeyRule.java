package org.iscsismis.iscsi.target.login;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * How one login key of RFC 7143 §13 is negotiated, and this target's own value for it. One row of
 * {@link OperationalKeys#TABLE}; {@link #answer} is the key's result function.
 *
 * @param ours       our value: the list we support (LIST), our boolean (AND/OR), our number (MIN/MAX/DECLARATIVE)
 * @param min        smallest acceptable offer (numbers)
 * @param max        largest acceptable offer (numbers)
 * @param normalOnly Irrelevant in a discovery session
 */
public record KeyRule(String name, Kind kind, String ours, long min, long max, boolean normalOnly) {

    /** The result functions of RFC 7143 §6.2 (and what the target does with obsolete keys). */
    public enum Kind {
        /** The first value of the offered list that we support. */
        LIST,
        /** Boolean, result is the AND of both values. */
        AND,
        /** Boolean, result is the OR of both values. */
        OR,
        /** Numerical, result is the smaller value. */
        MIN,
        /** Numerical, result is the larger value. */
        MAX,
        /** Each side states its own value; we answer with ours. */
        DECLARATIVE,
        /** RFC 3720 markers: answered No whatever is offered. */
        OBSOLETE_NO,
        /** RFC 3720 marker intervals: answered Irrelevant. */
        OBSOLETE_IRRELEVANT
    }

    public static final String REJECT = "Reject";
    public static final String IRRELEVANT = "Irrelevant";
    public static final String NOT_UNDERSTOOD = "NotUnderstood";

    /**
     * Our answer to {@code offered}, or {@link Optional#empty()} if the offer is malformed or out of range (the
     * caller answers {@value #REJECT}).
     */
    public Optional<String> answer(String offered) {
        return switch (kind) {
            case LIST -> firstSupported(offered);
            case AND -> bool(offered).map(b -> yesNo(b && yes(ours)));
            case OR -> bool(offered).map(b -> yesNo(b || yes(ours)));
            case MIN -> number(offered).map(n -> Long.toString(Math.min(n, Long.parseLong(ours))));
            case MAX -> number(offered).map(n -> Long.toString(Math.max(n, Long.parseLong(ours))));
            case DECLARATIVE -> number(offered).map(n -> ours);
            case OBSOLETE_NO -> Optional.of("No");
            case OBSOLETE_IRRELEVANT -> Optional.of(IRRELEVANT);
        };
    }

    /** The negotiated value as both sides will use it, given our answer (declarative keys: the initiator's). */
    public String result(String offered, String answer) {
        return kind == Kind.DECLARATIVE ? offered : answer;
    }

    private Optional<String> firstSupported(String offered) {
        List<String> supported = Arrays.asList(ours.split(","));
        for (String value : offered.split(",")) {
            if (supported.contains(value)) {
                return Optional.of(value);
            }
        }
        return Optional.of(REJECT);
    }

    private Optional<Long> number(String offered) {
        try {
            long n = Long.parseLong(offered);
            return n >= min && n <= max ? Optional.of(n) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static Optional<Boolean> bool(String offered) {
        return switch (offered) {
            case "Yes" -> Optional.of(true);
            case "No" -> Optional.of(false);
            default -> Optional.empty();
        };
    }

    static boolean yes(String value) {
        return "Yes".equals(value);
    }

    private static String yesNo(boolean b) {
        return b ? "Yes" : "No";
    }
}
