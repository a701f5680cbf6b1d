package org.iscsismis.cimxml;

import static org.iscsismis.cimxml.CimXmlRequestReaderTest.INSTNAME;
import static org.iscsismis.cimxml.CimXmlRequestReaderTest.NS;
import static org.iscsismis.cimxml.CimXmlRequestReaderTest.call;
import static org.iscsismis.cimxml.CimXmlRequestReaderTest.p;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.iscsismis.cim.CimInstance;
import org.iscsismis.cim.CimName;
import org.iscsismis.cim.CimNamespace;
import org.iscsismis.cim.ObjectPath;
import org.iscsismis.operation.CimRequest;
import org.iscsismis.operation.CreateInstanceRequest;
import org.iscsismis.operation.InvokeMethodRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A namespace known under two names is resolved where the request is parsed: whatever the operation, the request
 * record and every path in it carry the canonical name only, while the message keeps the name the client wrote
 * (which its CIMObject header must repeat). Here {@code cimv2} is another name of {@code root/cimv2}.
 */
class CimXmlNamespaceAliasTest {

    static final CimNamespace ALIAS = CimNamespace.of("cimv2");
    static final CimXmlRequestReader READER = new CimXmlRequestReader(ns -> ns.equals(ALIAS) ? NS : ns);
    static final String WRITTEN_AS_ALIAS = "<LOCALNAMESPACEPATH><NAMESPACE NAME=\"cimv2\"/></LOCALNAMESPACEPATH>";

    static ParsedRequest read(String body) throws CimXmlException {
        return READER.read(new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)), ReaderLimits.DEFAULT);
    }

    static String viaAlias(String body) {
        return body.replace("<LOCALNAMESPACEPATH><NAMESPACE NAME=\"root\"/><NAMESPACE NAME=\"cimv2\"/></LOCALNAMESPACEPATH>", WRITTEN_AS_ALIAS);
    }

    /** The table of every intrinsic operation ({@code tableCoversEveryIntrinsicOperation} keeps it complete). */
    static Stream<Arguments> operations() {
        return CimXmlRequestReaderTest.operations();
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("operations")
    void everyOperationAddressedByTheOtherNameIsTheSameRequest(String op, String params, CimRequest expected) throws Exception {
        ParsedRequest r = read(viaAlias(call(op, params)));
        assertNull(r.error(), () -> "unexpected error " + r.error());
        assertEquals(expected, r.request());
        assertEquals(NS, r.request().namespace());
        assertEquals(ALIAS, r.namespace(), "the message keeps the name as written");
    }

    @Test
    void pathsInsideParametersAreReadAsTheCanonicalNameToo() throws Exception {
        String ref = "<VALUE.REFERENCE><LOCALINSTANCEPATH>" + WRITTEN_AS_ALIAS + INSTNAME + "</LOCALINSTANCEPATH></VALUE.REFERENCE>";
        String instance = "<INSTANCE CLASSNAME=\"CIM_Link\"><PROPERTY.REFERENCE NAME=\"To\" REFERENCECLASS=\"CIM_Foo\">" + ref
                + "</PROPERTY.REFERENCE></INSTANCE>";
        CimRequest r = read(viaAlias(call("CreateInstance", p("NewInstance", instance)))).request();
        CimInstance created = ((CreateInstanceRequest) r).newInstance();
        assertEquals(NS, ((ObjectPath) created.value("To").value()).namespace());
    }

    @Test
    void anExtrinsicCallIsMadeOnTheCanonicalPath() throws Exception {
        String keyRef = "<INSTANCENAME CLASSNAME=\"CIM_Link\"><KEYBINDING NAME=\"To\"><VALUE.REFERENCE><LOCALINSTANCEPATH>"
                + WRITTEN_AS_ALIAS + INSTNAME + "</LOCALINSTANCEPATH></VALUE.REFERENCE></KEYBINDING></INSTANCENAME>";
        String body = "<?xml version=\"1.0\" encoding=\"utf-8\" ?><CIM CIMVERSION=\"2.0\" DTDVERSION=\"2.0\">"
                + "<MESSAGE ID=\"7\" PROTOCOLVERSION=\"1.0\"><SIMPLEREQ><METHODCALL NAME=\"Touch\"><LOCALINSTANCEPATH>" + WRITTEN_AS_ALIAS
                + keyRef + "</LOCALINSTANCEPATH><PARAMVALUE NAME=\"Other\" PARAMTYPE=\"reference\"><VALUE.REFERENCE><LOCALINSTANCEPATH>"
                + WRITTEN_AS_ALIAS + INSTNAME + "</LOCALINSTANCEPATH></VALUE.REFERENCE></PARAMVALUE></METHODCALL></SIMPLEREQ></MESSAGE></CIM>";
        ParsedRequest parsed = read(body);
        InvokeMethodRequest call = (InvokeMethodRequest) parsed.request();
        assertEquals(NS, call.namespace());
        assertEquals(NS, call.objectName().namespace());
        assertEquals(NS, ((ObjectPath) call.objectName().key("To").value()).namespace());
        assertEquals(NS, ((ObjectPath) call.parameters().get(0).value().value()).namespace());
        assertEquals(ALIAS, parsed.namespace());
        assertEquals(ALIAS, parsed.objectPath().namespace(), "as written, for the CIMObject header");
        assertEquals(ALIAS, ((ObjectPath) parsed.objectPath().key("To").value()).namespace());
        assertEquals(CimName.of("Touch"), call.methodName());
    }
}
