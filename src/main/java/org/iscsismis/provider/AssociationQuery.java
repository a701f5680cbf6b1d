package org.iscsismis.provider;

import java.util.Objects;
import org.iscsismis.cim.CimName;
import org.iscsismis.cim.ObjectPath;

/**
 * The source object and role filters of one association traversal.
 *
 * @param objectName the source instance path (namespace set, no host)
 * @param role       the reference property that must point at the source, or null for any
 * @param resultRole the reference property that must point at the far end, or null for any other
 *                   (ignored by References and ReferenceNames)
 * @param resultClass the far-end class filter (Associators) or null; the dispatcher enforces it,
 *                   a provider may use it to prune
 */
public record AssociationQuery(ObjectPath objectName, CimName role, CimName resultRole, CimName resultClass) {

    public AssociationQuery {
        Objects.requireNonNull(objectName, "objectName must not be null");
    }

    /** True if {@code property} passes the Role filter. */
    public boolean roleMatches(CimName property) {
        return role == null || role.equals(property);
    }

    /** True if {@code property} passes the ResultRole filter. */
    public boolean resultRoleMatches(CimName property) {
        return resultRole == null || resultRole.equals(property);
    }
}
