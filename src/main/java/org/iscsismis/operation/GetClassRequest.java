package org.iscsismis.operation;

import java.util.List;
import java.util.Objects;
import org.iscsismis.cim.CimName;
import org.iscsismis.cim.CimNamespace;

/**
 * DSP0200 GetClass: Returns one class.
 *
 * <p>DSP0200 defaults (applied by {@link #builder}): LocalOnly: true; IncludeQualifiers: true; IncludeClassOrigin: false; PropertyList: NULL (null = all properties; empty = none).
 *
 * @param namespace the target namespace
 * @param className ClassName (required)
 * @param localOnly LocalOnly: true
 * @param includeQualifiers IncludeQualifiers: true
 * @param includeClassOrigin IncludeClassOrigin: false
 * @param propertyList PropertyList: NULL (null = all properties; empty = none)
 */
public record GetClassRequest(CimNamespace namespace, CimName className, boolean localOnly,
                              boolean includeQualifiers, boolean includeClassOrigin, List<CimName> propertyList) implements CimRequest {

    /** The DSP0200 operation name. */
    public static final String NAME = "GetClass";

    public GetClassRequest {
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
    public static GetClassRequest of(CimNamespace namespace, CimName className) {
        return new Builder(namespace, className).build();
    }

    /** Builds a {@link GetClassRequest}; starts from the DSP0200 defaults. */
    public static final class Builder {
        private final CimNamespace namespace;
        private final CimName className;
        private boolean localOnly = true;
        private boolean includeQualifiers = true;
        private boolean includeClassOrigin = false;
        private List<CimName> propertyList = null;

        private Builder(CimNamespace namespace, CimName className) {
            this.namespace = namespace;
            this.className = className;
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

        /** PropertyList: NULL (null = all properties; empty = none). */
        public Builder propertyList(List<CimName> value) {
            this.propertyList = value;
            return this;
        }

        public GetClassRequest build() {
            return new GetClassRequest(namespace, className, localOnly, includeQualifiers, includeClassOrigin, propertyList);
        }
    }
}
