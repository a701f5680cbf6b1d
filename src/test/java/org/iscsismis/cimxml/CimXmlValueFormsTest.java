package org.iscsismis.cimxml;

import static org.iscsismis.cimxml.CimXmlRequestReaderTest.NS;
import static org.iscsismis.cimxml.CimXmlRequestReaderTest.call;
import static org.iscsismis.cimxml.CimXmlRequestReaderTest.p;
import static org.iscsismis.cimxml.CimXmlRequestReaderTest.read;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.List;
import org.iscsismis.cim.CimClass;
import org.iscsismis.cim.CimDateTime;
import org.iscsismis.cim.CimInstance;
import org.iscsismis.cim.CimMethod;
import org.iscsismis.cim.CimName;
import org.iscsismis.cim.CimNamespace;
import org.iscsismis.cim.CimProperty;
import org.iscsismis.cim.CimQualifierType;
import org.iscsismis.cim.CimScope;
import org.iscsismis.cim.CimStatus;
import org.iscsismis.cim.CimType;
import org.iscsismis.cim.CimValue;
import org.iscsismis.cim.ObjectPath;
import org.iscsismis.operation.CreateClassRequest;
import org.iscsismis.operation.CreateInstanceRequest;
import org.iscsismis.operation.GetInstanceRequest;
import org.iscsismis.operation.InvokeMethodRequest;
import org.iscsismis.operation.ParamValue;
import org.iscsismis.operation.SetPropertyRequest;
import org.iscsismis.operation.SetQualifierRequest;
import org.junit.jupiter.api.Test;

/** Every DSP0201 value form, embedded objects, and extrinsic calls. */
class CimXmlValueFormsTest {

    private static CimInstance created(String instanceXml) throws Exception {
        ParsedRequest r = read(call("CreateInstance", p("NewInstance", instanceXml)));
        assertNull(r.error(), () -> String.valueOf(r.error()));
        return ((CreateInstanceRequest) r.request()).newInstance();
    }

    private static ObjectPath instanceName(String xml) throws Exception {
        ParsedRequest r = read(call("GetInstance", p("InstanceName", xml)));
        assertNull(r.error(), () -> String.valueOf(r.error()));
        return ((GetInstanceRequest) r.request()).instanceName();
    }

    @Test
    void scalarPropertiesOfEveryType() throws Exception {
        CimInstance i = created("<INSTANCE CLASSNAME=\"T\">"
                + "<PROPERTY NAME=\"b\" TYPE=\"boolean\"><VALUE>true</VALUE></PROPERTY>"
                + "<PROPERTY NAME=\"s\" TYPE=\"string\"><VALUE> a &lt;&amp;&gt; b </VALUE></PROPERTY>"
                + "<PROPERTY NAME=\"c\" TYPE=\"char16\"><VALUE>x</VALUE></PROPERTY>"
                + "<PROPERTY NAME=\"u8\" TYPE=\"uint8\"><VALUE>255</VALUE></PROPERTY>"
                + "<PROPERTY NAME=\"s8\" TYPE=\"sint8\"><VALUE>-128</VALUE></PROPERTY>"
                + "<PROPERTY NAME=\"u16\" TYPE=\"uint16\"><VALUE>0x10</VALUE></PROPERTY>"
                + "<PROPERTY NAME=\"s16\" TYPE=\"sint16\"><VALUE>-300</VALUE></PROPERTY>"
                + "<PROPERTY NAME=\"u32\" TYPE=\"uint32\"><VALUE>4294967295</VALUE></PROPERTY>"
                + "<PROPERTY NAME=\"s32\" TYPE=\"sint32\"><VALUE>-5</VALUE></PROPERTY>"
                + "<PROPERTY NAME=\"u64\" TYPE=\"uint64\"><VALUE>18446744073709551615</VALUE></PROPERTY>"
                + "<PROPERTY NAME=\"s64\" TYPE=\"sint64\"><VALUE>-9223372036854775808</VALUE></PROPERTY>"
                + "<PROPERTY NAME=\"r32\" TYPE=\"real32\"><VALUE>1.5</VALUE></PROPERTY>"
                + "<PROPERTY NAME=\"r64\" TYPE=\"real64\"><VALUE>-2.5E10</VALUE></PROPERTY>"
                + "<PROPERTY NAME=\"dt\" TYPE=\"datetime\"><VALUE>20261125114630.000000+000</VALUE></PROPERTY>"
                + "<PROPERTY NAME=\"n\" TYPE=\"string\"/>"
                + "<PROPERTY NAME=\"cd\" TYPE=\"string\"><VALUE><![CDATA[<x>]]></VALUE></PROPERTY>"
                + "</INSTANCE>");
        assertEquals(CimValue.ofBoolean(true), i.value("b"));
        assertEquals(CimValue.ofString(" a <&> b "), i.value("s"));
        assertEquals(CimValue.ofChar16('x'), i.value("c"));
        assertEquals(CimValue.ofUint8(255), i.value("u8"));
        assertEquals(CimValue.ofSint8(-128), i.value("s8"));
        assertEquals(CimValue.ofUint16(16), i.value("u16"));
        assertEquals(CimValue.ofSint16(-300), i.value("s16"));
        assertEquals(CimValue.ofUint32(4294967295L), i.value("u32"));
        assertEquals(CimValue.ofSint32(-5), i.value("s32"));
        assertEquals(CimValue.ofUint64(new BigInteger("18446744073709551615")), i.value("u64"));
        assertEquals(CimValue.ofSint64(Long.MIN_VALUE), i.value("s64"));
        assertEquals(CimValue.ofReal32(1.5f), i.value("r32"));
        assertEquals(CimValue.ofReal64(-2.5e10), i.value("r64"));
        assertEquals(CimValue.ofDateTime(CimDateTime.parse("20261125114630.000000+000")), i.value("dt"));
        assertEquals(CimValue.nullOf(CimType.STRING), i.value("n"));
        assertEquals(CimValue.ofString("<x>"), i.value("cd"));
    }

    @Test
    void arraysReferencesAndOrigins() throws Exception {
        CimInstance i = created("<INSTANCE CLASSNAME=\"T\">"
                + "<PROPERTY.ARRAY NAME=\"a\" TYPE=\"uint16\" ARRAYSIZE=\"3\" CLASSORIGIN=\"Base\" PROPAGATED=\"true\">"
                + "<VALUE.ARRAY><VALUE>1</VALUE><VALUE.NULL/><VALUE>3</VALUE></VALUE.ARRAY></PROPERTY.ARRAY>"
                + "<PROPERTY.ARRAY NAME=\"e\" TYPE=\"string\"><VALUE.ARRAY/></PROPERTY.ARRAY>"
                + "<PROPERTY.ARRAY NAME=\"n\" TYPE=\"string\"/>"
                + "<PROPERTY.REFERENCE NAME=\"r\" REFERENCECLASS=\"CIM_Foo\"><VALUE.REFERENCE><INSTANCEPATH><NAMESPACEPATH><HOST>h:5989</HOST>"
                + "<LOCALNAMESPACEPATH><NAMESPACE NAME=\"root\"/><NAMESPACE NAME=\"interop\"/></LOCALNAMESPACEPATH></NAMESPACEPATH>"
                + "<INSTANCENAME CLASSNAME=\"CIM_Foo\"><KEYBINDING NAME=\"Id\"><KEYVALUE>x</KEYVALUE></KEYBINDING></INSTANCENAME></INSTANCEPATH>"
                + "</VALUE.REFERENCE></PROPERTY.REFERENCE>"
                + "<PROPERTY.REFERENCE NAME=\"nr\"/>"
                + "</INSTANCE>");
        CimProperty a = i.property("a");
        assertEquals(CimValue.of(CimType.arrayOf(CimType.Kind.UINT16), Arrays.asList(1, null, 3)), a.value());
        assertEquals(CimName.of("Base"), a.classOrigin());
        assertTrue(a.propagated());
        assertEquals(List.of(), i.value("e").values());
        assertTrue(i.value("n").isNull() && i.value("n").isArray());
        ObjectPath r = i.value("r").asReference();
        assertEquals("h:5989", r.host());
        assertEquals(CimNamespace.of("root/interop"), r.namespace());
        assertEquals(ObjectPath.builder("CIM_Foo").namespace("root/interop").key("Id", "x").build(), r);
        assertEquals(CimName.of("CIM_Foo"), i.property("r").type().referenceClass());
        assertTrue(i.value("nr").isNull());
    }

    @Test
    void everyReferenceForm() throws Exception {
        String keys = "<KEYBINDING NAME=\"Id\"><KEYVALUE>x</KEYVALUE></KEYBINDING>";
        String[] forms = {
            "<CLASSPATH><NAMESPACEPATH><HOST>h</HOST><LOCALNAMESPACEPATH><NAMESPACE NAME=\"a\"/></LOCALNAMESPACEPATH></NAMESPACEPATH><CLASSNAME NAME=\"C\"/></CLASSPATH>",
            "<LOCALCLASSPATH><LOCALNAMESPACEPATH><NAMESPACE NAME=\"a\"/></LOCALNAMESPACEPATH><CLASSNAME NAME=\"C\"/></LOCALCLASSPATH>",
            "<CLASSNAME NAME=\"C\"/>",
            "<INSTANCEPATH><NAMESPACEPATH><HOST>h</HOST><LOCALNAMESPACEPATH><NAMESPACE NAME=\"a\"/></LOCALNAMESPACEPATH></NAMESPACEPATH><INSTANCENAME CLASSNAME=\"C\">" + keys + "</INSTANCENAME></INSTANCEPATH>",
            "<LOCALINSTANCEPATH><LOCALNAMESPACEPATH><NAMESPACE NAME=\"a\"/></LOCALNAMESPACEPATH><INSTANCENAME CLASSNAME=\"C\">" + keys + "</INSTANCENAME></LOCALINSTANCEPATH>",
            "<INSTANCENAME CLASSNAME=\"C\">" + keys + "</INSTANCENAME>"};
        ObjectPath[] expected = {
            ObjectPath.of("h", CimNamespace.of("a"), CimName.of("C"), List.of()),
            ObjectPath.forClass(CimNamespace.of("a"), CimName.of("C")),
            ObjectPath.forClass(null, CimName.of("C")),
            ObjectPath.builder("C").host("h").namespace("a").key("Id", "x").build(),
            ObjectPath.builder("C").namespace("a").key("Id", "x").build(),
            ObjectPath.builder("C").key("Id", "x").build()};
        for (int k = 0; k < forms.length; k++) {
            CimInstance i = created("<INSTANCE CLASSNAME=\"T\"><PROPERTY.REFERENCE NAME=\"r\"><VALUE.REFERENCE>" + forms[k]
                    + "</VALUE.REFERENCE></PROPERTY.REFERENCE></INSTANCE>");
            ObjectPath got = i.value("r").asReference();
            assertEquals(expected[k], got, forms[k]);
            assertEquals(expected[k].host(), got.host(), forms[k]);
        }
    }

    @Test
    void keyValuesTypedAndUntyped() throws Exception {
        ObjectPath p = instanceName("<INSTANCENAME CLASSNAME=\"C\">"
                + "<KEYBINDING NAME=\"s\"><KEYVALUE VALUETYPE=\"string\">abc</KEYVALUE></KEYBINDING>"
                + "<KEYBINDING NAME=\"d\"><KEYVALUE>def</KEYVALUE></KEYBINDING>"
                + "<KEYBINDING NAME=\"b\"><KEYVALUE VALUETYPE=\"boolean\">TRUE</KEYVALUE></KEYBINDING>"
                + "<KEYBINDING NAME=\"neg\"><KEYVALUE VALUETYPE=\"numeric\">-12</KEYVALUE></KEYBINDING>"
                + "<KEYBINDING NAME=\"pos\"><KEYVALUE VALUETYPE=\"numeric\">12</KEYVALUE></KEYBINDING>"
                + "<KEYBINDING NAME=\"big\"><KEYVALUE VALUETYPE=\"numeric\">18446744073709551615</KEYVALUE></KEYBINDING>"
                + "<KEYBINDING NAME=\"real\"><KEYVALUE VALUETYPE=\"numeric\">1.25</KEYVALUE></KEYBINDING>"
                + "<KEYBINDING NAME=\"typed\"><KEYVALUE VALUETYPE=\"numeric\" TYPE=\"uint8\">7</KEYVALUE></KEYBINDING>"
                + "<KEYBINDING NAME=\"dt\"><KEYVALUE VALUETYPE=\"string\" TYPE=\"datetime\">00000001020304.000000:000</KEYVALUE></KEYBINDING>"
                + "<KEYBINDING NAME=\"ref\"><VALUE.REFERENCE><INSTANCENAME CLASSNAME=\"D\"><KEYBINDING NAME=\"k\"><KEYVALUE>v</KEYVALUE></KEYBINDING></INSTANCENAME></VALUE.REFERENCE></KEYBINDING>"
                + "</INSTANCENAME>");
        assertEquals(CimValue.ofString("abc"), p.key("s"));
        assertEquals(CimValue.ofString("def"), p.key("d"));
        assertEquals(CimValue.ofBoolean(true), p.key("b"));
        assertEquals(CimValue.ofSint64(-12), p.key("neg"));
        assertEquals(CimValue.ofUint64(12), p.key("pos"));
        assertEquals(CimValue.ofUint64(new BigInteger("18446744073709551615")), p.key("big"));
        assertEquals(CimValue.ofReal64(1.25), p.key("real"));
        assertEquals(CimValue.ofUint8(7), p.key("typed"));
        assertEquals(CimType.DATETIME, p.key("dt").type());
        assertEquals(ObjectPath.builder("D").key("k", "v").build(), p.key("ref").asReference());
        // an untyped numeric key equals the same key declared with its real width
        assertEquals(ObjectPath.builder("C").key("pos", CimValue.ofUint16(12)).build().canonical(),
                instanceName("<INSTANCENAME CLASSNAME=\"C\"><KEYBINDING NAME=\"pos\"><KEYVALUE VALUETYPE=\"numeric\">12</KEYVALUE></KEYBINDING></INSTANCENAME>").canonical());
    }

    @Test
    void badKeyValuesAreInvalidParameters() throws Exception {
        ParsedRequest r = read(call("GetInstance", p("InstanceName", "<INSTANCENAME CLASSNAME=\"C\"><KEYBINDING NAME=\"n\">"
                + "<KEYVALUE VALUETYPE=\"numeric\">twelve</KEYVALUE></KEYBINDING></INSTANCENAME>")));
        assertEquals(CimStatus.INVALID_PARAMETER, r.error().status());
        assertTrue(r.error().getMessage().contains("twelve"));
        r = read(call("GetInstance", p("InstanceName", "<INSTANCENAME CLASSNAME=\"C\"><KEYVALUE>x</KEYVALUE></INSTANCENAME>")));
        assertEquals(CimStatus.INVALID_PARAMETER, r.error().status());
    }

    static final String EMBEDDED_INSTANCE_TEXT = "&lt;INSTANCE CLASSNAME=&quot;CIM_ReplicationSettingData&quot;&gt;"
            + "&lt;PROPERTY NAME=&quot;ConsistentPointInTime&quot; TYPE=&quot;boolean&quot;&gt;&lt;VALUE&gt;TRUE&lt;/VALUE&gt;&lt;/PROPERTY&gt;"
            + "&lt;/INSTANCE&gt;";
    static final CimInstance EMBEDDED = CimInstance.builder("CIM_ReplicationSettingData")
            .property("ConsistentPointInTime", CimValue.ofBoolean(true)).build();

    @Test
    void embeddedInstancesByAttributeQualifierAndCdata() throws Exception {
        CimInstance i = created("<INSTANCE CLASSNAME=\"T\">"
                + "<PROPERTY NAME=\"a\" TYPE=\"string\" EmbeddedObject=\"instance\"><VALUE>" + EMBEDDED_INSTANCE_TEXT + "</VALUE></PROPERTY>"
                + "<PROPERTY NAME=\"q\" TYPE=\"string\"><QUALIFIER NAME=\"EmbeddedInstance\" TYPE=\"string\"><VALUE>CIM_ReplicationSettingData</VALUE></QUALIFIER>"
                + "<VALUE>" + EMBEDDED_INSTANCE_TEXT + "</VALUE></PROPERTY>"
                + "<PROPERTY NAME=\"cd\" TYPE=\"string\" EMBEDDEDOBJECT=\"object\"><VALUE><![CDATA[<INSTANCE CLASSNAME=\"X\"/>]]></VALUE></PROPERTY>"
                + "<PROPERTY NAME=\"cls\" TYPE=\"string\" EmbeddedObject=\"object\"><VALUE>&lt;CLASS NAME=&quot;K&quot;/&gt;</VALUE></PROPERTY>"
                + "<PROPERTY.ARRAY NAME=\"arr\" TYPE=\"string\" EmbeddedObject=\"instance\"><VALUE.ARRAY><VALUE>" + EMBEDDED_INSTANCE_TEXT
                + "</VALUE><VALUE.NULL/></VALUE.ARRAY></PROPERTY.ARRAY>"
                + "</INSTANCE>");
        assertEquals(CimValue.ofEmbeddedInstance(EMBEDDED), i.value("a"));
        assertEquals(CimType.INSTANCE, i.property("a").type());
        assertEquals(EMBEDDED, i.value("q").value());
        assertEquals(CimInstance.builder("X").build(), i.value("cd").value());
        assertEquals(CimType.OBJECT, i.property("cd").type());
        assertEquals(CimClass.builder("K").build(), i.value("cls").value());
        assertEquals(Arrays.asList(EMBEDDED, null), i.value("arr").values());
    }

    @Test
    void brokenEmbeddedInstanceIsInvalidParameter() throws Exception {
        ParsedRequest r = read(call("CreateInstance", p("NewInstance", "<INSTANCE CLASSNAME=\"T\">"
                + "<PROPERTY NAME=\"a\" TYPE=\"string\" EmbeddedObject=\"instance\"><VALUE>&lt;INSTANCE</VALUE></PROPERTY></INSTANCE>")));
        assertEquals(CimStatus.INVALID_PARAMETER, r.error().status());
        r = read(call("CreateInstance", p("NewInstance", "<INSTANCE CLASSNAME=\"T\">"
                + "<PROPERTY NAME=\"a\" TYPE=\"string\" EmbeddedObject=\"instance\"><VALUE>&lt;CLASS NAME=\"X\"/&gt;</VALUE></PROPERTY></INSTANCE>")));
        assertEquals(CimStatus.INVALID_PARAMETER, r.error().status());
    }

    @Test
    void classWithMethodsParametersAndQualifiers() throws Exception {
        ParsedRequest r = read(call("CreateClass", p("NewClass", "<CLASS NAME=\"CIM_Svc\">"
                + "<QUALIFIER NAME=\"Description\" TYPE=\"string\" TRANSLATABLE=\"true\"><VALUE>d</VALUE></QUALIFIER>"
                + "<QUALIFIER NAME=\"Values\" TYPE=\"string\"><VALUE.ARRAY><VALUE>a</VALUE><VALUE>b</VALUE></VALUE.ARRAY></QUALIFIER>"
                + "<PROPERTY NAME=\"Name\" TYPE=\"string\" CLASSORIGIN=\"CIM_Svc\"><QUALIFIER NAME=\"Key\" TYPE=\"boolean\"><VALUE>TRUE</VALUE></QUALIFIER></PROPERTY>"
                + "<PROPERTY.ARRAY NAME=\"Codes\" TYPE=\"uint16\" ARRAYSIZE=\"4\"/>"
                + "<PROPERTY.REFERENCE NAME=\"Peer\" REFERENCECLASS=\"CIM_Svc\"/>"
                + "<METHOD NAME=\"Start\" TYPE=\"uint32\" CLASSORIGIN=\"CIM_Svc\">"
                + "<QUALIFIER NAME=\"Static\" TYPE=\"boolean\"><VALUE>TRUE</VALUE></QUALIFIER>"
                + "<PARAMETER NAME=\"Mode\" TYPE=\"uint16\"><QUALIFIER NAME=\"In\" TYPE=\"boolean\"><VALUE>TRUE</VALUE></QUALIFIER></PARAMETER>"
                + "<PARAMETER.REFERENCE NAME=\"Job\" REFERENCECLASS=\"CIM_ConcreteJob\"><QUALIFIER NAME=\"Out\" TYPE=\"boolean\"><VALUE>TRUE</VALUE></QUALIFIER></PARAMETER.REFERENCE>"
                + "<PARAMETER.ARRAY NAME=\"Names\" TYPE=\"string\" ARRAYSIZE=\"2\"/>"
                + "<PARAMETER.REFARRAY NAME=\"Elements\" REFERENCECLASS=\"CIM_ManagedElement\"/>"
                + "<PARAMETER NAME=\"Settings\" TYPE=\"string\"><QUALIFIER NAME=\"EmbeddedInstance\" TYPE=\"string\"><VALUE>CIM_SettingData</VALUE></QUALIFIER></PARAMETER>"
                + "</METHOD><METHOD NAME=\"Stop\"/></CLASS>")));
        CimClass c = ((CreateClassRequest) r.request()).newClass();
        assertTrue(c.qualifier("Description").flavor().translatable());
        assertEquals(CimValue.ofStrings(List.of("a", "b")), c.qualifier("Values").value());
        assertEquals(List.of(CimName.of("Name")), c.keyNames());
        assertEquals(CimName.of("CIM_Svc"), c.property("Name").classOrigin());
        assertEquals(CimType.arrayOf(CimType.Kind.UINT16), c.property("Codes").type());
        assertEquals(CimType.reference(CimName.of("CIM_Svc")), c.property("Peer").type());
        CimMethod m = c.method("Start");
        assertEquals(CimType.UINT32, m.returnType());
        assertEquals(CimType.UINT16, m.parameter("Mode").type());
        assertTrue(m.parameter("Job").isOut());
        assertEquals(CimType.reference(CimName.of("CIM_ConcreteJob")), m.parameter("Job").type());
        assertEquals(CimType.arrayOf(CimType.Kind.STRING), m.parameter("Names").type());
        assertEquals(CimType.reference(CimName.of("CIM_ManagedElement")).asArray(), m.parameter("Elements").type());
        assertEquals(CimType.INSTANCE, m.parameter("Settings").type());
        assertNull(c.method("Stop").returnType());
    }

    @Test
    void qualifierDeclarationsWithArraysAndAnyScope() throws Exception {
        ParsedRequest r = read(call("SetQualifier", p("QualifierDeclaration", "<QUALIFIER.DECLARATION NAME=\"ValueMap\" TYPE=\"string\" ISARRAY=\"true\" OVERRIDABLE=\"false\" TOSUBCLASS=\"false\">"
                + "<SCOPE CLASS=\"true\" ASSOCIATION=\"true\" REFERENCE=\"true\" PROPERTY=\"true\" METHOD=\"true\" PARAMETER=\"true\" INDICATION=\"true\"/>"
                + "<VALUE.ARRAY><VALUE>0</VALUE></VALUE.ARRAY></QUALIFIER.DECLARATION>")));
        CimQualifierType d = ((SetQualifierRequest) r.request()).qualifierDeclaration();
        assertEquals(CimType.arrayOf(CimType.Kind.STRING), d.type());
        assertEquals(java.util.Set.of(CimScope.ANY), d.scopes());
        assertFalse(d.flavor().overridable());
        assertFalse(d.flavor().toSubclass());
        assertEquals(CimValue.ofStrings(List.of("0")), d.defaultValue());
    }

    @Test
    void setPropertyNewValueForms() throws Exception {
        String in = p("InstanceName", "<INSTANCENAME CLASSNAME=\"C\"><KEYBINDING NAME=\"k\"><KEYVALUE>v</KEYVALUE></KEYBINDING></INSTANCENAME>")
                + p("PropertyName", "<VALUE>P</VALUE>");
        SetPropertyRequest a = (SetPropertyRequest) read(call("SetProperty", in + p("NewValue",
                "<VALUE.ARRAY><VALUE>1</VALUE></VALUE.ARRAY>"))).request();
        assertEquals(CimValue.ofStrings(List.of("1")), a.newValue());
        SetPropertyRequest b = (SetPropertyRequest) read(call("SetProperty", in + p("NewValue",
                "<VALUE.REFERENCE><CLASSNAME NAME=\"X\"/></VALUE.REFERENCE>"))).request();
        assertEquals(ObjectPath.forClass(null, CimName.of("X")), b.newValue().asReference());
        SetPropertyRequest c = (SetPropertyRequest) read(call("SetProperty", in + "<IPARAMVALUE NAME=\"NewValue\"/>")).request();
        assertNull(c.newValue());
    }

    static String methodCall(String target, String params) {
        return "<?xml version=\"1.0\" encoding=\"utf-8\" ?><CIM CIMVERSION=\"2.0\" DTDVERSION=\"2.0\"><MESSAGE ID=\"42\" PROTOCOLVERSION=\"1.0\">"
                + "<SIMPLEREQ><METHODCALL NAME=\"CreateElementReplica\">" + target + params + "</METHODCALL></SIMPLEREQ></MESSAGE></CIM>";
    }

    static final String SERVICE = "<LOCALINSTANCEPATH><LOCALNAMESPACEPATH><NAMESPACE NAME=\"root\"/><NAMESPACE NAME=\"cimv2\"/></LOCALNAMESPACEPATH>"
            + "<INSTANCENAME CLASSNAME=\"CIM_ReplicationService\"><KEYBINDING NAME=\"Name\"><KEYVALUE VALUETYPE=\"string\">svc</KEYVALUE></KEYBINDING></INSTANCENAME></LOCALINSTANCEPATH>";

    @Test
    void extrinsicCallWithEveryParamValueForm() throws Exception {
        String ref = "<VALUE.REFERENCE><INSTANCENAME CLASSNAME=\"CIM_StorageVolume\"><KEYBINDING NAME=\"DeviceID\"><KEYVALUE>v1</KEYVALUE></KEYBINDING></INSTANCENAME></VALUE.REFERENCE>";
        ParsedRequest r = read(methodCall(SERVICE,
                "<PARAMVALUE NAME=\"ElementName\" PARAMTYPE=\"string\"><VALUE>copy</VALUE></PARAMVALUE>"
                + "<PARAMVALUE NAME=\"SyncType\" PARAMTYPE=\"uint16\"><VALUE>6</VALUE></PARAMVALUE>"
                + "<PARAMVALUE NAME=\"Untyped\"><VALUE>7</VALUE></PARAMVALUE>"
                + "<PARAMVALUE NAME=\"Codes\" PARAMTYPE=\"uint16\"><VALUE.ARRAY><VALUE>1</VALUE><VALUE.NULL/></VALUE.ARRAY></PARAMVALUE>"
                + "<PARAMVALUE NAME=\"SourceElement\" PARAMTYPE=\"reference\">" + ref + "</PARAMVALUE>"
                + "<PARAMVALUE NAME=\"Collections\" PARAMTYPE=\"reference\"><VALUE.REFARRAY>" + ref + "<VALUE.NULL/></VALUE.REFARRAY></PARAMVALUE>"
                + "<PARAMVALUE NAME=\"ReplicationSettingData\" PARAMTYPE=\"string\" EmbeddedObject=\"instance\"><VALUE>" + EMBEDDED_INSTANCE_TEXT + "</VALUE></PARAMVALUE>"
                + "<PARAMVALUE NAME=\"AsInstance\" PARAMTYPE=\"instance\"><VALUE>" + EMBEDDED_INSTANCE_TEXT + "</VALUE></PARAMVALUE>"
                + "<PARAMVALUE NAME=\"Inline\"><INSTANCE CLASSNAME=\"X\"/></PARAMVALUE>"
                + "<PARAMVALUE NAME=\"Cls\"><CLASS NAME=\"K\"/></PARAMVALUE>"
                + "<PARAMVALUE NAME=\"CName\"><CLASSNAME NAME=\"K\"/></PARAMVALUE>"
                + "<PARAMVALUE NAME=\"IName\"><INSTANCENAME CLASSNAME=\"K\"><KEYBINDING NAME=\"a\"><KEYVALUE>b</KEYVALUE></KEYBINDING></INSTANCENAME></PARAMVALUE>"
                + "<PARAMVALUE NAME=\"Named\"><VALUE.NAMEDINSTANCE><INSTANCENAME CLASSNAME=\"X\"><KEYBINDING NAME=\"a\"><KEYVALUE>b</KEYVALUE></KEYBINDING></INSTANCENAME><INSTANCE CLASSNAME=\"X\"/></VALUE.NAMEDINSTANCE></PARAMVALUE>"
                + "<PARAMVALUE NAME=\"TypedNull\" PARAMTYPE=\"uint32\"/>"
                + "<PARAMVALUE NAME=\"UntypedNull\"/>"));
        assertNull(r.error(), () -> String.valueOf(r.error()));
        assertFalse(r.intrinsic());
        assertEquals("42", r.messageId());
        assertEquals("CreateElementReplica", r.methodName());
        assertEquals(NS, r.namespace());
        ObjectPath target = ObjectPath.builder("CIM_ReplicationService").namespace("root/cimv2").key("Name", "svc").build();
        assertEquals(target, r.objectPath());
        InvokeMethodRequest m = (InvokeMethodRequest) r.request();
        assertEquals(target, m.objectName());
        assertEquals(CimName.of("CreateElementReplica"), m.methodName());
        assertEquals(CimValue.ofString("copy"), m.parameter("elementname").value());
        assertEquals(CimValue.ofUint16(6), m.parameter("SyncType").value());
        assertEquals(CimValue.ofString("7"), m.parameter("Untyped").value());
        assertEquals(Arrays.asList(1, null), m.parameter("Codes").value().values());
        ObjectPath vol = ObjectPath.builder("CIM_StorageVolume").key("DeviceID", "v1").build();
        assertEquals(vol, m.parameter("SourceElement").value().asReference());
        assertEquals(Arrays.asList(vol, null), m.parameter("Collections").value().values());
        assertEquals(CimValue.ofEmbeddedInstance(EMBEDDED), m.parameter("ReplicationSettingData").value());
        assertEquals(EMBEDDED, m.parameter("AsInstance").value().value());
        assertEquals(CimInstance.builder("X").build(), m.parameter("Inline").value().value());
        assertEquals(CimClass.builder("K").build(), m.parameter("Cls").value().value());
        assertEquals(ObjectPath.forClass(null, CimName.of("K")), m.parameter("CName").value().asReference());
        assertEquals(ObjectPath.builder("K").key("a", "b").build(), m.parameter("IName").value().asReference());
        assertEquals(ObjectPath.builder("X").key("a", "b").build(), ((CimInstance) m.parameter("Named").value().value()).path());
        assertEquals(new ParamValue(CimName.of("TypedNull"), CimValue.nullOf(CimType.UINT32)), m.parameter("TypedNull"));
        assertEquals(ParamValue.untypedNull(CimName.of("UntypedNull")), m.parameter("UntypedNull"));
    }

    @Test
    void staticMethodOnClassPathAndParameterErrors() throws Exception {
        String cls = "<LOCALCLASSPATH><LOCALNAMESPACEPATH><NAMESPACE NAME=\"root\"/><NAMESPACE NAME=\"cimv2\"/></LOCALNAMESPACEPATH><CLASSNAME NAME=\"CIM_X\"/></LOCALCLASSPATH>";
        ParsedRequest r = read(methodCall(cls, ""));
        assertEquals(ObjectPath.forClass(NS, CimName.of("CIM_X")), ((InvokeMethodRequest) r.request()).objectName());
        r = read(methodCall(cls, "<PARAMVALUE NAME=\"a\"><VALUE>1</VALUE></PARAMVALUE><PARAMVALUE NAME=\"A\"><VALUE>2</VALUE></PARAMVALUE>"));
        assertEquals(CimStatus.INVALID_PARAMETER, r.error().status());
        assertEquals("CreateElementReplica", r.methodName());
        r = read(methodCall(cls, "<PARAMVALUE NAME=\"a\" PARAMTYPE=\"uint8\"><VALUE>x</VALUE></PARAMVALUE><PARAMVALUE NAME=\"b\"/>"));
        assertEquals(CimStatus.INVALID_PARAMETER, r.error().status());
        assertEquals(CimXmlException.Kind.NOT_VALID, org.junit.jupiter.api.Assertions.assertThrows(CimXmlException.class,
                () -> read(methodCall(cls, "<PARAMVALUE NAME=\"a\" PARAMTYPE=\"blob\"/>"))).kind());
    }
}
