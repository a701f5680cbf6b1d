package org.iscsismis.operation;

import java.util.Objects;
import org.iscsismis.cim.CimName;
import org.iscsismis.cim.CimNamespace;
import org.iscsismis.cim.ObjectPath;

/**
 * DSP0200 ReferenceNames: Returns the paths of the association objects that refer to an object.
 *
 * <p>DSP0200 defaults (applied by {@link #builder}): ResultClass: NULL (an association class); Role: NULL.
 *
 * @param namespace the target namespace
 * @param objectName ObjectName (required; a class path or an instance path)
 * @param resultClass ResultClass: NULL (an association class)
 * @param role Role: NULL
 */
public record ReferenceNamesRequest(CimNamespace namespace, ObjectPath objectName, CimName resultClass,
                                    CimName role) implements CimRequest {

    /** The DSP0200 operation name. */
    public static final String NAME = "ReferenceNames";

    public ReferenceNamesRequest {
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
    public static ReferenceNamesRequest of(CimNamespace namespace, ObjectPath objectName) {
        return new Builder(namespace, objectName).build();
    }

    /** Builds a {@link ReferenceNamesRequest}; starts from the DSP0200 defaults. */
    public static final class Builder {
        private final CimNamespace namespace;
        private final ObjectPath objectName;
        private CimName resultClass = null;
        private CimName role = null;

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

        public ReferenceNamesRequest build() {
            return new ReferenceNamesRequest(namespace, objectName, resultClass, role);
        }
    }
}
