package org.iscsismis.iscsi.provider;

import static org.iscsismis.iscsi.provider.MethodCodes.INVALID_PARAMETER;
import static org.iscsismis.iscsi.provider.MethodCodes.NOT_AVAILABLE;
import static org.iscsismis.iscsi.provider.MethodCodes.NOT_SUPPORTED;
import static org.iscsismis.iscsi.provider.MethodCodes.SUCCESS;
import static org.iscsismis.iscsi.provider.MethodCodes.answer;
import static org.iscsismis.iscsi.provider.MethodCodes.codes;
import static org.iscsismis.iscsi.provider.MethodCodes.intArg;
import static org.iscsismis.iscsi.provider.MethodCodes.uint16s;
import static org.iscsismis.iscsi.provider.MethodCodes.uint64s;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.BiFunction;

import org.iscsismis.cim.CimClass;
import org.iscsismis.cim.CimException;
import org.iscsismis.cim.CimInstance;
import org.iscsismis.cim.CimName;
import org.iscsismis.cim.CimStatus;
import org.iscsismis.cim.CimValue;
import org.iscsismis.provider.MethodArguments;
import org.iscsismis.provider.MethodResult;
import org.iscsismis.provider.ProviderContext;
import org.iscsismis.replication.CopyState;
import org.iscsismis.replication.Operation;
import org.iscsismis.replication.SyncType;

/**
 * The extrinsic methods of {@code MSISCSITARGET_ReplicationServiceCapabilities}: what a client asks before it calls
 * CreateElementReplica or ModifyReplicaSynchronization. The answers come from {@link ReplicationCapabilities} (the engine's
 * transition table). A ReplicationType outside the value map is 5 Invalid Parameter; one in the map that the engine
 * does not do (remote, adaptive, asynchronous snapshot...) is 1 Not Supported. Group, list, SynchronizationAspect,
 * remote-connection and tokenized-copy queries are 1 Not Supported: the engine replicates single local elements only.
 * An IN ReplicationSettingData changes no answer (the engine's support does not depend on it).
 */
final class ReplicationCapabilityMethods {

    /** ServiceControlling: one local service controls both ends. */
    static final int SOURCE_OR_TARGET = 4;
    static final CimName REPLICATION_SETTING_DATA = CimName.of("CIM_ReplicationSettingData");

    private final ReplicationCapabilities support;
    private final SynchronizationSupport synchronization;
    private final Map<CimName, BiFunction<ProviderContext, MethodArguments, MethodResult>> methods = new TreeMap<>();

    ReplicationCapabilityMethods(ReplicationCapabilities support, SynchronizationSupport synchronization) {
        this.support = support;
        this.synchronization = synchronization;
        on("ConvertSyncTypeToReplicationType", (c, in) -> convertSyncType(in));
        on("ConvertReplicationTypeToSyncType", (c, in) -> convertReplicationType(in));
        on("GetSupportedOperations", (c, in) -> supportedOperations(in));
        on("GetSupportedCopyStates", (c, in) -> supportedCopyStates(in));
        on("GetSupportedWaitForCopyStates", (c, in) -> waitForCopyStates(in));
        on("GetSupportedFeatures", (c, in) -> features(in));
        on("GetSupportedMaximum", (c, in) -> maximum(in));
        on("GetSupportedReplicationSettingData", (c, in) -> settingData(in));
        on("GetDefaultReplicationSettingData", this::defaultSettingData);
        on("GetSupportedThinProvisioningFeatures", (c, in) -> withType(in, t -> MethodResult.of(CimValue.ofUint32(SUCCESS))
                .with("SupportedThinProvisioningFeatures", uint16s(List.of(2))))); // holes copy as holes, read as zeros
        on("GetSynchronizationSupported", synchronization::answer);
        on("GetSupportedReplicationTypesForSystem", synchronization::replicationTypesForSystem);
        on("GetSupportedOperationsForSynchronization", synchronization::operationsFor);
        for (String unsupported : List.of("GetSupportedConsistency", "GetDefaultConsistency", "GetDefaultGroupPersistency",
                "GetSupportedGroupCopyStates", "GetSupportedGroupFeatures", "GetSupportedGroupOperations",
                "GetSupportedListOperations", "GetSupportedListFeatures", "GetSupportedSettingsDefineStateOperations",
                "GetSupportedConnectionFeatures", "GetSupportedStorageCompressionFeatures",
                "GetSupportedTokenizedReplicationType", "GetElementNameCapabilities",
                "GetSupportedReplicationSettingDataDateTime")) {
            on(unsupported, (c, in) -> answer(NOT_SUPPORTED));
        }
    }

    private void on(String name, BiFunction<ProviderContext, MethodArguments, MethodResult> handler) {
        methods.put(CimName.of(name), handler);
    }

    MethodResult invoke(ProviderContext context, CimName method, MethodArguments in) {
        BiFunction<ProviderContext, MethodArguments, MethodResult> handler = methods.get(method);
        if (handler == null) {
            throw new CimException(CimStatus.METHOD_NOT_AVAILABLE, "method " + method + " is not available on "
                    + SystemElements.REPLICATION_SERVICE_CAPABILITIES);
        }
        return handler.apply(context, in);
    }

    // ------------------------------------------------------------------ conversions (pure value-map arithmetic)

    private static MethodResult convertSyncType(MethodArguments in) {
        Integer syncType = intArg(in, "SyncType");
        Integer mode = intArg(in, "Mode");
        Integer where = intArg(in, "LocalOrRemote");
        Optional<ReplicationType> type = syncType == null || mode == null || where == null ? Optional.empty()
                : ReplicationType.of(syncType, mode, where);
        return type.map(t -> answer(SUCCESS).with("SupportedReplicationTypes", CimValue.ofUint16(t.code())))
                .orElseGet(() -> answer(INVALID_PARAMETER));
    }

    private static MethodResult convertReplicationType(MethodArguments in) {
        Integer code = intArg(in, "ReplicationType");
        Optional<ReplicationType> type = code == null ? Optional.empty() : ReplicationType.ofCode(code);
        return type.map(t -> answer(SUCCESS).with("SyncType", CimValue.ofUint16(t.syncType()))
                        .with("Mode", CimValue.ofUint16(t.mode())).with("LocalOrRemote", CimValue.ofUint16(t.localOrRemote())))
                .orElseGet(() -> answer(INVALID_PARAMETER));
    }

    // ------------------------------------------------------------------ per replication type

    /** Runs {@code body} with the engine SyncType of the ReplicationType argument, or answers 5 / 1. */
    private MethodResult withType(MethodArguments in, java.util.function.Function<SyncType, MethodResult> body) {
        Integer code = intArg(in, "ReplicationType");
        if (code == null || ReplicationType.ofCode(code).isEmpty()) {
            return answer(INVALID_PARAMETER);
        }
        return support.syncTypeOf(code).map(body).orElseGet(() -> answer(NOT_SUPPORTED));
    }

    private MethodResult supportedOperations(MethodArguments in) {
        return withType(in, type -> {
            Integer stateCode = intArg(in, "CopyState");
            CopyState from;
            try {
                from = stateCode == null ? null : CopyState.fromCode(stateCode);
            } catch (NoSuchElementException e) {
                return answer(INVALID_PARAMETER);
            }
            return operationsAnswer(support.operations(type, from));
        });
    }

    /** SupportedOperations with their indexed companions: one local service controls both ends; nothing needs Force. */
    static MethodResult operationsAnswer(List<Operation> ops) {
        return answer(SUCCESS).with("SupportedOperations", codes(ops))
                .with("ServiceControlling", uint16s(java.util.Collections.nCopies(ops.size(), SOURCE_OR_TARGET)))
                .with("RequiresForce", MethodCodes.booleans(ops.size(), false))
                .with("UpdatesSynchronizedPath", MethodCodes.booleans(ops.size(), false));
    }

    private MethodResult supportedCopyStates(MethodArguments in) {
        return withType(in, type -> {
            Integer op = intArg(in, "Operation");
            long check = checkOperation(op, type);
            if (check != SUCCESS) {
                return answer(check);
            }
            // with an Operation, the states in which the operation is accepted (the schema's description)
            List<CopyState> states = op != null ? support.statesAccepting(type, Operation.fromCode(op)) : support.copyStates(type);
            return answer(SUCCESS).with("SupportedCopyStates", codes(states))
                    .with("HostAccessible", MethodCodes.booleans(states.stream().map(s -> support.hostAccessible(type, s)).toList()));
        });
    }

    private MethodResult waitForCopyStates(MethodArguments in) {
        return withType(in, type -> {
            Integer method = intArg(in, "MethodName");
            if (method == null || method < 2 || method > 11) {
                return answer(INVALID_PARAMETER);
            }
            Integer op = intArg(in, "Operation");
            long check = checkOperation(op, type);
            if (check != SUCCESS) {
                return answer(check);
            }
            List<CopyState> states = switch (method) {
                case 2 -> support.statesAfterCreate(type); // CreateElementReplica
                case 4 -> support.statesAfter(type, op == null ? null : Operation.fromCode(op)); // ModifyReplicaSynchronization
                default -> null; // group, list and aspect methods
            };
            return states == null ? answer(NOT_SUPPORTED) : answer(SUCCESS).with("SupportedCopyStates", codes(states));
        });
    }

    /** An Operation argument: SUCCESS if absent or one the engine runs for {@code type}; 5 outside the map; else 1. */
    private long checkOperation(Integer code, SyncType type) {
        if (code == null) {
            return SUCCESS;
        }
        if (code < 2 || code > 27) {
            return INVALID_PARAMETER;
        }
        boolean runs = support.operations(type, null).stream().anyMatch(op -> op.code() == code);
        return runs ? SUCCESS : NOT_SUPPORTED;
    }

    private MethodResult features(MethodArguments in) {
        return withType(in, type -> answer(SUCCESS).with("Features", uint16s(support.features(type))));
    }

    private MethodResult maximum(MethodArguments in) {
        return withType(in, type -> {
            Integer component = intArg(in, "Component");
            if (component == null) {
                return answer(INVALID_PARAMETER);
            }
            Long max = switch (component) {
                case 2, 3, 4 -> 0L; // no replication groups
                case 8 -> 0L; // no peer systems: local only
                case 9 -> 1L; // one hop: a target is never a source
                case 10, 11 -> 0L; // no tokens
                case 13, 14, 15 -> 0L; // no SynchronizationAspects
                case 5, 6, 7, 12 -> null; // bounded only by pool space: no number to give
                default -> -1L;
            };
            if (max == null) {
                return answer(NOT_AVAILABLE);
            }
            return max < 0 ? answer(INVALID_PARAMETER) : answer(SUCCESS).with("MaxValue", CimValue.ofUint64(max));
        });
    }

    private MethodResult settingData(MethodArguments in) {
        return withType(in, type -> {
            Integer property = intArg(in, "PropertyName");
            if (property == null) {
                return answer(INVALID_PARAMETER);
            }
            List<Long> values = support.settingValues(type, property);
            return values == null ? answer(NOT_AVAILABLE) : answer(SUCCESS).with("SupportedValues", uint64s(values));
        });
    }

    private MethodResult defaultSettingData(ProviderContext context, MethodArguments in) {
        return withType(in, type -> {
            CimClass cls = context.findClass(REPLICATION_SETTING_DATA);
            if (cls == null) {
                return answer(NOT_AVAILABLE); // "No default ReplicationSettingData"
            }
            CimInstance defaults = CimInstance.builder(cls.name())
                    .property("InstanceID", StorageElements.SYSTEM_NAME + ":DefaultReplicationSettingData:" + type.displayName())
                    .property("ElementName", "Default " + type.displayName().toLowerCase() + " settings")
                    .property("DesiredCopyMethodology", CimValue.ofUint16(ReplicationCapabilities.copyMethodology(type).code()))
                    .property("CopyPriority", CimValue.ofUint16(2)) // Same
                    .property("CopyRecoveryMode", CimValue.ofUint16(support.defaultRecovery(type).code()))
                    .property("FailedCopyStopsHostIO", CimValue.ofBoolean(false))
                    .property("ThinProvisioningPolicy", CimValue.ofUint16(2))
                    .property("ReadOnly", CimValue.ofUint16(3)) // SyncedElement
                    .build();
            return answer(SUCCESS).with("DefaultInstance", CimValue.ofEmbeddedInstance(defaults));
        });
    }
}
