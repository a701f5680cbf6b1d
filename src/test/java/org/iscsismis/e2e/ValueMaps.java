package org.iscsismis.e2e;

/** Whether an integer value is admitted by a DSP0004 ValueMap: single values and the ranges "a..b", "..b", "a..", "..". */
final class ValueMaps {

    private ValueMaps() {
    }

    static boolean admits(String[] valueMap, long value) {
        for (String entry : valueMap) {
            String e = entry.trim();
            int dots = e.indexOf("..");
            if (dots < 0) {
                if (Long.decode(e) == value) {
                    return true;
                }
                continue;
            }
            String low = e.substring(0, dots).trim();
            String high = e.substring(dots + 2).trim();
            if ((low.isEmpty() || Long.decode(low) <= value) && (high.isEmpty() || value <= Long.decode(high))) {
                return true;
            }
        }
        return false;
    }
}
