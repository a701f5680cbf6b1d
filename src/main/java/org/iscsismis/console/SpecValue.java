package org.iscsismis.console;

/** An entry of a DMTF value map the console sends: the code and the name the map's {@code Values} give it. */
interface SpecValue {

    int code();

    String specName();

    /** The entry of {@code values} named {@code text}, compared case-insensitively and without spaces, or null. */
    static <E extends SpecValue> E named(E[] values, String text) {
        String wanted = text == null ? "" : text.replace(" ", "");
        for (E value : values) {
            if (value.specName().replace(" ", "").equalsIgnoreCase(wanted)) {
                return value;
            }
        }
        return null;
    }
}
