package org.iscsismis.provider;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.iscsismis.cim.CimInstance;
import org.iscsismis.cim.CimName;
import org.iscsismis.cim.CimProperty;
import org.iscsismis.cim.CimType;
import org.iscsismis.cim.CimValue;

/**
 * Builds the life-cycle indications a provider hands its {@link IndicationProvider} publisher: CIM_InstCreation,
 * CIM_InstDeletion and CIM_InstModification (CIM Schema 2.49) with SourceInstance (and PreviousInstance) as embedded
 * instances, SourceInstanceModelPath, and ChangedPropertyNames. The indication service adds what belongs to one
 * delivery (IndicationIdentifier, IndicationTime, IndicationFilterName, SequenceContext, SequenceNumber).
 */
public final class InstanceIndications {

    public static final CimName INST_CREATION = CimName.of("CIM_InstCreation");
    public static final CimName INST_DELETION = CimName.of("CIM_InstDeletion");
    public static final CimName INST_MODIFICATION = CimName.of("CIM_InstModification");
    public static final CimName ALERT_INDICATION = CimName.of("CIM_AlertIndication");

    public static final CimName SOURCE_INSTANCE = CimName.of("SourceInstance");
    public static final CimName PREVIOUS_INSTANCE = CimName.of("PreviousInstance");
    public static final CimName CHANGED_PROPERTY_NAMES = CimName.of("ChangedPropertyNames");

    private InstanceIndications() {
    }

    /** CIM_InstCreation of {@code created} (an instance with its path). */
    public static CimInstance creation(CimInstance created) {
        return life(INST_CREATION, created).build();
    }

    /** CIM_InstDeletion of {@code deleted}, as it was last seen. */
    public static CimInstance deletion(CimInstance deleted) {
        return life(INST_DELETION, deleted).build();
    }

    /**
     * CIM_InstModification from {@code previous} to {@code current}, or null if no property changed.
     * ChangedPropertyNames lists the properties whose values differ, in {@code current}'s order.
     */
    public static CimInstance modification(CimInstance previous, CimInstance current) {
        List<String> changed = changedProperties(previous, current);
        if (changed.isEmpty()) {
            return null;
        }
        return life(INST_MODIFICATION, current)
                .property(PREVIOUS_INSTANCE.toString(), embedded(previous))
                .property(CHANGED_PROPERTY_NAMES.toString(), CimValue.ofStrings(changed))
                .build();
    }

    /** The names of the properties whose values differ between the two instances (present in either). */
    public static List<String> changedProperties(CimInstance previous, CimInstance current) {
        Set<CimName> names = new LinkedHashSet<>();
        current.properties().forEach(p -> names.add(p.name()));
        previous.properties().forEach(p -> names.add(p.name()));
        List<String> changed = new ArrayList<>();
        for (CimName n : names) {
            if (!Objects.equals(valueOf(previous.property(n)), valueOf(current.property(n)))) {
                changed.add(n.toString());
            }
        }
        return changed;
    }

    private static CimValue valueOf(CimProperty p) {
        return p == null || p.value() == null || p.value().isNull() ? null : p.value();
    }

    /** The source instance of a life-cycle indication (null if it has none). */
    public static CimInstance sourceInstance(CimInstance indication) {
        CimValue v = indication.value(SOURCE_INSTANCE);
        return v == null || v.isNull() || !(v.value() instanceof CimInstance i) ? null : i;
    }

    /** An EmbeddedObject value holding {@code instance} (how SourceInstance and PreviousInstance are declared). */
    public static CimValue embedded(CimInstance instance) {
        return CimValue.of(CimType.OBJECT, instance);
    }

    private static CimInstance.Builder life(CimName indicationClass, CimInstance source) {
        Objects.requireNonNull(source, "source instance must not be null");
        CimInstance.Builder b = CimInstance.builder(indicationClass).property(SOURCE_INSTANCE.toString(), embedded(source));
        if (source.path() != null) {
            b.property("SourceInstanceModelPath", source.path().withHost(null).toString());
        }
        return b;
    }
}
