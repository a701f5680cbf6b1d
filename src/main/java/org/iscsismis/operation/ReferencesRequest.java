package org.iscsismis.operation;

import java.util.List;
import java.util.Objects;
import org.iscsismis.cim.CimName;
import org.iscsismis.cim.CimNamespace;
import org.iscsismis.cim.ObjectPath;

/**
 * DSP0200 References: Returns the association objects that refer to an object.
 *
 * <p>DSP0200 defaults (applied by {@link #builder}): ResultClass: NULL (an association class); Role: NULL; IncludeQualifiers: false (deprecated); IncludeClassOrigin: false; PropertyList: NULL (null = all properties; empty = none).
 *
 * @param namespace the target namespace
 * @param objectName ObjectName (required; a class path or an instance path)
 * @param resultClass ResultClass: NULL (an association class)
 * @param role Role: NULL
 * @param includeQualifiers IncludeQualifiers: false (deprecated)
 * @param includeClassOrigin IncludeClassOrigin: false
 * @param propertyList PropertyList: NULL (null = all properties; empty = none)
 */
public record ReferencesRequest(CimNamespace namespace, ObjectPath objectName, CimName resultClass, CimName role,
                                boolean includeQualifiers, boolean includeClassOrigin, List<CimName> propertyList) implements CimRequest {

    /** The DSP0200 operation name. */
    public static final String NAME = "References";

    public ReferencesRequest {
        Objects.requireNonNull(namespace, "namespace must not be null");
        Objects.requireNonNull(objectName, "ObjectName must not be null");
        propertyList = propertyList == null ? null : List.copyOf(propertyList);
    }

    @Override
    public String operationName() {
        return NAME;
    }

    /** A builder holding the DSP0200 defaults for every optional parameter. */
    public static Builder builder(CimNamespace namespace, ObjectPath objectName) {
        return new Builder(namespace, objectName);
    }

    /** The request with every optional parameter at its DSP0200 default. */
    public static ReferencesRequest of(CimNamespace namespace, ObjectPath objectName) {
        return new Builder(namespace, objectName).build();
    }

    /** Builds a {@link ReferencesRequest}; starts from the DSP0200 defaults. */
    public static final class Builder {
        private final CimNamespace namespace;
        private final ObjectPath objectName;
        private CimName resultClass = null;
        private CimName role = null;
        private boolean includeQualifiers = false;
        private boolean includeClassOrigin = false;
        private List<CimName> propertyList = null;

        private Builder(CimNamespace namespace, ObjectPath objectName) {
            this.namespace = namespace;
            this.objectName = objectName;
        }

        /** ResultClass: NULL (an association class). */
        public Builder resultClass(CimName value) {
            this.resultClass = value;
            return this;
        }

        /** Role: NULL. */
        public Builder role(CimName value) {
            this.role = value;
            return this;
        }

        /** IncludeQualifiers: false (deprecated). */
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

        public ReferencesRequest build() {
            return new ReferencesRequest(namespace, objectName, resultClass, role, includeQualifiers, includeClassOrigin, propertyList);
        }
    }
}
