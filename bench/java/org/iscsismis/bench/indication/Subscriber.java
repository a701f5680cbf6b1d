package org.iscsismis.bench.indication;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;

/** Creates and deletes the benchmark's filter, destinations and subscriptions over raw CIM-XML. */
final class Subscriber {

    private static final String INTEROP = "<LOCALNAMESPACEPATH><NAMESPACE NAME=\"root\"/><NAMESPACE NAME=\"interop\"/></LOCALNAMESPACEPATH>";
    private static final String KEYS = "<KEYBINDING NAME=\"SystemCreationClassName\"><KEYVALUE>MSFTSM_ComputerSystem</KEYVALUE></KEYBINDING>"
            + "<KEYBINDING NAME=\"SystemName\"><KEYVALUE>iscsi-smis</KEYVALUE></KEYBINDING>";

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final URI cimom;

    Subscriber(URI cimom) {
        this.cimom = cimom;
    }

    void filter() throws Exception {
        call("CreateInstance", "<IPARAMVALUE NAME=\"NewInstance\"><INSTANCE CLASSNAME=\"CIM_IndicationFilter\">"
                + property("Name", "bench") + property("QueryLanguage", "WQL")
                + property("Query", "SELECT * FROM CIM_InstModification WHERE SourceInstance ISA CIM_RegisteredProfile")
                + property("SourceNamespace", "root/cimv2") + "</INSTANCE></IPARAMVALUE>");
    }

    /** A destination named {@code name} for {@code listener} and its subscription to the filter; answers the name. */
    String subscribe(String name, URI listener) throws Exception {
        call("CreateInstance", "<IPARAMVALUE NAME=\"NewInstance\"><INSTANCE CLASSNAME=\"CIM_ListenerDestinationCIMXML\">"
                + property("Name", name) + property("Destination", listener.toString()) + "</INSTANCE></IPARAMVALUE>");
        call("CreateInstance", "<IPARAMVALUE NAME=\"NewInstance\"><INSTANCE CLASSNAME=\"CIM_IndicationSubscription\">"
                + reference("Filter", "CIM_IndicationFilter", "bench") + reference("Handler", "CIM_ListenerDestinationCIMXML", name)
                + "</INSTANCE></IPARAMVALUE>");
        return name;
    }

    void unsubscribe(String name) throws Exception {
        call("DeleteInstance", "<IPARAMVALUE NAME=\"InstanceName\"><INSTANCENAME CLASSNAME=\"CIM_IndicationSubscription\">"
                + "<KEYBINDING NAME=\"Filter\">" + ref("CIM_IndicationFilter", "bench") + "</KEYBINDING>"
                + "<KEYBINDING NAME=\"Handler\">" + ref("CIM_ListenerDestinationCIMXML", name) + "</KEYBINDING></INSTANCENAME></IPARAMVALUE>");
        call("DeleteInstance", "<IPARAMVALUE NAME=\"InstanceName\">" + name("CIM_ListenerDestinationCIMXML", name) + "</IPARAMVALUE>");
    }

    private static String property(String name, String value) {
        return "<PROPERTY NAME=\"" + name + "\" TYPE=\"string\"><VALUE>" + value + "</VALUE></PROPERTY>";
    }

    private static String name(String cls, String name) {
        return "<INSTANCENAME CLASSNAME=\"" + cls + "\">" + KEYS + "<KEYBINDING NAME=\"CreationClassName\"><KEYVALUE>" + cls
                + "</KEYVALUE></KEYBINDING><KEYBINDING NAME=\"Name\"><KEYVALUE>" + name + "</KEYVALUE></KEYBINDING></INSTANCENAME>";
    }

    private static String ref(String cls, String name) {
        return "<VALUE.REFERENCE><LOCALINSTANCEPATH>" + INTEROP + name(cls, name) + "</LOCALINSTANCEPATH></VALUE.REFERENCE>";
    }

    private static String reference(String role, String cls, String name) {
        return "<PROPERTY.REFERENCE NAME=\"" + role + "\" REFERENCECLASS=\"" + cls + "\">" + ref(cls, name) + "</PROPERTY.REFERENCE>";
    }

    private void call(String method, String params) throws Exception {
        String body = "<?xml version=\"1.0\" encoding=\"utf-8\"?><CIM CIMVERSION=\"2.0\" DTDVERSION=\"2.0\"><MESSAGE ID=\"1\" "
                + "PROTOCOLVERSION=\"1.0\"><SIMPLEREQ><IMETHODCALL NAME=\"" + method + "\">" + INTEROP + params
                + "</IMETHODCALL></SIMPLEREQ></MESSAGE></CIM>";
        HttpResponse<String> r = http.send(IndicationBench.request(cimom, method, "root%2Finterop", body), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200 || r.body().contains("<ERROR")) {
            throw new IllegalStateException(method + " failed: " + r.body());
        }
    }
}
