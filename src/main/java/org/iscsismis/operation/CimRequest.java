package org.iscsismis.operation;

import java.util.List;
import org.iscsismis.cim.CimNamespace;

/**
 * A decoded CIM-XML operation request. Switch over the permitted records to handle it.
 */
public sealed interface CimRequest permits GetClassRequest, EnumerateClassesRequest, EnumerateClassNamesRequest, CreateClassRequest, ModifyClassRequest,
        DeleteClassRequest, GetQualifierRequest, SetQualifierRequest, DeleteQualifierRequest, EnumerateQualifiersRequest,
        GetInstanceRequest, EnumerateInstancesRequest, EnumerateInstanceNamesRequest, CreateInstanceRequest,
        ModifyInstanceRequest, DeleteInstanceRequest, GetPropertyRequest, SetPropertyRequest, AssociatorsRequest,
        AssociatorNamesRequest, ReferencesRequest, ReferenceNamesRequest, ExecQueryRequest,
        OpenRequest, EnumerationContextRequest, InvokeMethodRequest, UnsupportedIntrinsicRequest {

    /** The DSP0200 names of the intrinsic operations modelled here, in DSP0200 order. */
    List<String> INTRINSIC_OPERATIONS = List.of(
            "GetClass", "EnumerateClasses", "EnumerateClassNames", "CreateClass", "ModifyClass", "DeleteClass",
            "GetQualifier", "SetQualifier", "DeleteQualifier", "EnumerateQualifiers",
            "GetInstance", "EnumerateInstances", "EnumerateInstanceNames", "CreateInstance", "ModifyInstance",
            "DeleteInstance", "GetProperty", "SetProperty",
            "Associators", "AssociatorNames", "References", "ReferenceNames", "ExecQuery",
            "OpenEnumerateInstances", "OpenEnumerateInstancePaths", "OpenAssociatorInstances",
            "OpenAssociatorInstancePaths", "OpenReferenceInstances", "OpenReferenceInstancePaths",
            "OpenQueryInstances", "PullInstancesWithPath", "PullInstancePaths", "PullInstances",
            "CloseEnumeration", "EnumerationCount");

    /** The target namespace ({@code LOCALNAMESPACEPATH}, or the namespace of the extrinsic call's path). */
    CimNamespace namespace();

    /** The exact DSP0200 operation name (e.g. {@code GetClass}); for extrinsic calls the method name. */
    String operationName();
}
