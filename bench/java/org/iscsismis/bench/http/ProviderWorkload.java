package org.iscsismis.bench.http;

/**
 * Request bodies for the provider rows of the driver (in-process server only): operations on the test
 * storage model of {@link InProcessServer} in root/cimv2, and EnumerateInstances of
 * MSISCSITARGET_StorageSynchronized in root/cimv2/storage/iscsitarget.
 */
final class ProviderWorkload {
    static final String STORAGE_NS = "root/cimv2";
    static final String TARGET_NS = "root/cimv2/storage/iscsitarget";
    static final String SYNCHRONIZED = "MSISCSITARGET_StorageSynchronized";

    private ProviderWorkload() {
    }

    /** Pool P1 has two disks (D1, D2) through Test_DiskInPool, an association provider. */
    static String associatorNamesBody() {
        return intrinsic(STORAGE_NS, "AssociatorNames", objectName("Test_Pool", "P1") + assocClass());
    }

    static String associatorsBody() {
        return intrinsic(STORAGE_NS, "Associators", objectName("Test_Pool", "P1") + assocClass()
                + bool("IncludeQualifiers", false) + bool("IncludeClassOrigin", false));
    }

    /** Test_Disk is served by a provider (DiskProvider). */
    static String getDiskBody(String id) {
        return intrinsic(STORAGE_NS, "GetInstance", "<IPARAMVALUE NAME=\"InstanceName\">" + instanceName("Test_Disk", id)
                + "</IPARAMVALUE>" + bool("LocalOnly", false) + bool("IncludeQualifiers", false) + bool("IncludeClassOrigin", false));
    }

    /** The static method Test_Disk.Count(): a provider call that only counts a map. */
    static String countMethodBody() {
        return header() + "<SIMPLEREQ><METHODCALL NAME=\"Count\"><LOCALCLASSPATH>" + localNamespace(STORAGE_NS)
                + "<CLASSNAME NAME=\"Test_Disk\"/></LOCALCLASSPATH></METHODCALL></SIMPLEREQ></MESSAGE></CIM>";
    }

    static String countMethodObject() {
        return STORAGE_NS + ":Test_Disk";
    }

    static String enumerateSynchronizedBody() {
        return intrinsic(TARGET_NS, "EnumerateInstances", "<IPARAMVALUE NAME=\"ClassName\"><CLASSNAME NAME=\"" + SYNCHRONIZED
                + "\"/></IPARAMVALUE>" + bool("LocalOnly", false) + bool("DeepInheritance", true)
                + bool("IncludeQualifiers", false) + bool("IncludeClassOrigin", false));
    }

    private static String objectName(String className, String id) {
        return "<IPARAMVALUE NAME=\"ObjectName\">" + instanceName(className, id) + "</IPARAMVALUE>";
    }

    private static String assocClass() {
        return "<IPARAMVALUE NAME=\"AssocClass\"><CLASSNAME NAME=\"Test_DiskInPool\"/></IPARAMVALUE>";
    }

    private static String instanceName(String className, String id) {
        return "<INSTANCENAME CLASSNAME=\"" + className + "\"><KEYBINDING NAME=\"Id\"><KEYVALUE VALUETYPE=\"string\">" + id
                + "</KEYVALUE></KEYBINDING></INSTANCENAME>";
    }

    private static String bool(String name, boolean value) {
        return "<IPARAMVALUE NAME=\"" + name + "\"><VALUE>" + (value ? "TRUE" : "FALSE") + "</VALUE></IPARAMVALUE>";
    }

    private static String intrinsic(String namespace, String method, String params) {
        return header() + "<SIMPLEREQ><IMETHODCALL NAME=\"" + method + "\">" + localNamespace(namespace) + params
                + "</IMETHODCALL></SIMPLEREQ></MESSAGE></CIM>";
    }

    private static String header() {
        return "<?xml version=\"1.0\" encoding=\"utf-8\" ?><CIM CIMVERSION=\"2.0\" DTDVERSION=\"2.0\">"
                + "<MESSAGE ID=\"1001\" PROTOCOLVERSION=\"1.0\">";
    }

    private static String localNamespace(String namespace) {
        StringBuilder sb = new StringBuilder("<LOCALNAMESPACEPATH>");
        for (String part : namespace.split("/")) sb.append("<NAMESPACE NAME=\"").append(part).append("\"/>");
        return sb.append("</LOCALNAMESPACEPATH>").toString();
    }
}
