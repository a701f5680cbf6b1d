package org.iscsismis.query;

/** The comparison operators of the three languages ({@code !=} is read as {@code <>}). */
public enum ComparisonOperator {
    EQ("="), NE("<>"), LT("<"), LE("<="), GT(">"), GE(">=");

    private final String symbol;

    ComparisonOperator(String symbol) {
        this.symbol = symbol;
    }

    public String symbol() {
        return symbol;
    }

    /** True for {@code < <= > >=}, which need ordered values. */
    public boolean isOrdering() {
        return this != EQ && this != NE;
    }

    /** The operator with its operands swapped ({@code 5 < x} is {@code x > 5}). */
    public ComparisonOperator swapped() {
        return switch (this) {
            case LT -> GT;
            case LE -> GE;
            case GT -> LT;
            case GE -> LE;
            default -> this;
        };
    }

    /** Whether a comparison result ({@code Integer.compare} style) satisfies the operator. */
    boolean test(int comparison) {
        return switch (this) {
            case EQ -> comparison == 0;
            case NE -> comparison != 0;
            case LT -> comparison < 0;
            case LE -> comparison <= 0;
            case GT -> comparison > 0;
            case GE -> comparison >= 0;
        };
    }

    static ComparisonOperator ofSymbol(String s) {
        if (s.equals("!=")) {
            return NE;
        }
        for (ComparisonOperator o : values()) {
            if (o.symbol.equals(s)) {
                return o;
            }
        }
        throw new IllegalArgumentException("not a comparison operator: " + s);
    }
}
