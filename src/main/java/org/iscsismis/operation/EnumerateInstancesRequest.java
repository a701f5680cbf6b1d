package org.iscsismis.operation;

import java.util.List;
import java.util.Objects;
import org.iscsismis.cim.CimName;
import org.iscsismis.cim.CimNamespace;

/**
 * DSP0200 EnumerateInstances: Enumerates the instances of a class and its subclasses.
 *
 * <p>DSP0200 defaults (applied by {@link #builder}): LocalOnly: true (deprecated); DeepInheritance: true; IncludeQualifiers: false (deprecated); IncludeClassOrigin: false (deprecated); PropertyList: NULL (null = all properties; empty = none).
 *
 * @param namespace the target namespace
 * @param className ClassName (required)
 * @param localOnly LocalOnly: true (deprecated)
 * @param deepInheritance DeepInheritance: true
 * @param includeQualifiers IncludeQualifiers: false (deprecated)
 * @param includeClassOrigin IncludeClassOrigin: false (deprecated)
 * @param propertyList PropertyList: NULL (null = all properties; empty = none)
 */
public record EnumerateInstancesRequest(CimNamespace namespace, CimName className, boolean localOnly,
                                        boolean deepInheritance, boolean includeQualifiers,
                                        boolean includeClassOrigin, List<CimName> propertyList) implements CimRequest {

    /** The DSP0200 operation name. */
    public static final String NAME = "EnumerateInstances";

    public EnumerateInstancesRequest {
        Objects.requireNonNull(namespace, "namespace must not be null");
        Objects.requireNonNull(className, "ClassName must not be null");
        propertyList = propertyList == null ? null : List.copyOf(propertyList);
    }

    @Override
    public String operationName() {
        return NAME;
    }

    /** A builder holding the DSP0200 defaults for every optional parameter. */
    public static Builder builder(CimNamespace namespace, CimName className) {
        return new Builder(namespace, className);
    }

    /** The request with every optional parameter at its DSP0200 default. */
    public static EnumerateInstancesRequest of(CimNamespace namespace, CimName className) {
        return new Builder(namespace, className).build();
    }

    /** Builds a {@link EnumerateInstancesRequest}; starts from the DSP0200 defaults. */
    public static final class Builder {
        private final CimNamespace namespace;
        private final CimName className;
        private boolean localOnly = true;
        private boolean deepInheritance = true;
        private boolean includeQualifiers = false;
        private boolean includeClassOrigin = false;
        private List<CimName> propertyList = null;

        private Builder(CimNamespace namespace, CimName className) {
            this.namespace = namespace;
            this.className = className;
        }

        /** LocalOnly: true (deprecated). */
        public Builder localOnly(boolean value) {
            this.localOnly = value;
            return this;
        }

        /** DeepInheritance: true. */
        public Builder deepInheritance(boolean value) {
            this.deepInheritance = value;
            return this;
        }

        /** IncludeQualifiers: false (deprecated). */
        public Builder includeQualifiers(boolean value) {
            this.includeQualifiers = value;
            return this;
        }

        /** IncludeClassOrigin: false (deprecated). */
        public Builder includeClassOrigin(boolean value) {
            this.includeClassOrigin = value;
            return this;
        }

        /** PropertyList: NULL (null = all properties; empty = none). */
        public Builder propertyList(List<CimName> value) {
            this.propertyList = value;
            return this;
        }

        public EnumerateInstancesRequest build() {
            return new EnumerateInstancesRequest(namespace, className, localOnly, deepInheritance, includeQualifiers, includeClassOrigin, propertyList);
        }
    }
}
