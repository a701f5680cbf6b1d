package org.iscsismis.operation;

import java.util.Objects;
import org.iscsismis.cim.CimName;
import org.iscsismis.cim.CimNamespace;
import org.iscsismis.cim.ObjectPath;

/**
 * DSP0200 AssociatorNames: Returns the paths of the objects associated with an object.
 *
 * <p>DSP0200 defaults (applied by {@link #builder}): AssocClass: NULL; ResultClass: NULL; Role: NULL; ResultRole: NULL.
 *
 * @param namespace the target namespace
 * @param objectName ObjectName (required; a class path or an instance path)
 * @param assocClass AssocClass: NULL
 * @param resultClass ResultClass: NULL
 * @param role Role: NULL
 * @param resultRole ResultRole: NULL
 */
public record AssociatorNamesRequest(CimNamespace namespace, ObjectPath objectName, CimName assocClass,
                                     CimName resultClass, CimName role, CimName resultRole) implements CimRequest {

    /** The DSP0200 operation name. */
    public static final String NAME = "AssociatorNames";

    public AssociatorNamesRequest {
        Objects.requireNonNull(namespace, "namespace must not be null");
        Objects.requireNonNull(objectName, "ObjectName must not be null");
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
    public static AssociatorNamesRequest of(CimNamespace namespace, ObjectPath objectName) {
        return new Builder(namespace, objectName).build();
    }

    /** Builds a {@link AssociatorNamesRequest}; starts from the DSP0200 defaults. */
    public static final class Builder {
        private final CimNamespace namespace;
        private final ObjectPath objectName;
        private CimName assocClass = null;
        private CimName resultClass = null;
        private CimName role = null;
        private CimName resultRole = null;

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

        public AssociatorNamesRequest build() {
            return new AssociatorNamesRequest(namespace, objectName, assocClass, resultClass, role, resultRole);
        }
    }
}
