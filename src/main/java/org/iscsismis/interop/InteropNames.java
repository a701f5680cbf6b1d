package org.iscsismis.interop;

import java.util.List;
import org.iscsismis.cim.CimName;
import org.iscsismis.cim.CimNamespace;

/** The interop namespace and the classes served there. */
public final class InteropNames {

    /** The interop namespace. */
    public static final CimNamespace NAMESPACE = CimNamespace.of("root/interop");

    public static final CimName COMPUTER_SYSTEM = CimName.of("MSFTSM_ComputerSystem");
    public static final CimName OBJECT_MANAGER = CimName.of("MSFTSM_ObjectManager");
    /** Served as the CIM class itself: Microsoft's own mechanism class describes WS-Management, which we do not speak. */
    public static final CimName CIMXML_MECHANISM = CimName.of("CIM_CIMXMLCommunicationMechanism");
    public static final CimName SOFTWARE_IDENTITY = CimName.of("MSFTSM_SoftwareIdentity");
    public static final CimName NAMESPACE_CLASS = CimName.of("MSFTSM_Namespace");
    /** Clients create namespaces as instances of the CIM class; they are answered as {@link #NAMESPACE_CLASS}. */
    public static final CimName CIM_NAMESPACE = CimName.of("CIM_Namespace");
    public static final CimName REGISTERED_PROFILE = CimName.of("MSFTSM_RegisteredProfile");
    public static final CimName REGISTERED_SUBPROFILE = CimName.of("MSFTSM_RegisteredSubProfile");

    public static final CimName HOSTED_SERVICE = CimName.of("MSFTSM_HostedService");
    public static final CimName COMM_MECHANISM_FOR_MANAGER = CimName.of("MSFTSM_CommMechanismForManager");
    public static final CimName ELEMENT_SOFTWARE_IDENTITY = CimName.of("MSFTSM_ElementSoftwareIdentity");
    public static final CimName NAMESPACE_IN_MANAGER = CimName.of("MSFTSM_NamespaceInManager");
    public static final CimName REFERENCED_PROFILE = CimName.of("MSFTSM_ReferencedProfile");
    public static final CimName SUBPROFILE_REQUIRES_PROFILE = CimName.of("MSFTSM_SubProfileRequiresProfile");
    public static final CimName ELEMENT_CONFORMS_TO_PROFILE = CimName.of("MSFTSM_ElementConformsToProfile");
    /** The same conformance links, served in the namespace of the conforming elements (the way back). */
    public static final CimName ELEMENT_CONFORMS_TO_PROFILE_EX = CimName.of("MSFTSM_ElementConformsToProfileEx");

    /** Every class served in {@link #NAMESPACE}: a schema lacking one cannot have the interop providers. */
    public static final List<CimName> CLASSES = List.of(COMPUTER_SYSTEM, OBJECT_MANAGER, CIMXML_MECHANISM, SOFTWARE_IDENTITY,
            NAMESPACE_CLASS, CIM_NAMESPACE, REGISTERED_PROFILE, REGISTERED_SUBPROFILE, HOSTED_SERVICE, COMM_MECHANISM_FOR_MANAGER,
            ELEMENT_SOFTWARE_IDENTITY, NAMESPACE_IN_MANAGER, REFERENCED_PROFILE, SUBPROFILE_REQUIRES_PROFILE,
            ELEMENT_CONFORMS_TO_PROFILE);

    private InteropNames() {
    }
}
