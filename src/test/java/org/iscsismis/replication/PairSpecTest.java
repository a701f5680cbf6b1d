package org.iscsismis.replication;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** A spec says what the engine will really run: every kind has a Mode, and a snapshot never recovers by itself. */
class PairSpecTest {

    @Test
    void everyKindCarriesTheModeItRunsIn() {
        assertEquals(Mode.SYNCHRONOUS, PairSpec.mirror("disk-1", null).mode());
        assertEquals(Mode.ASYNCHRONOUS, PairSpec.mirror("disk-1", Mode.ASYNCHRONOUS).mode());
        assertEquals(Mode.SYNCHRONOUS, PairSpec.snapshot("disk-1").mode());
        assertEquals(Mode.SYNCHRONOUS, PairSpec.clone("disk-1").mode());
        assertEquals(Mode.SYNCHRONOUS, new PairSpec(SyncType.SNAPSHOT, Mode.ASYNCHRONOUS, "disk-1", null, null, null, true,
                null, null, false).mode(), "a copy-on-write point in time is kept synchronously, whatever was asked");
    }

    @Test
    void aSnapshotRecoversManuallyOnly() {
        assertEquals(CopyRecoveryMode.MANUAL, PairSpec.snapshot("disk-1").copyRecoveryMode());
        assertEquals(CopyRecoveryMode.MANUAL, PairSpec.snapshot("disk-1").recovery(CopyRecoveryMode.AUTOMATIC).copyRecoveryMode());
        assertEquals(CopyRecoveryMode.AUTOMATIC, PairSpec.clone("disk-1").copyRecoveryMode());
        assertEquals(CopyRecoveryMode.MANUAL, PairSpec.mirror("disk-1", null).recovery(CopyRecoveryMode.MANUAL).copyRecoveryMode());
    }
}
