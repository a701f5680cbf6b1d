package org.iscsismis.iscsi.target.login;

import java.util.LinkedHashMap;
import java.util.Map;

import org.iscsismis.iscsi.target.login.KeyRule.Kind;

/**
 * The login keys of RFC 7143 §13 this target negotiates, as a table: name, result function, our value, the range an
 * offer must be in. Keys not in the table (and not handled by the login itself, such as InitiatorName) are answered
 * NotUnderstood.
 */
public final class OperationalKeys {

    public static final String HEADER_DIGEST = "HeaderDigest";
    public static final String DATA_DIGEST = "DataDigest";
    public static final String MAX_CONNECTIONS = "MaxConnections";
    public static final String INITIAL_R2T = "InitialR2T";
    public static final String IMMEDIATE_DATA = "ImmediateData";
    public static final String MAX_RECV_DATA_SEGMENT_LENGTH = "MaxRecvDataSegmentLength";
    public static final String MAX_BURST_LENGTH = "MaxBurstLength";
    public static final String FIRST_BURST_LENGTH = "FirstBurstLength";
    public static final String DEFAULT_TIME2WAIT = "DefaultTime2Wait";
    public static final String DEFAULT_TIME2RETAIN = "DefaultTime2Retain";
    public static final String MAX_OUTSTANDING_R2T = "MaxOutstandingR2T";
    public static final String DATA_PDU_IN_ORDER = "DataPDUInOrder";
    public static final String DATA_SEQUENCE_IN_ORDER = "DataSequenceInOrder";
    public static final String ERROR_RECOVERY_LEVEL = "ErrorRecoveryLevel";
    public static final String ISCSI_PROTOCOL_LEVEL = "iSCSIProtocolLevel";
    public static final String TASK_REPORTING = "TaskReporting";

    /** Smallest and largest data segment / burst length RFC 7143 allows (512 to 2^24 - 1). */
    static final long MIN_LENGTH = 512;
    static final long MAX_LENGTH = (1 << 24) - 1;

    private final Map<String, KeyRule> rules = new LinkedHashMap<>();

    /** The table with our values from {@code limits}. */
    public OperationalKeys(NegotiationLimits limits) {
        add(HEADER_DIGEST, Kind.LIST, "None,CRC32C", 0, 0, false);
        add(DATA_DIGEST, Kind.LIST, "None,CRC32C", 0, 0, false);
        add(MAX_CONNECTIONS, Kind.MIN, "1", 1, 65535, true);
        add(INITIAL_R2T, Kind.OR, "No", 0, 0, true);
        add(IMMEDIATE_DATA, Kind.AND, "Yes", 0, 0, true);
        add(MAX_RECV_DATA_SEGMENT_LENGTH, Kind.DECLARATIVE, Integer.toString(limits.maxRecvDataSegmentLength()), MIN_LENGTH,
                MAX_LENGTH, false);
        add(MAX_BURST_LENGTH, Kind.MIN, Integer.toString(limits.maxBurstLength()), MIN_LENGTH, MAX_LENGTH, true);
        add(FIRST_BURST_LENGTH, Kind.MIN, Integer.toString(limits.firstBurstLength()), MIN_LENGTH, MAX_LENGTH, true);
        add(DEFAULT_TIME2WAIT, Kind.MAX, "2", 0, 3600, false);
        add(DEFAULT_TIME2RETAIN, Kind.MIN, "0", 0, 3600, false);
        add(MAX_OUTSTANDING_R2T, Kind.MIN, Integer.toString(limits.maxOutstandingR2T()), 1, 65535, true);
        add(DATA_PDU_IN_ORDER, Kind.OR, "Yes", 0, 0, true);
        add(DATA_SEQUENCE_IN_ORDER, Kind.OR, "Yes", 0, 0, true);
        add(ERROR_RECOVERY_LEVEL, Kind.MIN, "0", 0, 2, false);
        add(ISCSI_PROTOCOL_LEVEL, Kind.MIN, "1", 0, 31, false);
        add(TASK_REPORTING, Kind.LIST, "RFC3720", 0, 0, true);
        add("IFMarker", Kind.OBSOLETE_NO, "No", 0, 0, false);
        add("OFMarker", Kind.OBSOLETE_NO, "No", 0, 0, false);
        add("IFMarkInt", Kind.OBSOLETE_IRRELEVANT, "", 0, 0, false);
        add("OFMarkInt", Kind.OBSOLETE_IRRELEVANT, "", 0, 0, false);
    }

    private void add(String name, Kind kind, String ours, long min, long max, boolean normalOnly) {
        rules.put(name, new KeyRule(name, kind, ours, min, max, normalOnly));
    }

    /** The rule of a key, or null if the key is not one we negotiate. */
    public KeyRule rule(String name) {
        return rules.get(name);
    }
}
