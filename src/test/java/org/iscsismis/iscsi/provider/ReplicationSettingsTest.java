package org.iscsismis.iscsi.provider;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Stream;

import org.iscsismis.cim.CimClass;
import org.iscsismis.cim.CimInstance;
import org.iscsismis.cim.CimName;
import org.iscsismis.cim.CimProperty;
import org.iscsismis.cim.CimQualifier;
import org.iscsismis.cim.CimType;
import org.iscsismis.cim.CimValue;
import org.iscsismis.replication.CopyPriority;
import org.iscsismis.replication.CopyRecoveryMode;
import org.iscsismis.replication.Mode;
import org.iscsismis.replication.SyncType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Client codes against the capabilities: accepted, 1 (defined but not run) or 5 (outside the map), however typed. */
class ReplicationSettingsTest {

    private final CapabilityChecks checks = new CapabilityChecks(ReplicationCapabilities.standard());

    /** A small CIM_ReplicationSettingData: two checked properties with their maps, one the engine has no choice for. */
    private static final CimClass DECLARED = CimClass.builder("CIM_ReplicationSettingData")
            .property(CimProperty.declare("ReadOnly", CimType.UINT16, CimQualifier.of("ValueMap", CimValue.ofStrings(
                    List.of("2", "3", "4", "..", "0x8000..")))).withClassOrigin(ReplicationCapabilityMethods.REPLICATION_SETTING_DATA, false))
            .property(CimProperty.declare("CopyRecoveryMode", CimType.UINT16)
                    .withClassOrigin(ReplicationCapabilityMethods.REPLICATION_SETTING_DATA, false))
            .property(new CimProperty(CimName.of("Multihop"), CimType.UINT16, CimValue.ofUint16(1), List.of(),
                    ReplicationCapabilityMethods.REPLICATION_SETTING_DATA, false))
            .property(CimProperty.declare("ElementName", CimType.STRING).withClassOrigin(CimName.of("CIM_ManagedElement"), true))
            .build();

    private static CimInstance settings(String property, CimValue value) {
        return CimInstance.builder("CIM_ReplicationSettingData").property(property, value).build();
    }

    private long refusal(SyncType type, CimInstance settings) {
        return assertThrows(MethodRefusal.class, () -> ReplicationSettings.read(settings, type, checks, DECLARED))
                .result().returnValue().asLong();
    }

    @Test
    void theKindsDefaultsWhenNothingIsAsked() {
        assertEquals(CopyRecoveryMode.MANUAL, ReplicationSettings.read(null, SyncType.SNAPSHOT, checks, DECLARED).recovery());
        assertEquals(CopyRecoveryMode.AUTOMATIC, ReplicationSettings.read(null, SyncType.CLONE, checks, DECLARED).recovery());
        assertEquals(CopyRecoveryMode.AUTOMATIC, ReplicationSettings.read(settings("CopyRecoveryMode", CimValue.ofUint16(4)),
                SyncType.MIRROR, checks, DECLARED).recovery(), "4: implementation decides");
    }

    @Test
    void valuesMayArriveAsTextOrNumbers() {
        assertEquals(CopyPriority.HIGH, ReplicationSettings.read(settings("CopyPriority", CimValue.ofString(" 3 ")),
                SyncType.MIRROR, checks, DECLARED).priority());
        assertEquals(CopyRecoveryMode.MANUAL, ReplicationSettings.read(settings("CopyRecoveryMode", CimValue.ofString("3")),
                SyncType.MIRROR, checks, DECLARED).recovery());
        assertTrue(ReplicationSettings.read(settings("FailedCopyStopsHostIO", CimValue.ofString("TRUE")), SyncType.CLONE, checks,
                DECLARED).failedCopyStopsHostIO());
    }

    static Stream<Arguments> refused() {
        return Stream.of(
                Arguments.of(SyncType.SNAPSHOT, "CopyRecoveryMode", CimValue.ofUint16(2), 1L), // a snapshot never recovers by itself
                Arguments.of(SyncType.MIRROR, "CopyRecoveryMode", CimValue.ofUint16(9), 5L),
                Arguments.of(SyncType.MIRROR, "CopyRecoveryMode", CimValue.ofString("4294967298"), 5L), // no wrap-around to 2
                Arguments.of(SyncType.MIRROR, "CopyPriority", CimValue.ofUint64(4294967298L), 5L),
                Arguments.of(SyncType.MIRROR, "CopyPriority", CimValue.ofString("high"), 5L),
                Arguments.of(SyncType.MIRROR, "CopyPriority", CimValue.ofString("99999999999999999999999"), 5L),
                Arguments.of(SyncType.MIRROR, "ReadOnly", CimValue.ofUint16(2), 1L), // in the map, not run
                Arguments.of(SyncType.MIRROR, "ReadOnly", CimValue.ofUint16(7), 5L), // outside the map
                Arguments.of(SyncType.MIRROR, "Multihop", CimValue.ofUint16(3), 1L), // no choice but the default
                Arguments.of(SyncType.MIRROR, "NoSuchProperty", CimValue.ofUint16(1), 5L));
    }

    @ParameterizedTest(name = "{0} {1}={2} -> {3}")
    @MethodSource("refused")
    void refusedWithTheDocumentedCode(SyncType type, String property, CimValue value, long code) {
        assertEquals(code, refusal(type, settings(property, value)));
    }

    @Test
    void defaultsAndInheritedPropertiesAreNotSettings() {
        ReplicationSettings.read(settings("Multihop", CimValue.ofUint16(1)), SyncType.MIRROR, checks, DECLARED);
        ReplicationSettings.read(settings("ElementName", CimValue.ofString("anything")), SyncType.MIRROR, checks, DECLARED);
    }

    @Test
    void syncTypesAndModes() {
        assertEquals(Mode.SYNCHRONOUS, checks.mode(SyncType.SNAPSHOT, null));
        assertEquals(Mode.ASYNCHRONOUS, checks.mode(SyncType.MIRROR, 3));
        assertEquals(1, assertThrows(MethodRefusal.class, () -> checks.mode(SyncType.SNAPSHOT, 3)).result().returnValue().asLong());
        assertEquals(1, assertThrows(MethodRefusal.class, () -> checks.mode(SyncType.MIRROR, 4)).result().returnValue().asLong());
        assertEquals(5, assertThrows(MethodRefusal.class, () -> checks.mode(SyncType.MIRROR, 0)).result().returnValue().asLong());
        assertEquals(1, assertThrows(MethodRefusal.class, () -> checks.syncType(9)).result().returnValue().asLong());
        assertEquals(5, assertThrows(MethodRefusal.class, () -> checks.syncType(5)).result().returnValue().asLong());
    }
}
