package org.iscsismis.iscsi.target;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Pattern;

/** iSCSI names (RFC 7143 §4.2.7): the default target name of a system, and the check a configured name must pass. */
public final class TargetNames {

    /** The naming authority of this project's targets: {@code iqn.2026-12.org.iscsismis:<system>}. */
    public static final String PREFIX = "iqn.2026-12.org.iscsismis:";

    private static final int MAX_BYTES = 223;
    private static final Pattern IQN = Pattern.compile("iqn\\.\\d{4}-\\d{2}\\.[a-z0-9]([a-z0-9.-]*[a-z0-9])?(:[^\\s,]+)?");
    private static final Pattern EUI = Pattern.compile("eui\\.[0-9A-F]{16}");
    private static final Pattern NAA = Pattern.compile("naa\\.([0-9A-F]{16}|[0-9A-F]{32})");

    private TargetNames() {
    }

    /** The target name of the system named {@code system}. */
    public static String forSystem(String system) {
        return PREFIX + system.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9.:-]", "-");
    }

    /**
     * @throws IllegalArgumentException naming what is wrong with {@code name}
     */
    public static String check(String name) {
        if (name.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            throw new IllegalArgumentException("an iSCSI name has at most " + MAX_BYTES + " bytes");
        }
        if (!IQN.matcher(name).matches() && !EUI.matcher(name).matches() && !NAA.matcher(name).matches()) {
            throw new IllegalArgumentException("\"" + name + "\" is not an iSCSI name (iqn.yyyy-mm.reversed.domain[:unique], "
                    + "eui.<16 hex digits> or naa.<16 or 32 hex digits>, iqn names in lower case)");
        }
        return name;
    }
}
