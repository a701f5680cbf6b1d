package org.iscsismis.iscsi.target.scsi;

import java.util.List;

/** The logical units a target presents, looked up by LUN; the inventory may change while sessions run. */
public interface LogicalUnitDirectory {

    /** The logical unit with this LUN, or null. */
    LogicalUnit find(int lun);

    /** Every logical unit, in ascending LUN order. */
    List<LogicalUnit> all();

    /** Changes whenever a logical unit appears or disappears. */
    long generation();
}
