package org.iscsismis.iscsi.provider;

import java.util.Optional;

/**
 * CIM_ReplicationServiceCapabilities ReplicationType codes and their (SyncType, Mode, LocalOrRemote) triples, as the
 * value maps of ConvertSyncTypeToReplicationType / ConvertReplicationTypeToSyncType lay them out: codes 2-17 are
 * Mirror, Snapshot, Clone, TokenizedClone in blocks of four (Synchronous Local, Asynchronous Local, Synchronous
 * Remote, Asynchronous Remote), 18-25 the Adaptive variants (Local, Remote) of the same four, 26-27 Active Mirror
 * (Local, Remote). Pure arithmetic over the value maps: which of them the engine supports is {@link ReplicationCapabilities}'s
 * business.
 *
 * @param code          the ReplicationType code
 * @param syncType      6 Mirror, 7 Snapshot, 8 Clone, 9 TokenizedClone
 * @param mode          2 Synchronous, 3 Asynchronous, 4 Adaptive, 5 Active
 * @param localOrRemote 2 Local, 3 Remote
 */
public record ReplicationType(int code, int syncType, int mode, int localOrRemote) {

    public static final int LOCAL = 2;
    public static final int REMOTE = 3;
    public static final int SYNCHRONOUS = 2;
    public static final int ASYNCHRONOUS = 3;
    public static final int ADAPTIVE = 4;
    public static final int ACTIVE = 5;

    private static final int FIRST_SYNC_TYPE = 6;
    private static final int LAST_SYNC_TYPE = 9;
    private static final int FIRST_ADAPTIVE = 18;
    private static final int FIRST_ACTIVE = 26;
    private static final int LAST_CODE = 27;

    /** The triple of a ReplicationType code, or empty if the code is not in the value map. */
    public static Optional<ReplicationType> ofCode(int code) {
        if (code >= 2 && code < FIRST_ADAPTIVE) {
            int offset = code - 2;
            return Optional.of(new ReplicationType(code, FIRST_SYNC_TYPE + offset / 4, offset % 2 == 0 ? SYNCHRONOUS : ASYNCHRONOUS,
                    offset % 4 < 2 ? LOCAL : REMOTE));
        }
        if (code >= FIRST_ADAPTIVE && code < FIRST_ACTIVE) {
            int offset = code - FIRST_ADAPTIVE;
            return Optional.of(new ReplicationType(code, FIRST_SYNC_TYPE + offset / 2, ADAPTIVE, offset % 2 == 0 ? LOCAL : REMOTE));
        }
        if (code >= FIRST_ACTIVE && code <= LAST_CODE) {
            return Optional.of(new ReplicationType(code, FIRST_SYNC_TYPE, ACTIVE, code == FIRST_ACTIVE ? LOCAL : REMOTE));
        }
        return Optional.empty();
    }

    /** The ReplicationType code of a triple, or empty if the value maps have none for it. */
    public static Optional<ReplicationType> of(int syncType, int mode, int localOrRemote) {
        if (syncType < FIRST_SYNC_TYPE || syncType > LAST_SYNC_TYPE || (localOrRemote != LOCAL && localOrRemote != REMOTE)) {
            return Optional.empty();
        }
        int remote = localOrRemote == REMOTE ? 1 : 0;
        int block = syncType - FIRST_SYNC_TYPE;
        return switch (mode) {
            case SYNCHRONOUS -> ofCode(2 + 4 * block + 2 * remote);
            case ASYNCHRONOUS -> ofCode(3 + 4 * block + 2 * remote);
            case ADAPTIVE -> ofCode(FIRST_ADAPTIVE + 2 * block + remote);
            case ACTIVE -> syncType == FIRST_SYNC_TYPE ? ofCode(FIRST_ACTIVE + remote) : Optional.empty();
            default -> Optional.empty();
        };
    }
}
