package org.iscsismis.dispatch;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.iscsismis.cim.CimName;

/**
 * A DSP0200 PropertyList: null selects every property, an empty list none; names the class lacks
 * are ignored (they simply never match). Matching is case-insensitive (CimName identity).
 */
final class PropertySelection {

    static final PropertySelection ALL = new PropertySelection(null);

    private final Set<CimName> names;

    private PropertySelection(Set<CimName> names) {
        this.names = names;
    }

    static PropertySelection of(List<CimName> propertyList) {
        return propertyList == null ? ALL : new PropertySelection(new HashSet<>(propertyList));
    }

    boolean isAll() {
        return names == null;
    }

    boolean includes(CimName property) {
        return names == null || names.contains(property);
    }
}
