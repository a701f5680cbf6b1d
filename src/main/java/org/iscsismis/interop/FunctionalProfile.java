package org.iscsismis.interop;

/**
 * The operation groups a communication mechanism may offer: the value map of
 * {@code CIM_ObjectManagerCommunicationMechanism.FunctionalProfilesSupported} (CIM 2.49).
 */
public enum FunctionalProfile {
    BASIC_READ(2, "Basic Read"),
    BASIC_WRITE(3, "Basic Write"),
    SCHEMA_MANIPULATION(4, "Schema Manipulation"),
    INSTANCE_MANIPULATION(5, "Instance Manipulation"),
    ASSOCIATION_TRAVERSAL(6, "Association Traversal"),
    QUERY_EXECUTION(7, "Query Execution"),
    QUALIFIER_DECLARATION(8, "Qualifier Declaration"),
    INDICATIONS(9, "Indications"),
    PULLED_READ(10, "Pulled Read"),
    PULLED_READ_COUNT(11, "Pulled Read Count"),
    PULLED_QUERY_EXECUTION(12, "Pulled Query Execution");

    private final int code;
    private final String label;

    FunctionalProfile(int code, String label) {
        this.code = code;
        this.label = label;
    }

    public int code() {
        return code;
    }

    public String label() {
        return label;
    }
}
