package org.iscsismis.cimxml;

import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;
import org.iscsismis.cim.CimName;
import org.iscsismis.cim.CimNamespace;
import org.iscsismis.cim.ObjectPath;
import org.iscsismis.operation.CimRequest;
import org.iscsismis.operation.CloseEnumerationRequest;
import org.iscsismis.operation.EnumerationCountRequest;
import org.iscsismis.operation.OpenAssociatorInstancePathsRequest;
import org.iscsismis.operation.OpenAssociatorInstancesRequest;
import org.iscsismis.operation.OpenEnumerateInstancePathsRequest;
import org.iscsismis.operation.OpenEnumerateInstancesRequest;
import org.iscsismis.operation.OpenQueryInstancesRequest;
import org.iscsismis.operation.OpenReferenceInstancePathsRequest;
import org.iscsismis.operation.OpenReferenceInstancesRequest;
import org.iscsismis.operation.PullInstancePathsRequest;
import org.iscsismis.operation.PullInstancesRequest;
import org.iscsismis.operation.PullInstancesWithPathRequest;

/** Builds the pull-operation records (DSP0200 1.3+) from decoded IPARAMVALUEs; see {@link IntrinsicDecoder}. */
final class PullDecoding {

    private PullDecoding() {
    }

    @SuppressWarnings("unchecked")
    static CimRequest build(String op, CimNamespace ns, Predicate<String> has, Function<String, Object> get) {
        ObjectPath instanceName = (ObjectPath) get.apply("InstanceName");
        CimName className = (CimName) get.apply("ClassName");
        String ctx = (String) get.apply("EnumerationContext");
        Long moc = (Long) get.apply("MaxObjectCount");
        long maxObjectCount = moc == null ? 0L : moc;
        Long timeout = (Long) get.apply("OperationTimeout");
        String fql = (String) get.apply("FilterQueryLanguage");
        String fq = (String) get.apply("FilterQuery");
        boolean coe = Boolean.TRUE.equals(get.apply("ContinueOnError"));
        boolean ico = Boolean.TRUE.equals(get.apply("IncludeClassOrigin"));
        List<CimName> pl = (List<CimName>) get.apply("PropertyList");
        CimName assocClass = (CimName) get.apply("AssocClass");
        CimName resultClass = (CimName) get.apply("ResultClass");
        CimName role = (CimName) get.apply("Role");
        CimName resultRole = (CimName) get.apply("ResultRole");
        switch (op) {
            case "OpenEnumerateInstances": {
                var b = OpenEnumerateInstancesRequest.builder(ns, className).includeClassOrigin(ico).propertyList(pl)
                        .filterQueryLanguage(fql).filterQuery(fq).operationTimeout(timeout).continueOnError(coe)
                        .maxObjectCount(maxObjectCount);
                if (has.test("DeepInheritance")) {
                    b.deepInheritance((Boolean) get.apply("DeepInheritance"));
                }
                return b.build();
            }
            case "OpenEnumerateInstancePaths":
                return OpenEnumerateInstancePathsRequest.builder(ns, className).filterQueryLanguage(fql).filterQuery(fq)
                        .operationTimeout(timeout).continueOnError(coe).maxObjectCount(maxObjectCount).build();
            case "OpenAssociatorInstances":
                return OpenAssociatorInstancesRequest.builder(ns, instanceName).assocClass(assocClass).resultClass(resultClass)
                        .role(role).resultRole(resultRole).includeClassOrigin(ico).propertyList(pl).filterQueryLanguage(fql)
                        .filterQuery(fq).operationTimeout(timeout).continueOnError(coe).maxObjectCount(maxObjectCount).build();
            case "OpenAssociatorInstancePaths":
                return OpenAssociatorInstancePathsRequest.builder(ns, instanceName).assocClass(assocClass).resultClass(resultClass)
                        .role(role).resultRole(resultRole).filterQueryLanguage(fql).filterQuery(fq).operationTimeout(timeout)
                        .continueOnError(coe).maxObjectCount(maxObjectCount).build();
            case "OpenReferenceInstances":
                return OpenReferenceInstancesRequest.builder(ns, instanceName).resultClass(resultClass).role(role)
                        .includeClassOrigin(ico).propertyList(pl).filterQueryLanguage(fql).filterQuery(fq)
                        .operationTimeout(timeout).continueOnError(coe).maxObjectCount(maxObjectCount).build();
            case "OpenReferenceInstancePaths":
                return OpenReferenceInstancePathsRequest.builder(ns, instanceName).resultClass(resultClass).role(role)
                        .filterQueryLanguage(fql).filterQuery(fq).operationTimeout(timeout).continueOnError(coe)
                        .maxObjectCount(maxObjectCount).build();
            case "OpenQueryInstances":
                return OpenQueryInstancesRequest.builder(ns, fql, fq)
                        .returnQueryResultClass(Boolean.TRUE.equals(get.apply("ReturnQueryResultClass")))
                        .operationTimeout(timeout).continueOnError(coe).maxObjectCount(maxObjectCount).build();
            case "PullInstancesWithPath":
                return new PullInstancesWithPathRequest(ns, ctx, maxObjectCount);
            case "PullInstancePaths":
                return new PullInstancePathsRequest(ns, ctx, maxObjectCount);
            case "PullInstances":
                return new PullInstancesRequest(ns, ctx, maxObjectCount);
            case "CloseEnumeration":
                return new CloseEnumerationRequest(ns, ctx);
            case "EnumerationCount":
                return new EnumerationCountRequest(ns, ctx);
            default:
                throw new AssertionError("no builder for " + op);
        }
    }
}
