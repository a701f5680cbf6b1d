package org.iscsismis.http;

import org.iscsismis.cimxml.ParsedRequest;
import org.iscsismis.operation.AssociatorNamesRequest;
import org.iscsismis.operation.AssociatorsRequest;
import org.iscsismis.operation.CimRequest;
import org.iscsismis.operation.CreateClassRequest;
import org.iscsismis.operation.CreateInstanceRequest;
import org.iscsismis.operation.DeleteClassRequest;
import org.iscsismis.operation.DeleteInstanceRequest;
import org.iscsismis.operation.DeleteQualifierRequest;
import org.iscsismis.operation.EnumerateClassNamesRequest;
import org.iscsismis.operation.EnumerateClassesRequest;
import org.iscsismis.operation.EnumerateInstanceNamesRequest;
import org.iscsismis.operation.EnumerateInstancesRequest;
import org.iscsismis.operation.GetClassRequest;
import org.iscsismis.operation.GetInstanceRequest;
import org.iscsismis.operation.GetPropertyRequest;
import org.iscsismis.operation.GetQualifierRequest;
import org.iscsismis.operation.InvokeMethodRequest;
import org.iscsismis.operation.ModifyClassRequest;
import org.iscsismis.operation.ModifyInstanceRequest;
import org.iscsismis.operation.OpenAssociatorInstancePathsRequest;
import org.iscsismis.operation.OpenAssociatorInstancesRequest;
import org.iscsismis.operation.OpenEnumerateInstancePathsRequest;
import org.iscsismis.operation.OpenEnumerateInstancesRequest;
import org.iscsismis.operation.OpenReferenceInstancePathsRequest;
import org.iscsismis.operation.OpenReferenceInstancesRequest;
import org.iscsismis.operation.ReferenceNamesRequest;
import org.iscsismis.operation.ReferencesRequest;
import org.iscsismis.operation.SetPropertyRequest;
import org.iscsismis.operation.SetQualifierRequest;

/**
 * The class, qualifier or object a request is about, for the request log: the extrinsic call's
 * path, else the class name, qualifier name, instance path or object name the operation names;
 * "-" for operations without one (queries, pulls, EnumerateQualifiers). Called only when debug
 * logging is on.
 */
final class RequestTargets {

    private RequestTargets() {
    }

    static String describe(ParsedRequest parsed) {
        if (!parsed.intrinsic() && parsed.objectPath() != null) {
            return parsed.objectPath().toString();
        }
        Object target = target(parsed.request());
        return target == null ? "-" : target.toString();
    }

    // One branch per record that names a target (Java 17 has no pattern switch over the sealed type).
    private static Object target(CimRequest r) {
        if (r instanceof GetClassRequest q) {
            return q.className();
        } else if (r instanceof EnumerateClassesRequest q) {
            return q.className();
        } else if (r instanceof EnumerateClassNamesRequest q) {
            return q.className();
        } else if (r instanceof CreateClassRequest q) {
            return q.newClass().name();
        } else if (r instanceof ModifyClassRequest q) {
            return q.modifiedClass().name();
        } else if (r instanceof DeleteClassRequest q) {
            return q.className();
        } else if (r instanceof GetQualifierRequest q) {
            return q.qualifierName();
        } else if (r instanceof SetQualifierRequest q) {
            return q.qualifierDeclaration().name();
        } else if (r instanceof DeleteQualifierRequest q) {
            return q.qualifierName();
        } else if (r instanceof GetInstanceRequest q) {
            return q.instanceName();
        } else if (r instanceof EnumerateInstancesRequest q) {
            return q.className();
        } else if (r instanceof EnumerateInstanceNamesRequest q) {
            return q.className();
        } else if (r instanceof CreateInstanceRequest q) {
            return q.newInstance().className();
        } else if (r instanceof ModifyInstanceRequest q) {
            return q.modifiedInstance().className();
        } else if (r instanceof DeleteInstanceRequest q) {
            return q.instanceName();
        } else if (r instanceof GetPropertyRequest q) {
            return q.instanceName();
        } else if (r instanceof SetPropertyRequest q) {
            return q.instanceName();
        } else if (r instanceof AssociatorsRequest q) {
            return q.objectName();
        } else if (r instanceof AssociatorNamesRequest q) {
            return q.objectName();
        } else if (r instanceof ReferencesRequest q) {
            return q.objectName();
        } else if (r instanceof ReferenceNamesRequest q) {
            return q.objectName();
        } else if (r instanceof OpenEnumerateInstancesRequest q) {
            return q.className();
        } else if (r instanceof OpenEnumerateInstancePathsRequest q) {
            return q.className();
        } else if (r instanceof OpenAssociatorInstancesRequest q) {
            return q.instanceName();
        } else if (r instanceof OpenAssociatorInstancePathsRequest q) {
            return q.instanceName();
        } else if (r instanceof OpenReferenceInstancesRequest q) {
            return q.instanceName();
        } else if (r instanceof OpenReferenceInstancePathsRequest q) {
            return q.instanceName();
        } else if (r instanceof InvokeMethodRequest q) {
            return q.objectName();
        }
        return null;
    }
}
