package org.iscsismis.operation;

import java.util.Objects;
import org.iscsismis.cim.CimName;
import org.iscsismis.cim.CimNamespace;

/**
 * DSP0200 EnumerateClassNames: Enumerates names of subclasses of a class (or of the root classes).
 *
 * <p>DSP0200 defaults (applied by {@link #builder}): ClassName: NULL (start at the root classes); DeepInheritance: false.
 *
 * @param namespace the target namespace
 * @param className ClassName: NULL (start at the root classes)
 * @param deepInheritance DeepInheritance: false
 */
public record EnumerateClassNamesRequest(CimNamespace namespace, CimName className, boolean deepInheritance) implements CimRequest {

    /** The DSP0200 operation name. */
    public static final String NAME = "EnumerateClassNames";

    public EnumerateClassNamesRequest {
        Objects.requireNonNull(namespace, "namespace must not be null");
    }

    @Override
    public String operationName() {
        return NAME;
    }

    /** A builder holding the DSP0200 defaults for every optional parameter. */
    public static Builder builder(CimNamespace namespace) {
        return new Builder(namespace);
    }

    /** The request with every optional parameter at its DSP0200 default. */
    public static EnumerateClassNamesRequest of(CimNamespace namespace) {
        return new Builder(namespace).build();
    }

    /** Builds a {@link EnumerateClassNamesRequest}; starts from the DSP0200 defaults. */
    public static final class Builder {
        private final CimNamespace namespace;
        private CimName className = null;
        private boolean deepInheritance = false;

        private Builder(CimNamespace namespace) {
            this.namespace = namespace;
        }

        /** ClassName: NULL (start at the root classes). */
        public Builder className(CimName value) {
            this.className = value;
            return this;
        }

        /** DeepInheritance: false. */
        public Builder deepInheritance(boolean value) {
            this.deepInheritance = value;
            return this;
        }

        public EnumerateClassNamesRequest build() {
            return new EnumerateClassNamesRequest(namespace, className, deepInheritance);
        }
    }
}
