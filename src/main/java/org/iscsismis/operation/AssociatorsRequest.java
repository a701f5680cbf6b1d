package org.iscsismis.operation;

import java.util.List;
import java.util.Objects;
import org.iscsismis.cim.CimName;
import org.iscsismis.cim.CimNamespace;
import org.iscsismis.cim.ObjectPath;

/**
 * DSP0200 Associators: Returns the objects associated with an object.
 *
 * <p>DSP0200 defaults (applied by {@link #builder}): AssocClass: NULL; ResultClass: NULL; Role: NULL; ResultRole: NULL; IncludeQualifiers: false (deprecated); IncludeClassOrigin: false; PropertyList: NULL (null = all properties; empty = none).
 *
 * @param namespace the target namespace
 * @param objectName ObjectName (required; a class path or an instance path)
 * @param assocClass AssocClass: NULL
 * @param resultClass ResultClass: NULL
 * @param role Role: NULL
 * @param resultRole ResultRole: NULL
 * @param includeQualifiers IncludeQualifiers: false (deprecated)
 * @param includeClassOrigin IncludeClassOrigin: false
 * @param propertyList PropertyList: NULL (null = all properties; empty = none)
 */
public record AssociatorsRequest(CimNamespace namespace, ObjectPath objectName, CimName assocClass,
                                 CimName resultClass, CimName role, CimName resultRole, boolean includeQualifiers,
                                 boolean includeClassOrigin, List<CimName> propertyList) implements CimRequest {

    /** The DSP0200 operation name. */
    public static final String NAME = "Associators";

    public AssociatorsRequest {
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
    public static AssociatorsRequest of(CimNamespace namespace, ObjectPath objectName) {
        return new Builder(namespace, objectName).build();
    }

    /** Builds a {@link AssociatorsRequest}; starts from the DSP0200 defaults. */
    public static final class Builder {
        private final CimNamespace namespace;
        private final ObjectPath objectName;
        private CimName assocClass = null;
        private CimName resultClass = null;
        private CimName role = null;
        private CimName resultRole = null;
        private boolean includeQualifiers = false;
        private boolean includeClassOrigin = false;
        private List<CimName> propertyList = null;

        private Builder(CimNamespace namespace, ObjectPath objectName) {
            this.namespace = namespace;
            this.objectName = objectName;
        }

        /** AssocClass: NULL. */
        public Builder assocClass(CimName value) {
            this.assocClass = value;
            return this;
        }

        /** ResultClass: NULL. */
        public Builder resultClass(CimName value) {
            this.resultClass = value;
            return this;
        }

        /** Role: NULL. */
        public Builder role(CimName value) {
            this.role = value;
            return this;
        }

        /** ResultRole: NULL. */
        public Builder resultRole(CimName value) {
            this.resultRole = value;
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

        public AssociatorsRequest build() {
            return new AssociatorsRequest(namespace, objectName, assocClass, resultClass, role, resultRole, includeQualifiers, includeClassOrigin, propertyList);
        }
    }
}
