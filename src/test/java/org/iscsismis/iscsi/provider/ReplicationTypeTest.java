package org.iscsismis.iscsi.provider;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import java.util.stream.IntStream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** The ReplicationType value map laid out as (SyncType, Mode, LocalOrRemote) triples, both ways. */
class ReplicationTypeTest {

    @ParameterizedTest(name = "{0} = SyncType {1}, Mode {2}, LocalOrRemote {3}")
    @CsvSource({
            "2, 6, 2, 2", // Synchronous Mirror Local
            "3, 6, 3, 2", // Asynchronous Mirror Local
            "5, 6, 3, 3", // Asynchronous Mirror Remote
            "6, 7, 2, 2", // Synchronous Snapshot Local
            "9, 7, 3, 3", // Asynchronous Snapshot Remote
            "10, 8, 2, 2", // Synchronous Clone Local
            "13, 8, 3, 3", // Asynchronous Clone Remote
            "14, 9, 2, 2", // Synchronous TokenizedClone Local
            "18, 6, 4, 2", // Adaptive Mirror Local
            "23, 8, 4, 3", // Adaptive Clone Remote
            "26, 6, 5, 2", // Active Mirror Local
            "27, 6, 5, 3"}) // Active Mirror Remote
    void codesMatchTheValueMapNames(int code, int syncType, int mode, int where) {
        ReplicationType t = ReplicationType.ofCode(code).orElseThrow();
        assertEquals(new ReplicationType(code, syncType, mode, where), t);
        assertEquals(code, ReplicationType.of(syncType, mode, where).orElseThrow().code());
    }

    @Test
    void everyCodeRoundTripsAndTriplesAreDistinct() {
        Set<ReplicationType> seen = new HashSet<>();
        IntStream.rangeClosed(2, 27).forEach(code -> {
            ReplicationType t = ReplicationType.ofCode(code).orElseThrow();
            assertEquals(t, ReplicationType.of(t.syncType(), t.mode(), t.localOrRemote()).orElseThrow());
            assertTrue(seen.add(t));
        });
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 28, 0x8000})
    void codesOutsideTheMapHaveNoTriple(int code) {
        assertTrue(ReplicationType.ofCode(code).isEmpty());
    }

    @Test
    void triplesOutsideTheMapHaveNoCode() {
        assertTrue(ReplicationType.of(5, 2, 2).isEmpty()); // no SyncType 5
        assertTrue(ReplicationType.of(7, 5, 2).isEmpty()); // only mirrors are Active
        assertTrue(ReplicationType.of(6, 2, 4).isEmpty()); // neither local nor remote
        assertTrue(ReplicationType.of(6, 1, 2).isEmpty());
    }
}
