package org.iscsismis.server;

import static org.iscsismis.server.ConfigKeys.*;

import java.nio.file.Path;
import java.util.Optional;
import org.iscsismis.cim.CimNamespace;

/**
 * What the server's model is built from at start-up: the schema, the interop namespace's other name, and the optional
 * content (the demo target, the fault injection service).
 *
 * @param mofDirectory schema.mofDir, or null for the schema packaged with the server
 * @param interopAlias interop.alias, or null
 * @param demoEnabled  demo.enabled: the demo pool, disks and pairs are created at start-up
 * @param faultsEnabled faults.enabled: ISMIS_FaultInjectionService is defined and served
 */
public record ModelSettings(Path mofDirectory, CimNamespace interopAlias, boolean demoEnabled, boolean faultsEnabled) {

    static ModelSettings read(ConfigValues v) {
        boolean demo = v.bool(DEMO_ENABLED);
        boolean faults = v.bool(FAULTS_ENABLED);
        return new ModelSettings(v.optionalPath(SCHEMA_MOF_DIR), v.namespaceOrNull(INTEROP_ALIAS), demo, faults);
    }

    public Optional<CimNamespace> interopAliasIfAny() {
        return Optional.ofNullable(interopAlias);
    }
}
