package org.iscsismis.query;

import org.iscsismis.cim.CimClass;
import org.iscsismis.cim.CimName;

/**
 * The classes of the namespace a query runs in, as the checker and ISA need them; the dispatcher
 * adapts its repository, an indication filter its source namespace. Lookups are case-insensitive.
 */
public interface ClassModel {

    /** The resolved class (with inherited properties), or null if the namespace has none of that name. */
    CimClass findClass(CimName name);

    /** True if {@code subclass} is {@code superclass} or derives from it. */
    boolean isSubclassOf(CimName subclass, CimName superclass);
}
