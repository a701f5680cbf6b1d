package org.iscsismis.cimxml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.iscsismis.cim.CimClass;
import org.iscsismis.cim.CimFlavor;
import org.iscsismis.cim.CimInstance;
import org.iscsismis.cim.CimName;
import org.iscsismis.cim.CimProperty;
import org.iscsismis.cim.CimQualifier;
import org.iscsismis.cim.CimException;
import org.iscsismis.cim.CimNamespace;
import org.iscsismis.cim.KeyBinding;
import org.iscsismis.cim.CimQualifierType;
import org.iscsismis.cim.CimScope;
import org.iscsismis.cim.CimStatus;
import org.iscsismis.cim.CimType;
import org.iscsismis.cim.CimValue;
import org.iscsismis.cim.ObjectPath;
import org.iscsismis.operation.*;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/** One real request body per intrinsic operation (as pywbem/SBLIM write them), decoded into its record. */
class CimXmlRequestReaderTest {

    static final CimNamespace NS = CimNamespace.of("root/cimv2");
    static final CimXmlRequestReader READER = new CimXmlRequestReader();

    static String call(String op, String params) {
        return "<?xml version=\"1.0\" encoding=\"utf-8\" ?><CIM CIMVERSION=\"2.0\" DTDVERSION=\"2.0\">"
                + "<MESSAGE ID=\"1001\" PROTOCOLVERSION=\"1.0\"><SIMPLEREQ><IMETHODCALL NAME=\"" + op + "\">"
                + "<LOCALNAMESPACEPATH><NAMESPACE NAME=\"root\"/><NAMESPACE NAME=\"cimv2\"/></LOCALNAMESPACEPATH>"
                + params + "</IMETHODCALL></SIMPLEREQ></MESSAGE></CIM>";
    }

    static String p(String name, String content) {
        return "<IPARAMVALUE NAME=\"" + name + "\">" + content + "</IPARAMVALUE>";
    }

    static String v(String text) {
        return "<VALUE>" + text + "</VALUE>";
    }

    static ParsedRequest read(String body) throws CimXmlException {
        return READER.read(new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)), ReaderLimits.DEFAULT);
    }

    static final String CLASSNAME = "<CLASSNAME NAME=\"CIM_Foo\"/>";
    static final String INSTNAME = "<INSTANCENAME CLASSNAME=\"CIM_Foo\"><KEYBINDING NAME=\"Id\"><KEYVALUE VALUETYPE=\"string\">a</KEYVALUE></KEYBINDING></INSTANCENAME>";
    static final ObjectPath PATH = ObjectPath.builder("CIM_Foo").key("Id", "a").build();
    static final CimName FOO = CimName.of("CIM_Foo");
    static final List<CimName> PL = List.of(CimName.of("A"), CimName.of("B"));
    static final String PLX = "<VALUE.ARRAY><VALUE>A</VALUE><VALUE>B</VALUE></VALUE.ARRAY>";
    static final String INSTANCE = "<INSTANCE CLASSNAME=\"CIM_Foo\"><PROPERTY NAME=\"Id\" TYPE=\"string\"><VALUE>a</VALUE></PROPERTY>"
            + "<PROPERTY NAME=\"N\" TYPE=\"uint16\"><VALUE>7</VALUE></PROPERTY></INSTANCE>";
    static final CimInstance INST = CimInstance.builder("CIM_Foo").property("Id", "a").property("N", CimValue.ofUint16(7)).build();
    static final String CLASS = "<CLASS NAME=\"CIM_Foo\" SUPERCLASS=\"CIM_Base\"><QUALIFIER NAME=\"Abstract\" TYPE=\"boolean\" TOSUBCLASS=\"false\"><VALUE>TRUE</VALUE></QUALIFIER>"
            + "<PROPERTY NAME=\"Id\" TYPE=\"string\"><QUALIFIER NAME=\"Key\" TYPE=\"boolean\" OVERRIDABLE=\"false\"><VALUE>true</VALUE></QUALIFIER></PROPERTY></CLASS>";
    static final String QDECL = "<QUALIFIER.DECLARATION NAME=\"Description\" TYPE=\"string\" ISARRAY=\"false\" TRANSLATABLE=\"true\">"
            + "<SCOPE CLASS=\"true\" PROPERTY=\"true\"/><VALUE>x</VALUE></QUALIFIER.DECLARATION>";

    static final CimClass CLS = CimClass.builder("CIM_Foo").superClass("CIM_Base")
            .qualifier(new CimQualifier(CimName.of("Abstract"), CimValue.ofBoolean(true), CimFlavor.RESTRICTED, false))
            .property(CimProperty.declare("Id", CimType.STRING,
                    new CimQualifier(CimName.of("Key"), CimValue.ofBoolean(true), CimFlavor.DISABLE_OVERRIDE, false)))
            .build();
    static final CimQualifierType DECL = CimQualifierType.of("Description", CimType.STRING, CimValue.ofString("x"),
            Set.of(CimScope.CLASS, CimScope.PROPERTY), new CimFlavor(true, true, true));

    static Stream<Arguments> operations() {
        ObjectPath classPath = ObjectPath.forClass(null, FOO);
        return Stream.of(
                Arguments.of("GetClass", p("ClassName", CLASSNAME), GetClassRequest.of(NS, FOO)),
                Arguments.of("GetClass", p("ClassName", CLASSNAME) + p("localonly", v("false")) + p("IncludeQualifiers", v("FALSE"))
                        + p("IncludeClassOrigin", v("TRUE")) + p("PropertyList", PLX),
                        GetClassRequest.builder(NS, FOO).localOnly(false).includeQualifiers(false).includeClassOrigin(true).propertyList(PL).build()),
                Arguments.of("EnumerateClasses", "", EnumerateClassesRequest.of(NS)),
                Arguments.of("EnumerateClasses", p("ClassName", CLASSNAME) + p("DeepInheritance", v("TRUE")) + p("LocalOnly", v("FALSE"))
                        + p("IncludeQualifiers", v("FALSE")) + p("IncludeClassOrigin", v("TRUE")),
                        EnumerateClassesRequest.builder(NS).className(FOO).deepInheritance(true).localOnly(false).includeQualifiers(false).includeClassOrigin(true).build()),
                Arguments.of("EnumerateClassNames", "<IPARAMVALUE NAME=\"ClassName\"/>", EnumerateClassNamesRequest.of(NS)),
                Arguments.of("EnumerateClassNames", p("ClassName", CLASSNAME) + p("DeepInheritance", v("true")),
                        EnumerateClassNamesRequest.builder(NS).className(FOO).deepInheritance(true).build()),
                Arguments.of("CreateClass", p("NewClass", CLASS), new CreateClassRequest(NS, CLS)),
                Arguments.of("ModifyClass", p("ModifiedClass", CLASS), new ModifyClassRequest(NS, CLS)),
                Arguments.of("DeleteClass", p("ClassName", CLASSNAME), new DeleteClassRequest(NS, FOO)),
                Arguments.of("GetQualifier", p("QualifierName", v("Key")), new GetQualifierRequest(NS, CimName.of("Key"))),
                Arguments.of("SetQualifier", p("QualifierDeclaration", QDECL), new SetQualifierRequest(NS, DECL)),
                Arguments.of("DeleteQualifier", p("QualifierName", v("Key")), new DeleteQualifierRequest(NS, CimName.of("Key"))),
                Arguments.of("EnumerateQualifiers", "", new EnumerateQualifiersRequest(NS)),
                Arguments.of("GetInstance", p("InstanceName", INSTNAME), GetInstanceRequest.of(NS, PATH)),
                Arguments.of("GetInstance", p("InstanceName", INSTNAME) + p("LocalOnly", v("FALSE")) + p("IncludeQualifiers", v("TRUE"))
                        + p("IncludeClassOrigin", v("TRUE")) + "<IPARAMVALUE NAME=\"PropertyList\"><VALUE.ARRAY/></IPARAMVALUE>",
                        GetInstanceRequest.builder(NS, PATH).localOnly(false).includeQualifiers(true).includeClassOrigin(true).propertyList(List.of()).build()),
                Arguments.of("EnumerateInstances", p("ClassName", CLASSNAME), EnumerateInstancesRequest.of(NS, FOO)),
                Arguments.of("EnumerateInstances", p("ClassName", CLASSNAME) + p("LocalOnly", v("FALSE")) + p("DeepInheritance", v("FALSE"))
                        + p("IncludeQualifiers", v("TRUE")) + p("IncludeClassOrigin", v("TRUE")) + p("PropertyList", PLX),
                        EnumerateInstancesRequest.builder(NS, FOO).localOnly(false).deepInheritance(false).includeQualifiers(true)
                                .includeClassOrigin(true).propertyList(PL).build()),
                Arguments.of("EnumerateInstanceNames", p("ClassName", CLASSNAME), new EnumerateInstanceNamesRequest(NS, FOO)),
                Arguments.of("CreateInstance", p("NewInstance", INSTANCE), new CreateInstanceRequest(NS, INST)),
                Arguments.of("ModifyInstance", p("ModifiedInstance", "<VALUE.NAMEDINSTANCE>" + INSTNAME + INSTANCE + "</VALUE.NAMEDINSTANCE>"),
                        ModifyInstanceRequest.of(NS, INST.withPath(PATH))),
                Arguments.of("ModifyInstance", p("ModifiedInstance", "<VALUE.NAMEDINSTANCE>" + INSTNAME + INSTANCE + "</VALUE.NAMEDINSTANCE>")
                        + p("IncludeQualifiers", v("FALSE")) + p("PropertyList", PLX),
                        ModifyInstanceRequest.builder(NS, INST.withPath(PATH)).includeQualifiers(false).propertyList(PL).build()),
                Arguments.of("DeleteInstance", p("InstanceName", INSTNAME), new DeleteInstanceRequest(NS, PATH)),
                Arguments.of("GetProperty", p("InstanceName", INSTNAME) + p("PropertyName", v("N")), new GetPropertyRequest(NS, PATH, CimName.of("N"))),
                Arguments.of("SetProperty", p("InstanceName", INSTNAME) + p("PropertyName", v("N")),
                        SetPropertyRequest.of(NS, PATH, CimName.of("N"))),
                Arguments.of("SetProperty", p("InstanceName", INSTNAME) + p("PropertyName", v("N")) + p("NewValue", v("9")),
                        SetPropertyRequest.builder(NS, PATH, CimName.of("N")).newValue(CimValue.ofString("9")).build()),
                Arguments.of("Associators", p("ObjectName", INSTNAME), AssociatorsRequest.of(NS, PATH)),
                Arguments.of("Associators", p("ObjectName", CLASSNAME) + p("AssocClass", "<CLASSNAME NAME=\"CIM_A\"/>")
                        + p("ResultClass", "<CLASSNAME NAME=\"CIM_R\"/>") + p("Role", v("Antecedent")) + p("ResultRole", v("Dependent"))
                        + p("IncludeQualifiers", v("TRUE")) + p("IncludeClassOrigin", v("TRUE")) + p("PropertyList", PLX),
                        AssociatorsRequest.builder(NS, classPath).assocClass(CimName.of("CIM_A")).resultClass(CimName.of("CIM_R"))
                                .role(CimName.of("Antecedent")).resultRole(CimName.of("Dependent")).includeQualifiers(true)
                                .includeClassOrigin(true).propertyList(PL).build()),
                Arguments.of("AssociatorNames", p("ObjectName", INSTNAME) + p("AssocClass", "<CLASSNAME NAME=\"CIM_A\"/>") + p("Role", v("Antecedent")),
                        AssociatorNamesRequest.builder(NS, PATH).assocClass(CimName.of("CIM_A")).role(CimName.of("Antecedent")).build()),
                Arguments.of("References", p("ObjectName", INSTNAME) + p("ResultClass", "<CLASSNAME NAME=\"CIM_A\"/>") + p("IncludeClassOrigin", v("TRUE")),
                        ReferencesRequest.builder(NS, PATH).resultClass(CimName.of("CIM_A")).includeClassOrigin(true).build()),
                Arguments.of("ReferenceNames", p("ObjectName", INSTNAME) + p("Role", v("Dependent")),
                        ReferenceNamesRequest.builder(NS, PATH).role(CimName.of("Dependent")).build()),
                Arguments.of("ExecQuery", p("QueryLanguage", v("WQL")) + p("Query", v("SELECT * FROM CIM_Foo WHERE N &lt; 3")),
                        new ExecQueryRequest(NS, "WQL", "SELECT * FROM CIM_Foo WHERE N < 3")),
                Arguments.of("OpenEnumerateInstances", p("ClassName", CLASSNAME), OpenEnumerateInstancesRequest.of(NS, FOO)),
                Arguments.of("OpenEnumerateInstances", p("ClassName", CLASSNAME) + p("DeepInheritance", v("FALSE")) + p("IncludeClassOrigin", v("TRUE"))
                        + p("PropertyList", PLX) + p("FilterQueryLanguage", v("DMTF:FQL")) + p("FilterQuery", v("N = 1"))
                        + p("OperationTimeout", v("40")) + p("ContinueOnError", v("TRUE")) + p("MaxObjectCount", v("100")),
                        OpenEnumerateInstancesRequest.builder(NS, FOO).deepInheritance(false).includeClassOrigin(true).propertyList(PL)
                                .filterQueryLanguage("DMTF:FQL").filterQuery("N = 1").operationTimeout(40L).continueOnError(true).maxObjectCount(100).build()),
                Arguments.of("OpenEnumerateInstancePaths", p("ClassName", CLASSNAME) + p("MaxObjectCount", v("5")),
                        OpenEnumerateInstancePathsRequest.builder(NS, FOO).maxObjectCount(5).build()),
                Arguments.of("OpenAssociatorInstances", p("InstanceName", INSTNAME) + p("AssocClass", "<CLASSNAME NAME=\"CIM_A\"/>") + p("ResultRole", v("Dependent")),
                        OpenAssociatorInstancesRequest.builder(NS, PATH).assocClass(CimName.of("CIM_A")).resultRole(CimName.of("Dependent")).build()),
                Arguments.of("OpenAssociatorInstancePaths", p("InstanceName", INSTNAME) + p("ResultClass", "<CLASSNAME NAME=\"CIM_R\"/>"),
                        OpenAssociatorInstancePathsRequest.builder(NS, PATH).resultClass(CimName.of("CIM_R")).build()),
                Arguments.of("OpenReferenceInstances", p("InstanceName", INSTNAME) + p("Role", v("Antecedent")) + p("PropertyList", PLX),
                        OpenReferenceInstancesRequest.builder(NS, PATH).role(CimName.of("Antecedent")).propertyList(PL).build()),
                Arguments.of("OpenReferenceInstancePaths", p("InstanceName", INSTNAME) + "<IPARAMVALUE NAME=\"OperationTimeout\"/>",
                        OpenReferenceInstancePathsRequest.of(NS, PATH)),
                Arguments.of("OpenQueryInstances", p("FilterQueryLanguage", v("WQL")) + p("FilterQuery", v("SELECT * FROM CIM_Foo"))
                        + p("ReturnQueryResultClass", v("TRUE")),
                        OpenQueryInstancesRequest.builder(NS, "WQL", "SELECT * FROM CIM_Foo").returnQueryResultClass(true).build()),
                Arguments.of("PullInstancesWithPath", p("EnumerationContext", v("ctx-1")) + p("MaxObjectCount", v("10")),
                        new PullInstancesWithPathRequest(NS, "ctx-1", 10)),
                Arguments.of("PullInstancePaths", p("EnumerationContext", v("ctx-1")) + p("MaxObjectCount", v("0")),
                        new PullInstancePathsRequest(NS, "ctx-1", 0)),
                Arguments.of("PullInstances", p("EnumerationContext", v("ctx-1")) + p("MaxObjectCount", v("4294967295")),
                        new PullInstancesRequest(NS, "ctx-1", 4294967295L)),
                Arguments.of("CloseEnumeration", p("EnumerationContext", v("ctx-1")), new CloseEnumerationRequest(NS, "ctx-1")),
                Arguments.of("EnumerationCount", p("EnumerationContext", v("ctx-1")), new EnumerationCountRequest(NS, "ctx-1")));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("operations")
    void decodesEveryIntrinsicOperation(String op, String params, CimRequest expected) throws Exception {
        ParsedRequest r = read(call(op, params));
        assertNull(r.error(), () -> "unexpected error " + r.error());
        assertEquals("1001", r.messageId());
        assertEquals("1.0", r.protocolVersion());
        assertEquals(op, r.methodName());
        assertTrue(r.intrinsic());
        assertEquals(NS, r.namespace());
        assertNull(r.objectPath());
        assertEquals(op, r.request().operationName());
        assertEquals(expected, r.request());
    }

    @Test
    void tableCoversEveryIntrinsicOperation() {
        Set<String> covered = new HashSet<>();
        operations().forEach(a -> covered.add((String) a.get()[0]));
        assertEquals(new HashSet<>(CimRequest.INTRINSIC_OPERATIONS), covered);
    }

    @Test
    void unknownOperationIsAnUnsupportedIntrinsicRequest() throws Exception {
        ParsedRequest r = read(call("FrobnicateInstances", p("ClassName", CLASSNAME)));
        assertEquals(new UnsupportedIntrinsicRequest(NS, "FrobnicateInstances"), r.request());
    }

    @Test
    void operationAndParameterNamesAreCaseInsensitive() throws Exception {
        ParsedRequest r = read(call("getclass", p("CLASSNAME", CLASSNAME) + p("localOnly", v("false"))));
        assertEquals(GetClassRequest.builder(NS, FOO).localOnly(false).build(), r.request());
        assertEquals("getclass", r.methodName());
    }

    @Test
    void aReferenceKeyAsTheSblimClientSendsItIsAReference() throws Exception {
        String key = "<INSTANCENAME CLASSNAME=\"CIM_Foo\"><KEYBINDING NAME=\"R\"><KEYVALUE TYPE=\"CIM_Bar ref\" VALUETYPE=\"string\">"
                + "http://h:5988/root/cimv2:CIM_Bar.Id=&quot;x&quot;</KEYVALUE></KEYBINDING></INSTANCENAME>";
        ParsedRequest r = read(call("GetInstance", p("InstanceName", key)));
        ObjectPath bar = ObjectPath.of("h:5988", CimNamespace.of("root/cimv2"), CimName.of("CIM_Bar"), List.of(KeyBinding.of("Id", "x")));
        assertEquals(GetInstanceRequest.of(NS, ObjectPath.of(null, null, FOO, List.of(KeyBinding.of("R", CimValue.ofReference(bar))))),
                r.request());
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', value = {
        "no path here|Reference KEYVALUE is not an object path",
        "http://h/root/cimv2:CIM_Bar|Reference KEYVALUE does not name an instance"})
    void aReferenceKeyValueThatIsNoInstancePathIsAnInvalidParameter(String text, String expected) throws Exception {
        String key = "<INSTANCENAME CLASSNAME=\"CIM_Foo\"><KEYBINDING NAME=\"R\"><KEYVALUE TYPE=\"CIM_Bar ref\">" + text
                + "</KEYVALUE></KEYBINDING></INSTANCENAME>";
        CimException e = read(call("GetInstance", p("InstanceName", key))).error();
        assertNotNull(e);
        assertEquals(CimStatus.INVALID_PARAMETER, e.status());
        assertTrue(e.getMessage().contains(expected), e::getMessage);
    }

    static Stream<Arguments> parameterErrors() {
        return Stream.of(
                Arguments.of(call("GetClass", p("ClassName", CLASSNAME) + p("Bogus", v("1"))), CimStatus.NOT_SUPPORTED, "Bogus"),
                Arguments.of(call("GetClass", p("ClassName", CLASSNAME) + p("classname", CLASSNAME)), CimStatus.INVALID_PARAMETER, "twice"),
                Arguments.of(call("GetClass", p("LocalOnly", v("TRUE"))), CimStatus.INVALID_PARAMETER, "ClassName"),
                Arguments.of(call("GetClass", "<IPARAMVALUE NAME=\"ClassName\"/>"), CimStatus.INVALID_PARAMETER, "NULL"),
                Arguments.of(call("GetClass", p("ClassName", CLASSNAME) + p("LocalOnly", v("maybe"))), CimStatus.INVALID_PARAMETER, "maybe"),
                Arguments.of(call("GetClass", p("ClassName", v("CIM_Foo"))), CimStatus.INVALID_PARAMETER, "VALUE"),
                Arguments.of(call("PullInstances", p("EnumerationContext", v("c"))), CimStatus.INVALID_PARAMETER, "MaxObjectCount"),
                Arguments.of(call("PullInstances", p("EnumerationContext", v("c")) + p("MaxObjectCount", v("-1"))), CimStatus.INVALID_PARAMETER, "-1"),
                Arguments.of(call("CreateInstance", p("NewInstance", "<INSTANCE CLASSNAME=\"CIM_Foo\"><PROPERTY NAME=\"N\" TYPE=\"uint8\"><VALUE>300</VALUE></PROPERTY></INSTANCE>")),
                        CimStatus.INVALID_PARAMETER, "300"));
    }

    @ParameterizedTest
    @MethodSource("parameterErrors")
    void parameterProblemsBecomeCimErrors(String body, CimStatus status, String mentioned) throws Exception {
        ParsedRequest r = read(body);
        assertNull(r.request());
        assertNotNull(r.error());
        assertEquals(status, r.error().status(), r.error().getMessage());
        assertTrue(r.error().getMessage().contains(mentioned), r.error().getMessage());
        assertEquals("1001", r.messageId());
        assertNotNull(r.methodName());
        assertEquals(NS, r.namespace());
    }

    @Test
    void correlatorsAreSkipped() throws Exception {
        String body = call("EnumerateQualifiers", "").replace("<SIMPLEREQ>",
                "<SIMPLEREQ><CORRELATOR NAME=\"c\" TYPE=\"string\"><VALUE>x</VALUE></CORRELATOR>");
        assertInstanceOf(EnumerateQualifiersRequest.class, read(body).request());
    }
}
