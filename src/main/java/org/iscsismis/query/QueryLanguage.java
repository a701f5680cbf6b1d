package org.iscsismis.query;

import org.iscsismis.cim.CimException;
import org.iscsismis.cim.CimStatus;

/** The query languages this server evaluates, with the names clients send (DSP0200 QueryLanguage / FilterQueryLanguage). */
public enum QueryLanguage {
    /** The WBEM Query Language of Microsoft's WMI (and of most clients): SELECT ... FROM one class [WHERE ...]. */
    WQL("WQL"),
    /** DSP0202's CIM Query Language, basic query subset (one FROM class, as SMI-S indication filters use it). */
    CQL("DMTF:CQL"),
    /** DSP0212's Filter Query Language: a condition on the instances of a pulled enumeration (no SELECT, no FROM). */
    FQL("DMTF:FQL");

    private final String wireName;

    QueryLanguage(String wireName) {
        this.wireName = wireName;
    }

    /** The name on the wire ({@code WQL}, {@code DMTF:CQL}, {@code DMTF:FQL}). */
    public String wireName() {
        return wireName;
    }

    /** True for the languages with SELECT and FROM (ExecQuery, OpenQueryInstances, indication filters). */
    public boolean hasSelect() {
        return this != FQL;
    }

    /**
     * The language named {@code name} (case-insensitive). CIM_ERR_QUERY_LANGUAGE_NOT_SUPPORTED for
     * any other name, listing the supported ones.
     */
    public static QueryLanguage of(String name) {
        if (name != null) {
            String n = name.strip();
            for (QueryLanguage l : values()) {
                if (l.wireName.equalsIgnoreCase(n)) {
                    return l;
                }
            }
        }
        throw new CimException(CimStatus.QUERY_LANGUAGE_NOT_SUPPORTED, "Query language \"" + name
                + "\" is not supported; this server evaluates WQL, DMTF:CQL and DMTF:FQL");
    }

    @Override
    public String toString() {
        return wireName;
    }
}
