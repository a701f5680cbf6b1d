package org.iscsismis.iscsi.provider;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.iscsismis.replication.Mode;
import org.iscsismis.replication.Operation;
import org.iscsismis.replication.SyncType;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every Operation and CopyType code the service methods may receive, and what each becomes. */
class CopyServicesMappingTest {

    /** ModifyReplicaSynchronization's value map is 2..23; the engine implements 14 of them. */
    static Stream<Arguments> replicaOperations() {
        return IntStream.rangeClosed(0, 25).mapToObj(code -> {
            boolean engine = Stream.of(Operation.values()).anyMatch(o -> o.code() == code);
            long expected = engine ? ReturnCode.COMPLETED.code()
                    : code >= 2 && code <= 23 ? ReturnCode.NOT_SUPPORTED.code() : ReturnCode.INVALID_PARAMETER.code();
            return Arguments.of(code, expected);
        });
    }

    @ParameterizedTest(name = "Operation {0} -> {1}")
    @MethodSource("replicaOperations")
    void replicaOperationCodes(int code, long expected) {
        if (expected == ReturnCode.COMPLETED.code()) {
            assertEquals(code, CopyServicesMapping.replicaOperation(code).code());
        } else {
            MethodRefusal r = assertThrows(MethodRefusal.class, () -> CopyServicesMapping.replicaOperation(code));
            assertEquals(expected, r.result().returnValue().asLong());
        }
    }

    static Stream<Arguments> legacyOperations() {
        return Stream.of(
                Arguments.of(2, Operation.DETACH), Arguments.of(3, Operation.FRACTURE),
                Arguments.of(4, Operation.RESYNC_REPLICA), Arguments.of(5, Operation.RESTORE_FROM_REPLICA),
                Arguments.of(8, Operation.SUSPEND), Arguments.of(9, Operation.RESUME),
                Arguments.of(10, Operation.RESET_TO_SYNC), Arguments.of(11, Operation.RESET_TO_ASYNC),
                Arguments.of(12, Operation.ACTIVATE), Arguments.of(13, Operation.ABORT));
    }

    @ParameterizedTest(name = "ModifySynchronization {0} -> {1}")
    @MethodSource("legacyOperations")
    void legacyOperationCodes(int code, Operation expected) {
        assertEquals(expected, CopyServicesMapping.legacyOperation(code));
    }

    @ParameterizedTest(name = "ModifySynchronization {0} refused with {1}")
    @MethodSource("legacyRefusals")
    void legacyRefusals(Integer code, long expected) {
        MethodRefusal r = assertThrows(MethodRefusal.class, () -> CopyServicesMapping.legacyOperation(code));
        assertEquals(expected, r.result().returnValue().asLong());
    }

    static Stream<Arguments> legacyRefusals() {
        return Stream.of(Arguments.of(null, 5L), Arguments.of(0, 5L), Arguments.of(1, 5L), Arguments.of(6, 1L),
                Arguments.of(7, 1L), Arguments.of(14, 5L), Arguments.of(0x8000, 5L));
    }

    @ParameterizedTest(name = "CopyType {0}")
    @MethodSource("copyTypes")
    void copyTypes(int code, SyncType type, Mode mode, boolean unassociated) {
        assertEquals(new CopyServicesMapping.Kind(type, mode, unassociated), CopyServicesMapping.copyType(code));
    }

    static Stream<Arguments> copyTypes() {
        return Stream.of(Arguments.of(2, SyncType.MIRROR, Mode.ASYNCHRONOUS, false),
                Arguments.of(3, SyncType.MIRROR, Mode.SYNCHRONOUS, false),
                Arguments.of(4, SyncType.CLONE, null, false),
                Arguments.of(5, SyncType.CLONE, null, true));
    }

    @ParameterizedTest(name = "CopyType {0} refused")
    @MethodSource("badCopyTypes")
    void badCopyTypes(Integer code) {
        MethodRefusal r = assertThrows(MethodRefusal.class, () -> CopyServicesMapping.copyType(code));
        assertEquals(5, r.result().returnValue().asLong());
    }

    static Stream<Integer> badCopyTypes() {
        return Stream.of(null, 0, 1, 6, 0x8000);
    }
}
