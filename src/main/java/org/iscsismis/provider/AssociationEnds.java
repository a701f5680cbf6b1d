package org.iscsismis.provider;

import java.util.ArrayList;
import java.util.List;
import org.iscsismis.cim.CimInstance;
import org.iscsismis.cim.CimName;
import org.iscsismis.cim.CimNamespace;
import org.iscsismis.cim.CimProperty;
import org.iscsismis.cim.CimType;
import org.iscsismis.cim.CimValue;
import org.iscsismis.cim.ObjectPath;

/**
 * How the ends of an association instance are read: its scalar reference properties. A reference
 * without a namespace is in the namespace of the association instance; the host never counts.
 * Shared by the dispatcher (repository associations) and {@link AbstractAssociationProvider}.
 */
public final class AssociationEnds {

    private AssociationEnds() {
    }

    /** {@code path} with namespace (the given default when it has none) and no host. */
    public static ObjectPath absolute(ObjectPath path, CimNamespace defaultNamespace) {
        ObjectPath p = path.host() == null ? path : path.withHost(null);
        return p.namespace() == null ? p.withNamespace(defaultNamespace) : p;
    }

    /**
     * True if {@code association} refers to {@code source} (namespace set) through a reference
     * property passing {@code query}'s Role filter.
     *
     * @param associationNamespace the namespace of {@code association}
     */
    public static boolean refersTo(CimInstance association, CimNamespace associationNamespace, AssociationQuery query) {
        return sourceRole(association, associationNamespace, query) != null;
    }

    /** The name of the reference property through which {@code association} refers to the source, or null. */
    public static CimName sourceRole(CimInstance association, CimNamespace associationNamespace, AssociationQuery query) {
        ObjectPath source = absolute(query.objectName(), associationNamespace);
        for (CimProperty p : association.properties()) {
            ObjectPath ref = reference(p);
            if (ref != null && query.roleMatches(p.name()) && absolute(ref, associationNamespace).equals(source)) {
                return p.name();
            }
        }
        return null;
    }

    /**
     * The far ends of {@code association} seen from the source: the targets (namespace set) of its
     * other non-NULL reference properties passing the ResultRole filter; empty if it does not refer
     * to the source through the Role filter.
     */
    public static List<ObjectPath> farEnds(CimInstance association, CimNamespace associationNamespace, AssociationQuery query) {
        CimName sourceRole = sourceRole(association, associationNamespace, query);
        if (sourceRole == null) {
            return List.of();
        }
        List<ObjectPath> out = new ArrayList<>(2);
        for (CimProperty p : association.properties()) {
            ObjectPath ref = reference(p);
            if (ref != null && !p.name().equals(sourceRole) && query.resultRoleMatches(p.name())) {
                out.add(absolute(ref, associationNamespace));
            }
        }
        return out;
    }

    private static ObjectPath reference(CimProperty p) {
        CimValue v = p.value();
        CimType t = v == null ? null : v.type();
        return t != null && t.isReference() && !t.array() && !v.isNull() ? v.asReference() : null;
    }
}
