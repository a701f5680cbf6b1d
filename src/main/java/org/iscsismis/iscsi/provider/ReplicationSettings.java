package org.iscsismis.iscsi.provider;

import java.util.List;
import java.util.Map;

import org.iscsismis.cim.CimClass;
import org.iscsismis.cim.CimInstance;
import org.iscsismis.cim.CimName;
import org.iscsismis.cim.CimProperty;
import org.iscsismis.cim.CimQualifier;
import org.iscsismis.cim.CimValue;
import org.iscsismis.replication.CopyPriority;
import org.iscsismis.replication.CopyRecoveryMode;
import org.iscsismis.replication.SyncType;

/**
 * The embedded CIM_ReplicationSettingData a client passes to CreateElementReplica or GetAvailableTargetElements,
 * checked against the same table GetSupportedReplicationSettingData answers from
 * ({@link ReplicationCapabilities#settingValues}), so what is advertised is what is accepted:
 * <ul>
 * <li>CopyPriority: any value of its map (5 otherwise);</li>
 * <li>the properties the table knows (DesiredCopyMethodology, TargetElementSupplier, ThinProvisioningPolicy,
 * FailedCopyStopsHostIO, CopyRecoveryMode, ReadOnly): a listed value; one the property's value map defines but the
 * table does not list → 1 (Not Supported); anything else → 5;</li>
 * <li>every other property CIM_ReplicationSettingData declares (groups, lists, remote, compression, deltas…): NULL or
 * its class default, else 1 — the engine has no such choice, so a different value could not be honoured;</li>
 * <li>properties it inherits (InstanceID, ElementName…) are not settings; a property the class does not have → 5.</li>
 * </ul>
 */
final class ReplicationSettings {

    /** What the settings ask for; null: not given (the capabilities' default applies). */
    record Requested(CopyPriority priority, CopyRecoveryMode recovery, boolean failedCopyStopsHostIO, Integer targetSupplier) {
    }

    /** TargetElementSupplier 1 Use existing, 2 Create new. */
    static final int USE_EXISTING = 1;
    static final int CREATE_NEW = 2;

    private static final CimName CLASS = ReplicationCapabilityMethods.REPLICATION_SETTING_DATA;
    private static final CimName COPY_PRIORITY = CimName.of("CopyPriority");
    private static final Map<CimName, Integer> PROPERTY_NAMES = Map.of(
            CimName.of("DesiredCopyMethodology"), ReplicationCapabilities.DESIRED_COPY_METHODOLOGY,
            CimName.of("TargetElementSupplier"), ReplicationCapabilities.TARGET_ELEMENT_SUPPLIER,
            CimName.of("ThinProvisioningPolicy"), ReplicationCapabilities.THIN_PROVISIONING_POLICY,
            CimName.of("FailedCopyStopsHostIO"), ReplicationCapabilities.FAILED_COPY_STOPS_HOST_IO,
            CimName.of("CopyRecoveryMode"), ReplicationCapabilities.COPY_RECOVERY_MODE,
            CimName.of("ReadOnly"), ReplicationCapabilities.READ_ONLY);

    private ReplicationSettings() {
    }

    /**
     * Reads {@code settings} (null: nothing asked) for a replica of {@code type}; {@code declared} is
     * CIM_ReplicationSettingData as the namespace defines it (its value maps and defaults). Refuses with a
     * {@link MethodRefusal} before anything is changed.
     */
    static Requested read(CimInstance settings, SyncType type, CapabilityChecks checks, CimClass declared) {
        if (settings == null) {
            return new Requested(null, checks.recovery(type, null), false, null);
        }
        CopyPriority priority = null;
        Integer recovery = null;
        boolean stopHostIo = false;
        Integer supplier = null;
        for (CimProperty p : settings.properties()) {
            if (p.value().isNull()) {
                continue;
            }
            CimName name = p.name();
            if (name.equals(COPY_PRIORITY)) {
                priority = priority(number(p));
                continue;
            }
            Integer propertyName = PROPERTY_NAMES.get(name);
            CimProperty decl = declared == null ? null : declared.property(name);
            if (propertyName == null) {
                checkUnused(p, decl);
                continue;
            }
            long value = number(p);
            if (propertyName == ReplicationCapabilities.COPY_RECOVERY_MODE) {
                recovery = (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, value));
                continue; // checked below, with the type's own words
            }
            if (!checks.capabilities().settingValues(type, propertyName).contains(value)) {
                String why = "ReplicationSettingData." + name + " " + value + " is not supported for a " + type.displayName()
                        + " (supported: " + checks.capabilities().settingValues(type, propertyName) + ")";
                throw defines(decl, value) ? MethodRefusal.notSupported(why) : MethodRefusal.invalid(why);
            }
            if (propertyName == ReplicationCapabilities.FAILED_COPY_STOPS_HOST_IO) {
                stopHostIo = value == 1;
            } else if (propertyName == ReplicationCapabilities.TARGET_ELEMENT_SUPPLIER) {
                supplier = (int) value;
            }
        }
        return new Requested(priority, checks.recovery(type, recovery), stopHostIo, supplier);
    }

    /** A property the engine has no choice for: NULL (skipped above) or its class default; inherited ones are not settings. */
    private static void checkUnused(CimProperty p, CimProperty decl) {
        if (decl == null) {
            throw MethodRefusal.invalid("ReplicationSettingData has no property " + p.name());
        }
        if (decl.classOrigin() != null && !decl.classOrigin().equals(CLASS)) {
            return;
        }
        CimValue standard = decl.value();
        if (standard.isNull() || !standard.toText().equalsIgnoreCase(p.value().toText())) {
            throw MethodRefusal.notSupported("ReplicationSettingData." + p.name() + " " + p.value().toText()
                    + " is not supported: this service has no choice there"
                    + (standard.isNull() ? "" : " (only its default " + standard.toText() + ")"));
        }
    }

    private static CopyPriority priority(long code) {
        for (CopyPriority p : CopyPriority.values()) {
            if (p.code() == code) {
                return p;
            }
        }
        throw MethodRefusal.invalid("ReplicationSettingData.CopyPriority " + code
                + " is not one of 0 (Not Managed), 1 (Low), 2 (Same), 3 (High), 4 (Urgent)");
    }

    /** A numeric (or boolean: 1/0) setting, however the client typed it. */
    private static long number(CimProperty p) {
        CimValue v = p.value();
        if (v.isArray()) {
            throw MethodRefusal.invalid("ReplicationSettingData." + p.name() + " must be a single value");
        }
        Boolean flag = v.value() instanceof Boolean b ? b : null;
        String text = v.toText().trim();
        if (flag == null && (text.equalsIgnoreCase("true") || text.equalsIgnoreCase("false"))) {
            flag = Boolean.parseBoolean(text);
        }
        if (flag != null) {
            return flag ? 1 : 0;
        }
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw MethodRefusal.invalid("ReplicationSettingData." + p.name() + " \"" + text + "\" is not a number");
        }
    }

    /** True if the property's ValueMap names {@code value} explicitly (ranges are reserved or vendor space). */
    private static boolean defines(CimProperty decl, long value) {
        CimQualifier map = decl == null ? null : decl.qualifier("ValueMap");
        if (map == null || map.value().isNull()) {
            return false;
        }
        List<String> entries = map.value().toTexts();
        return entries.contains(Long.toString(value));
    }
}
