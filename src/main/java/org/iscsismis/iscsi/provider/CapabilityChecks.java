package org.iscsismis.iscsi.provider;

import org.iscsismis.replication.CopyRecoveryMode;
import org.iscsismis.replication.Mode;
import org.iscsismis.replication.SyncType;

/**
 * A client's SyncType, Mode and CopyRecoveryMode codes checked against {@link ReplicationCapabilities}, before anything
 * is changed: a value the service runs becomes the engine's; a value the spec's value map defines but the service
 * does not run (an asynchronous snapshot, an adaptive mirror, a tokenized clone, an automatically recovering
 * snapshot) is refused with 1 (Not Supported); any other value with 5 (Invalid Parameter). NULL, and the value maps'
 * "implementation decides", get the capabilities' default.
 */
final class CapabilityChecks {

    /** SyncType 9 TokenizedClone: in the value maps of the replication methods, never run here. */
    private static final int TOKENIZED_CLONE = 9;
    /** Mode 4 Adaptive: in the value maps of the replication methods, never run here. */
    private static final int ADAPTIVE = 4;
    /** CopyRecoveryMode 0 Unknown and 4 Implementation decides. */
    private static final int RECOVERY_UNKNOWN = 0;
    private static final int RECOVERY_IMPLEMENTATION_DECIDES = 4;

    private final ReplicationCapabilities capabilities;

    CapabilityChecks(ReplicationCapabilities capabilities) {
        this.capabilities = capabilities;
    }

    ReplicationCapabilities capabilities() {
        return capabilities;
    }

    SyncType syncType(int code) {
        for (SyncType t : SyncType.values()) {
            if (t.code() == code) {
                return t;
            }
        }
        if (code == TOKENIZED_CLONE) {
            throw MethodRefusal.notSupported("SyncType 9 (TokenizedClone) is not supported: the service makes mirrors (6), snapshots (7) and clones (8)");
        }
        throw MethodRefusal.invalid("SyncType " + code + " is not one of 6 (Mirror), 7 (Snapshot), 8 (Clone), 9 (TokenizedClone)");
    }

    /** The Mode a pair of {@code type} gets for the client's {@code code} (null: the default). */
    Mode mode(SyncType type, Integer code) {
        if (code == null) {
            return capabilities.defaultMode(type);
        }
        for (Mode m : capabilities.modes(type)) {
            if (m.code() == code) {
                return m;
            }
        }
        if (code == Mode.SYNCHRONOUS.code() || code == Mode.ASYNCHRONOUS.code() || code == ADAPTIVE) {
            throw MethodRefusal.notSupported("Mode " + code + " is not supported for a " + type.displayName() + ": it runs "
                    + capabilities.modes(type).stream().map(m -> m.code() + " (" + m.displayName() + ")").toList());
        }
        throw MethodRefusal.invalid("Mode " + code + " is not one of 2 (Synchronous), 3 (Asynchronous), 4 (Adaptive)");
    }

    /** The CopyRecoveryMode a pair of {@code type} gets for the client's {@code code} (null, 0 or 4: the default). */
    CopyRecoveryMode recovery(SyncType type, Integer code) {
        if (code == null || code == RECOVERY_UNKNOWN || code == RECOVERY_IMPLEMENTATION_DECIDES) {
            return capabilities.defaultRecovery(type);
        }
        for (CopyRecoveryMode m : capabilities.recoveryModes(type)) {
            if (m.code() == code) {
                return m;
            }
        }
        if (code == CopyRecoveryMode.AUTOMATIC.code() || code == CopyRecoveryMode.MANUAL.code()) {
            throw MethodRefusal.notSupported("CopyRecoveryMode " + code + " is not supported for a " + type.displayName()
                    + ": it recovers " + capabilities.recoveryModes(type).stream().map(m -> m.code() + " (" + m.displayName() + ")").toList());
        }
        throw MethodRefusal.invalid("CopyRecoveryMode " + code + " is not one of 0 (Unknown), 2 (Automatic), 3 (Manual), 4 (Implementation decides)");
    }
}
