package org.iscsismis.operation;

import java.util.List;
import java.util.Objects;
import org.iscsismis.cim.CimName;
import org.iscsismis.cim.CimNamespace;
import org.iscsismis.cim.ObjectPath;

/**
 * DSP0200 GetInstance: Returns one instance.
 *
 * <p>DSP0200 defaults (applied by {@link #builder}): LocalOnly: true (deprecated); IncludeQualifiers: false (deprecated); IncludeClassOrigin: false; PropertyList: NULL (null = all properties; empty = none).
 *
 * @param namespace the target namespace
 * @param instanceName InstanceName (required)
 * @param localOnly LocalOnly: true (deprecated)
 * @param includeQualifiers IncludeQualifiers: false (deprecated)
 * @param includeClassOrigin IncludeClassOrigin: false
 * @param propertyList PropertyList: NULL (null = all properties; empty = none)
 */
public record GetInstanceRequest(CimNamespace namespace, ObjectPath instanceName, boolean localOnly,
                                 boolean includeQualifiers, boolean includeClassOrigin, List<CimName> propertyList) implements CimRequest {

    /** The DSP0200 operation name. */
    public static final String NAME = "GetInstance";

    public GetInstanceRequest {
        Objects.requireNonNull(namespace, "namespace must not be null");
        Objects.requireNonNull(instanceName, "InstanceName must not be null");
        propertyList = propertyList == null ? null : List.copyOf(propertyList);
    }

    @Override
    public String operationName() {
        return NAME;
    }

    /** A builder holding the DSP0200 defaults for every optional parameter. */
    public static Builder builder(CimNamespace namespace, ObjectPath instanceName) {
        return new Builder(namespace, instanceName);
    }

    /** The request with every optional parameter at its DSP0200 default. */
    public static GetInstanceRequest of(CimNamespace namespace, ObjectPath instanceName) {
        return new Builder(namespace, instanceName).build();
    }

    /** Builds a {@link GetInstanceRequest}; starts from the DSP0200 defaults. */
    public static final class Builder {
        private final CimNamespace namespace;
        private final ObjectPath instanceName;
        private boolean localOnly = true;
        private boolean includeQualifiers = false;
        private boolean includeClassOrigin = false;
        private List<CimName> propertyList = null;

        private Builder(CimNamespace namespace, ObjectPath instanceName) {
            this.namespace = namespace;
            this.instanceName = instanceName;
        }

        /** LocalOnly: true (deprecated). */
        public Builder localOnly(boolean value) {
            this.localOnly = value;
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

        public GetInstanceRequest build() {
            return new GetInstanceRequest(namespace, instanceName, localOnly, includeQualifiers, includeClassOrigin, propertyList);
        }
    }
}
