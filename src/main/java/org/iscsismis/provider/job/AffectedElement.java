package org.iscsismis.provider.job;

import java.util.List;
import java.util.Objects;

import org.iscsismis.cim.ObjectPath;

/**
 * An element a job affects (CIM_AffectedJobElement.AffectedElement) and how (ElementEffects; empty: the
 * association leaves the property NULL, nothing said).
 */
public record AffectedElement(ObjectPath element, List<ElementEffect> effects) {

    public AffectedElement {
        Objects.requireNonNull(element, "element");
        effects = List.copyOf(effects);
    }

    public static AffectedElement of(ObjectPath element, ElementEffect... effects) {
        return new AffectedElement(element, List.of(effects));
    }

    AffectedElement withElement(ObjectPath other) {
        return new AffectedElement(other, effects);
    }
}
