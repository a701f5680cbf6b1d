package org.iscsismis.operation;

import java.util.List;
import java.util.Objects;
import org.iscsismis.cim.CimInstance;
import org.iscsismis.cim.CimName;
import org.iscsismis.cim.CimNamespace;

/**
 * DSP0200 ModifyInstance: Modifies an instance.
 *
 * <p>DSP0200 defaults (applied by {@link #builder}): IncludeQualifiers: true (deprecated); PropertyList: NULL (null = modify every property present in the instance).
 *
 * @param namespace the target namespace
 * @param modifiedInstance ModifiedInstance (required; a named instance: its path() is set)
 * @param includeQualifiers IncludeQualifiers: true (deprecated)
 * @param propertyList PropertyList: NULL (null = modify every property present in the instance)
 */
public record ModifyInstanceRequest(CimNamespace namespace, CimInstance modifiedInstance,
                                    boolean includeQualifiers, List<CimName> propertyList) implements CimRequest {

    /** The DSP0200 operation name. */
    public static final String NAME = "ModifyInstance";

    public ModifyInstanceRequest {
        Objects.requireNonNull(namespace, "namespace must not be null");
        Objects.requireNonNull(modifiedInstance, "ModifiedInstance must not be null");
        if (modifiedInstance.path() == null) {
            throw new IllegalArgumentException("ModifiedInstance must be a named instance (path set)");
        }
        propertyList = propertyList == null ? null : List.copyOf(propertyList);
    }

    @Override
    public String operationName() {
        return NAME;
    }

    /** A builder holding the DSP0200 defaults for every optional parameter. */
    public static Builder builder(CimNamespace namespace, CimInstance modifiedInstance) {
        return new Builder(namespace, modifiedInstance);
    }

    /** The request with every optional parameter at its DSP0200 default. */
    public static ModifyInstanceRequest of(CimNamespace namespace, CimInstance modifiedInstance) {
        return new Builder(namespace, modifiedInstance).build();
    }

    /** Builds a {@link ModifyInstanceRequest}; starts from the DSP0200 defaults. */
    public static final class Builder {
        private final CimNamespace namespace;
        private final CimInstance modifiedInstance;
        private boolean includeQualifiers = true;
        private List<CimName> propertyList = null;

        private Builder(CimNamespace namespace, CimInstance modifiedInstance) {
            this.namespace = namespace;
            this.modifiedInstance = modifiedInstance;
        }

        /** IncludeQualifiers: true (deprecated). */
        public Builder includeQualifiers(boolean value) {
            this.includeQualifiers = value;
            return this;
        }

        /** PropertyList: NULL (null = modify every property present in the instance). */
        public Builder propertyList(List<CimName> value) {
            this.propertyList = value;
            return this;
        }

        public ModifyInstanceRequest build() {
            return new ModifyInstanceRequest(namespace, modifiedInstance, includeQualifiers, propertyList);
        }
    }
}
