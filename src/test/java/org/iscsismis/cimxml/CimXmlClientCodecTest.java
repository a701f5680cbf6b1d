package org.iscsismis.cimxml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import org.iscsismis.cim.CimClass;
import org.iscsismis.cim.CimException;
import org.iscsismis.cim.CimFlavor;
import org.iscsismis.cim.CimName;
import org.iscsismis.cim.CimNamespace;
import org.iscsismis.cim.CimQualifierType;
import org.iscsismis.cim.CimScope;
import org.iscsismis.cim.CimStatus;
import org.iscsismis.cim.CimType;
import org.iscsismis.cim.CimValue;
import org.iscsismis.cim.ObjectPath;
import org.iscsismis.operation.CimRequest;
import org.iscsismis.operation.CreateClassRequest;
import org.iscsismis.operation.CreateInstanceRequest;
import org.iscsismis.operation.GetClassRequest;
import org.iscsismis.operation.GetQualifierRequest;
import org.iscsismis.operation.ModifyClassRequest;
import org.iscsismis.operation.SetQualifierRequest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/** The client codec's requests decode, with the server's reader, to the request records they came from. */
class CimXmlClientCodecTest {

    static final CimNamespace NS = CimNamespace.of("root/cimv2");
    static final CimClass CLASS = CimClass.builder("Acme_Widget").superClass("CIM_ManagedElement")
            .property("Weight", CimType.UINT32).build();

    static List<CimRequest> requests() {
        return List.of(
                GetClassRequest.builder(NS, CimName.of("Acme_Widget")).localOnly(false).includeClassOrigin(true).build(),
                new GetQualifierRequest(NS, CimName.of("Key")),
                new SetQualifierRequest(NS, new CimQualifierType(CimName.of("AcmeUnits"), CimType.STRING,
                        CimValue.nullOf(CimType.STRING), Set.of(CimScope.PROPERTY), CimFlavor.DEFAULT)),
                new CreateClassRequest(NS, CLASS),
                new ModifyClassRequest(NS, CLASS),
                new CreateInstanceRequest(NS, org.iscsismis.cim.CimInstance.builder("Acme_Widget")
                        .property("InstanceID", "acme:1").property("Weight", CimValue.ofUint32(250)).build()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("requests")
    void requestsRoundTripThroughTheServersReader(CimRequest request) throws Exception {
        byte[] body = new CimXmlClientCodec().encode(request, "7");
        ParsedRequest parsed = new CimXmlRequestReader().read(new ByteArrayInputStream(body), ReaderLimits.DEFAULT);
        assertEquals(request, parsed.request());
    }

    private static CimXmlClientCodec.Response decode(String inner) throws CimXmlException {
        String doc = "<?xml version=\"1.0\" encoding=\"utf-8\"?><CIM CIMVERSION=\"2.0\" DTDVERSION=\"2.0\">"
                + "<MESSAGE ID=\"7\" PROTOCOLVERSION=\"1.0\"><SIMPLERSP><IMETHODRESPONSE NAME=\"X\">" + inner
                + "</IMETHODRESPONSE></SIMPLERSP></MESSAGE></CIM>";
        return new CimXmlClientCodec().decode(new ByteArrayInputStream(doc.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void decodesErrors() {
        CimException e = assertThrows(CimException.class,
                () -> decode("<ERROR CODE=\"6\" DESCRIPTION=\"Class Acme_X does not exist\"/>"));
        assertEquals(CimStatus.NOT_FOUND, e.status());
        assertEquals("Class Acme_X does not exist", e.description());
    }

    @Test
    void decodesClassesQualifierDeclarationsAndInstanceNames() throws Exception {
        CimXmlClientCodec.Response r = decode("<IRETURNVALUE><CLASS NAME=\"Acme_Widget\" SUPERCLASS=\"CIM_ManagedElement\">"
                + "<PROPERTY NAME=\"Weight\" TYPE=\"uint32\" CLASSORIGIN=\"Acme_Widget\"></PROPERTY></CLASS>"
                + "<QUALIFIER.DECLARATION NAME=\"Key\" TYPE=\"boolean\" ISARRAY=\"false\" OVERRIDABLE=\"false\">"
                + "<SCOPE PROPERTY=\"true\" REFERENCE=\"true\"/><VALUE>false</VALUE></QUALIFIER.DECLARATION>"
                + "<INSTANCENAME CLASSNAME=\"Acme_Widget\"><KEYBINDING NAME=\"InstanceID\"><KEYVALUE VALUETYPE=\"string\">acme:1</KEYVALUE>"
                + "</KEYBINDING></INSTANCENAME></IRETURNVALUE>");
        assertEquals(3, r.returnValues().size());
        CimClass c = (CimClass) r.returnValues().get(0);
        assertEquals(CimName.of("Acme_Widget"), c.properties().get(0).classOrigin());
        CimQualifierType key = (CimQualifierType) r.returnValues().get(1);
        assertEquals(Set.of(CimScope.PROPERTY, CimScope.REFERENCE), key.scopes());
        assertEquals(ObjectPath.builder("Acme_Widget").key("InstanceID", "acme:1").build(), r.returnValues().get(2));
    }

    @Test
    void anEmptyReturnValueDecodesToNothing() throws Exception {
        assertEquals(List.of(), decode("").returnValues());
    }

    @Test
    void aBodyThatIsNoResponseIsRefused() {
        assertThrows(CimXmlException.class, () -> new CimXmlClientCodec().decode(
                new ByteArrayInputStream("<html/>".getBytes(StandardCharsets.UTF_8))));
    }
}
