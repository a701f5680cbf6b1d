package org.iscsismis.operation;

import java.util.Objects;
import org.iscsismis.cim.CimName;
import org.iscsismis.cim.CimNamespace;
import org.iscsismis.cim.CimValue;
import org.iscsismis.cim.ObjectPath;

/**
 * DSP0200 SetProperty: Sets one property value.
 *
 * <p>DSP0200 defaults (applied by {@link #builder}): NewValue: NULL (null = NULL of the property's type).
 *
 * @param namespace the target namespace
 * @param instanceName InstanceName (required)
 * @param propertyName PropertyName (required)
 * @param newValue NewValue: NULL (null = NULL of the property's type)
 */
public record SetPropertyRequest(CimNamespace namespace, ObjectPath instanceName, CimName propertyName,
                                 CimValue newValue) implements CimRequest {

    /** The DSP0200 operation name. */
    public static final String NAME = "SetProperty";

    public SetPropertyRequest {
        Objects.requireNonNull(namespace, "namespace must not be null");
        Objects.requireNonNull(instanceName, "InstanceName must not be null");
        Objects.requireNonNull(propertyName, "PropertyName must not be null");
    }

    @Override
    public String operationName() {
        return NAME;
    }

    /** A builder holding the DSP0200 defaults for every optional parameter. */
    public static Builder builder(CimNamespace namespace, ObjectPath instanceName, CimName propertyName) {
        return new Builder(namespace, instanceName, propertyName);
    }

    /** The request with every optional parameter at its DSP0200 default. */
    public static SetPropertyRequest of(CimNamespace namespace, ObjectPath instanceName, CimName propertyName) {
        return new Builder(namespace, instanceName, propertyName).build();
    }

    /** Builds a {@link SetPropertyRequest}; starts from the DSP0200 defaults. */
    public static final class Builder {
        private final CimNamespace namespace;
        private final ObjectPath instanceName;
        private final CimName propertyName;
        private CimValue newValue = null;

        private Builder(CimNamespace namespace, ObjectPath instanceName, CimName propertyName) {
            this.namespace = namespace;
            this.instanceName = instanceName;
            this.propertyName = propertyName;
        }

        /** NewValue: NULL (null = NULL of the property's type). */
        public Builder newValue(CimValue value) {
            this.newValue = value;
            return this;
        }

        public SetPropertyRequest build() {
            return new SetPropertyRequest(namespace, instanceName, propertyName, newValue);
        }
    }
}
