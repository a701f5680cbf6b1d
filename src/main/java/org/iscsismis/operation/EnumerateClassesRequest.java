package org.iscsismis.operation;

import java.util.Objects;
import org.iscsismis.cim.CimName;
import org.iscsismis.cim.CimNamespace;

/**
 * DSP0200 EnumerateClasses: Enumerates subclasses of a class (or the root classes).
 *
 * <p>DSP0200 defaults (applied by {@link #builder}): ClassName: NULL (start at the root classes); DeepInheritance: false; LocalOnly: true; IncludeQualifiers: true; IncludeClassOrigin: false.
 *
 * @param namespace the target namespace
 * @param className ClassName: NULL (start at the root classes)
 * @param deepInheritance DeepInheritance: false
 * @param localOnly LocalOnly: true
 * @param includeQualifiers IncludeQualifiers: true
 * @param includeClassOrigin IncludeClassOrigin: false
 */
public record EnumerateClassesRequest(CimNamespace namespace, CimName className, boolean deepInheritance,
                                      boolean localOnly, boolean includeQualifiers, boolean includeClassOrigin) implements CimRequest {

    /** The DSP0200 operation name. */
    public static final String NAME = "EnumerateClasses";

    public EnumerateClassesRequest {
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
    public static EnumerateClassesRequest of(CimNamespace namespace) {
        return new Builder(namespace).build();
    }

    /** Builds a {@link EnumerateClassesRequest}; starts from the DSP0200 defaults. */
    public static final class Builder {
        private final CimNamespace namespace;
        private CimName className = null;
        private boolean deepInheritance = false;
        private boolean localOnly = true;
        private boolean includeQualifiers = true;
        private boolean includeClassOrigin = false;

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

        /** LocalOnly: true. */
        public Builder localOnly(boolean value) {
            this.localOnly = value;
            return this;
        }

        /** IncludeQualifiers: true. */
        public Builder includeQualifiers(boolean value) {
            this.includeQualifiers = value;
            return this;
        }

        /** IncludeClassOrigin: false. */
        public Builder includeClassOrigin(boolean value) {
            this.includeClassOrigin = value;
            return this;
        }

        public EnumerateClassesRequest build() {
            return new EnumerateClassesRequest(namespace, className, deepInheritance, localOnly, includeQualifiers, includeClassOrigin);
        }
    }
}
