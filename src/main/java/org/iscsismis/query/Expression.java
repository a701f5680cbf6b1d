package org.iscsismis.query;

import java.util.List;
import java.util.Objects;
import org.iscsismis.cim.CimName;
import org.iscsismis.query.Operand.PropertyPath;

/** A WHERE condition (WQL, CQL) or a filter (FQL): one syntax tree for the three languages. */
public sealed interface Expression permits Expression.And, Expression.Or, Expression.Not, Expression.Comparison,
        Expression.NullTest, Expression.Isa, Expression.Like, Expression.Quantified {

    /** All operands hold (at least two). */
    record And(List<Expression> operands) implements Expression {
        public And {
            operands = List.copyOf(operands);
        }
    }

    /** One operand holds (at least two). */
    record Or(List<Expression> operands) implements Expression {
        public Or {
            operands = List.copyOf(operands);
        }
    }

    record Not(Expression operand) implements Expression {
        public Not {
            Objects.requireNonNull(operand, "operand must not be null");
        }
    }

    /** {@code left op right}; an operand NULL makes it UNKNOWN. */
    record Comparison(Operand left, ComparisonOperator op, Operand right) implements Expression {
        public Comparison {
            Objects.requireNonNull(left, "left must not be null");
            Objects.requireNonNull(op, "op must not be null");
            Objects.requireNonNull(right, "right must not be null");
        }
    }

    /** {@code path IS NULL} ({@code isNull}) or {@code path IS NOT NULL}; FQL writes {@code path = NULL} / {@code <> NULL}. */
    record NullTest(PropertyPath path, boolean isNull) implements Expression {
    }

    /** {@code path ISA className}: the (embedded) instance is of the class or a subclass. */
    record Isa(PropertyPath path, CimName className) implements Expression {
    }

    /** {@code subject LIKE pattern}, the pattern read by the language's rules ({@link LikePattern}). */
    record Like(Operand subject, LikePattern pattern) implements Expression {
    }

    /**
     * DSP0212's {@code ANY array op value} / {@code EVERY array LIKE pattern}: {@code element} is a
     * comparison or LIKE whose subject is {@link Operand.ArrayElement}, tested for each element.
     */
    record Quantified(Quantifier quantifier, PropertyPath array, Expression element) implements Expression {
    }

    enum Quantifier { ANY, EVERY }
}
