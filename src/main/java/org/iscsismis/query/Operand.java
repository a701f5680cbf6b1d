package org.iscsismis.query;

import java.util.List;
import java.util.Objects;
import org.iscsismis.cim.CimName;
import org.iscsismis.cim.CimValue;

/** One side of a comparison: a property (possibly inside embedded instances, possibly one array element) or a literal. */
public sealed interface Operand permits Operand.PropertyPath, Operand.Literal, Operand.ArrayElement {

    /**
     * A property of the instance, or of an instance embedded in it ({@code SourceInstance.JobState}); no
     * names at all stand for the instance itself (CQL's {@code FROM CIM_X AS x ... WHERE x ISA ...}).
     *
     * @param names the property names from the instance inward
     * @param index the array index of the last property ({@code Tags[2]}), or null
     */
    record PropertyPath(List<CimName> names, Integer index) implements Operand {

        public PropertyPath {
            names = List.copyOf(names);
            if (index != null && (index < 0 || names.isEmpty())) {
                throw new IllegalArgumentException("an index needs a property and must not be negative: " + index);
            }
        }

        /** The instance itself. */
        public static PropertyPath self() {
            return new PropertyPath(List.of(), null);
        }

        public static PropertyPath of(String... names) {
            return new PropertyPath(java.util.Arrays.stream(names).map(CimName::of).toList(), null);
        }

        public boolean isSelf() {
            return names.isEmpty();
        }

        /** The top-level property, or null for the instance itself. */
        public CimName first() {
            return names.isEmpty() ? null : names.get(0);
        }
    }

    /** A constant: string, integer (sint64, or uint64 beyond it), real64, boolean, datetime, reference, or an array of one kind. */
    record Literal(CimValue value) implements Operand {
        public Literal {
            Objects.requireNonNull(value, "value must not be null");
            if (value.isNull()) {
                throw new IllegalArgumentException("NULL is no literal: test it with IS NULL");
            }
        }
    }

    /** The array element an ANY/EVERY comparison looks at (DSP0212), one at a time. */
    record ArrayElement() implements Operand {
    }
}
