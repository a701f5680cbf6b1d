package org.iscsismis.dispatch;

import java.util.Locale;
import org.iscsismis.cim.CimException;
import org.iscsismis.cim.CimNamespace;
import org.iscsismis.cim.CimStatus;
import org.iscsismis.cim.ObjectPath;
import org.iscsismis.operation.AssociatorNamesRequest;
import org.iscsismis.operation.AssociatorsRequest;
import org.iscsismis.operation.CimRequest;
import org.iscsismis.operation.CreateClassRequest;
import org.iscsismis.operation.CreateInstanceRequest;
import org.iscsismis.operation.DeleteClassRequest;
import org.iscsismis.operation.DeleteInstanceRequest;
import org.iscsismis.operation.DeleteQualifierRequest;
import org.iscsismis.operation.InvokeMethodRequest;
import org.iscsismis.operation.ModifyClassRequest;
import org.iscsismis.operation.ModifyInstanceRequest;
import org.iscsismis.operation.OpenAssociatorInstancePathsRequest;
import org.iscsismis.operation.OpenAssociatorInstancesRequest;
import org.iscsismis.operation.OpenReferenceInstancePathsRequest;
import org.iscsismis.operation.OpenReferenceInstancesRequest;
import org.iscsismis.operation.ReferenceNamesRequest;
import org.iscsismis.operation.ReferencesRequest;
import org.iscsismis.operation.SetPropertyRequest;
import org.iscsismis.operation.SetQualifierRequest;

/**
 * Which access an operation needs, in one place.
 *
 * <p>Write: every operation that changes state — CreateClass, ModifyClass, DeleteClass, SetQualifier,
 * DeleteQualifier, CreateInstance, ModifyInstance, DeleteInstance, SetProperty — and every extrinsic method
 * (InvokeMethod) except the read-only ones. Read: everything else (Get*, Enumerate*, the association operations, the
 * pull operations, queries).
 *
 * <p>A method is read-only when its name begins with {@code Get}: in CIM and SMI-S such methods only report
 * (GetSupported* of the capabilities classes, GetAvailableTargetElements, GetError(s) of a job,
 * GetReplicationRelationships...). Every other method may change something and needs write access.
 */
final class AccessRule {

    private AccessRule() {
    }

    /** The access {@code request} needs in its target namespace. */
    static NamespaceAccess needed(CimRequest request) {
        if (request instanceof InvokeMethodRequest r) {
            return isReadOnlyMethod(r.methodName().toString()) ? NamespaceAccess.READ : NamespaceAccess.WRITE;
        }
        boolean changes = request instanceof CreateClassRequest || request instanceof ModifyClassRequest
                || request instanceof DeleteClassRequest || request instanceof SetQualifierRequest
                || request instanceof DeleteQualifierRequest || request instanceof CreateInstanceRequest
                || request instanceof ModifyInstanceRequest || request instanceof DeleteInstanceRequest
                || request instanceof SetPropertyRequest;
        return changes ? NamespaceAccess.WRITE : NamespaceAccess.READ;
    }

    /** True for the extrinsic methods that only report: their names begin with {@code Get}. */
    static boolean isReadOnlyMethod(String methodName) {
        return methodName.length() > 3 && methodName.substring(0, 3).toLowerCase(Locale.ROOT).equals("get");
    }

    /**
     * The source object of an association operation, whose namespace (if it names one) must be readable too; null
     * for other operations.
     */
    static ObjectPath associationSource(CimRequest request) {
        if (request instanceof AssociatorsRequest r) {
            return r.objectName();
        } else if (request instanceof AssociatorNamesRequest r) {
            return r.objectName();
        } else if (request instanceof ReferencesRequest r) {
            return r.objectName();
        } else if (request instanceof ReferenceNamesRequest r) {
            return r.objectName();
        } else if (request instanceof OpenAssociatorInstancesRequest r) {
            return r.instanceName();
        } else if (request instanceof OpenAssociatorInstancePathsRequest r) {
            return r.instanceName();
        } else if (request instanceof OpenReferenceInstancesRequest r) {
            return r.instanceName();
        } else if (request instanceof OpenReferenceInstancePathsRequest r) {
            return r.instanceName();
        }
        return null;
    }

    /** CIM_ERR_ACCESS_DENIED (2) unless {@code caller} has at least {@code needed} in {@code ns}. */
    static void require(Caller caller, CimNamespace ns, NamespaceAccess needed, String operation) {
        NamespaceAccess has = caller.accessTo(ns);
        if (!has.allows(needed)) {
            throw new CimException(CimStatus.ACCESS_DENIED, operation + " needs " + needed.word() + " access to namespace " + ns
                    + "; " + caller.described() + " has " + (has == NamespaceAccess.NONE ? "none" : has.word() + " access only"));
        }
    }
}
