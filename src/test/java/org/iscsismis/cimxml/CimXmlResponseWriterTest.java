package org.iscsismis.cimxml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import javax.xml.parsers.DocumentBuilderFactory;
import org.iscsismis.cim.CimClass;
import org.iscsismis.cim.CimDateTime;
import org.iscsismis.cim.CimException;
import org.iscsismis.cim.CimFlavor;
import org.iscsismis.cim.CimInstance;
import org.iscsismis.cim.CimMethod;
import org.iscsismis.cim.CimName;
import org.iscsismis.cim.CimNamespace;
import org.iscsismis.cim.CimParameter;
import org.iscsismis.cim.CimProperty;
import org.iscsismis.cim.CimQualifier;
import org.iscsismis.cim.CimQualifierType;
import org.iscsismis.cim.CimScope;
import org.iscsismis.cim.CimStatus;
import org.iscsismis.cim.CimType;
import org.iscsismis.cim.CimValue;
import org.iscsismis.cim.ObjectPath;
import org.iscsismis.operation.EnumerateInstancesRequest;
import org.iscsismis.operation.ParamValue;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/** Golden tests for each result kind; the output is parsed back with the JDK's own parser. */
class CimXmlResponseWriterTest {

    static final CimNamespace NS = CimNamespace.of("root/cimv2");
    static final String ENVELOPE = "<?xml version=\"1.0\" encoding=\"utf-8\" ?>\n<CIM CIMVERSION=\"2.0\" DTDVERSION=\"2.0\">"
            + "<MESSAGE ID=\"1001\" PROTOCOLVERSION=\"1.0\"><SIMPLERSP>";

    static String write(String op, boolean intrinsic, Consumer<CimXmlResponseWriter> body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        CimXmlResponseWriter w = new CimXmlResponseWriter(out, "1001", EnumerateInstancesRequest.of(NS, CimName.of("X")), op, intrinsic);
        body.accept(w);
        return out.toString(StandardCharsets.UTF_8);
    }

    static Document dom(String xml) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return f.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }

    /** The element path of {@code doc}'s tree, one line per element, for structural comparison. */
    static String outline(Node n) {
        StringBuilder sb = new StringBuilder();
        outline(n, 0, sb);
        return sb.toString();
    }

    private static void outline(Node n, int depth, StringBuilder sb) {
        for (Node c = n.getFirstChild(); c != null; c = c.getNextSibling()) {
            if (c instanceof Element e) {
                sb.append("  ".repeat(depth)).append(e.getTagName()).append('\n');
                outline(e, depth + 1, sb);
            }
        }
    }

    static final ObjectPath PATH = ObjectPath.builder("CIM_Foo").key("Id", "a").key("N", CimValue.ofUint16(7))
            .key("B", CimValue.ofBoolean(true)).build();
    static final CimInstance INST = CimInstance.builder("CIM_Foo").property("Id", "a").property("N", CimValue.ofUint16(7))
            .property("B", CimValue.ofBoolean(true)).path(PATH).build();

    @Test
    void voidOperationHasNoReturnValue() {
        for (String op : List.of("CreateClass", "ModifyClass", "DeleteClass", "SetQualifier", "DeleteQualifier",
                "ModifyInstance", "DeleteInstance", "SetProperty")) {
            assertEquals(ENVELOPE + "<IMETHODRESPONSE NAME=\"" + op + "\"></IMETHODRESPONSE></SIMPLERSP></MESSAGE></CIM>\n",
                    write(op, true, CimXmlResponseWriter::finishSuccess));
        }
    }

    @Test
    void errorResponse() throws Exception {
        CimInstance err = CimInstance.builder("CIM_Error").property("CIMStatusCode", CimValue.ofUint32(6)).build();
        String xml = write("GetInstance", true, w -> w.finishError(new CimException(CimStatus.NOT_FOUND, "No <such> \"instance\" & co", List.of(err))));
        assertEquals(ENVELOPE + "<IMETHODRESPONSE NAME=\"GetInstance\"><ERROR CODE=\"6\" DESCRIPTION=\"No &lt;such> &quot;instance&quot; &amp; co\">"
                + "<INSTANCE CLASSNAME=\"CIM_Error\"><PROPERTY NAME=\"CIMStatusCode\" TYPE=\"uint32\"><VALUE>6</VALUE></PROPERTY></INSTANCE>"
                + "</ERROR></IMETHODRESPONSE></SIMPLERSP></MESSAGE></CIM>\n", xml);
        assertEquals("No <such> \"instance\" & co", ((Element) dom(xml).getElementsByTagName("ERROR").item(0)).getAttribute("DESCRIPTION"));
    }

    @Test
    void errorAfterResultsIsRefused() {
        assertThrows(IllegalStateException.class, () -> write("EnumerateClassNames", true, w -> {
            w.className(CimName.of("A"));
            assertTrue(w.hasWrittenResults());
            w.finishError(new CimException(CimStatus.FAILED, "late"));
        }));
    }

    @Test
    void getInstanceGolden() {
        String xml = write("GetInstance", true, w -> {
            assertFalse(w.hasWrittenResults());
            w.instance(INST);
            w.finishSuccess();
        });
        assertEquals(ENVELOPE + "<IMETHODRESPONSE NAME=\"GetInstance\"><IRETURNVALUE><INSTANCE CLASSNAME=\"CIM_Foo\">"
                + "<PROPERTY NAME=\"Id\" TYPE=\"string\"><VALUE>a</VALUE></PROPERTY>"
                + "<PROPERTY NAME=\"N\" TYPE=\"uint16\"><VALUE>7</VALUE></PROPERTY>"
                + "<PROPERTY NAME=\"B\" TYPE=\"boolean\"><VALUE>TRUE</VALUE></PROPERTY>"
                + "</INSTANCE></IRETURNVALUE></IMETHODRESPONSE></SIMPLERSP></MESSAGE></CIM>\n", xml);
    }

    @Test
    void enumerateInstancesAndNamesGolden() throws Exception {
        String xml = write("EnumerateInstances", true, w -> {
            w.namedInstance(INST);
            w.namedInstance(INST);
            w.finishSuccess();
        });
        assertTrue(xml.contains("<IRETURNVALUE><VALUE.NAMEDINSTANCE><INSTANCENAME CLASSNAME=\"CIM_Foo\">"
                + "<KEYBINDING NAME=\"Id\"><KEYVALUE VALUETYPE=\"string\" TYPE=\"string\">a</KEYVALUE></KEYBINDING>"
                + "<KEYBINDING NAME=\"N\"><KEYVALUE VALUETYPE=\"numeric\" TYPE=\"uint16\">7</KEYVALUE></KEYBINDING>"
                + "<KEYBINDING NAME=\"B\"><KEYVALUE VALUETYPE=\"boolean\" TYPE=\"boolean\">TRUE</KEYVALUE></KEYBINDING>"
                + "</INSTANCENAME><INSTANCE CLASSNAME=\"CIM_Foo\">"), xml);
        assertEquals(2, dom(xml).getElementsByTagName("VALUE.NAMEDINSTANCE").getLength());
        String names = write("EnumerateInstanceNames", true, w -> {
            w.instanceName(PATH);
            w.finishSuccess();
        });
        assertEquals("CIM\n  MESSAGE\n    SIMPLERSP\n      IMETHODRESPONSE\n        IRETURNVALUE\n          INSTANCENAME\n"
                + "            KEYBINDING\n              KEYVALUE\n            KEYBINDING\n              KEYVALUE\n            KEYBINDING\n              KEYVALUE\n",
                outline(dom(names)));
        String none = write("EnumerateInstances", true, CimXmlResponseWriter::finishSuccess);
        assertTrue(none.contains("<IMETHODRESPONSE NAME=\"EnumerateInstances\"><IRETURNVALUE></IRETURNVALUE></IMETHODRESPONSE>"), none);
    }

    static final CimClass CLS = CimClass.builder("CIM_Foo").superClass("CIM_Base")
            .qualifier(new CimQualifier(CimName.of("Abstract"), CimValue.ofBoolean(true), CimFlavor.RESTRICTED, false))
            .qualifier(new CimQualifier(CimName.of("Description"), CimValue.ofString("d"), new CimFlavor(true, true, true), true))
            .property(new CimProperty(CimName.of("Id"), CimType.STRING, null,
                    List.of(new CimQualifier(CimName.of("Key"), CimValue.ofBoolean(true), CimFlavor.DISABLE_OVERRIDE, false)),
                    CimName.of("CIM_Base"), true))
            .property(CimProperty.declare("Codes", CimType.arrayOf(CimType.Kind.UINT16)))
            .property(CimProperty.declare("Peer", CimType.reference(CimName.of("CIM_Foo"))))
            .property(CimProperty.of("Dflt", CimValue.ofReal64(0.1)))
            .method(new CimMethod(CimName.of("Start"), CimType.UINT32, List.of(
                    CimParameter.of("Mode", CimType.UINT16),
                    CimParameter.of("Names", CimType.arrayOf(CimType.Kind.STRING)),
                    CimParameter.of("Job", CimType.reference(CimName.of("CIM_ConcreteJob")), CimQualifier.ofTrue("Out")),
                    CimParameter.of("Elements", CimType.reference(CimName.of("CIM_ManagedElement")).asArray())),
                    List.of(), CimName.of("CIM_Foo"), false))
            .build();

    /**
     * Instances handed over in batches are written as the same bytes as one at a time, whether their encodings were
     * kept or not: batches of several sizes over instances first seen, then admitted, then kept, one modified between,
     * as VALUE.NAMEDINSTANCE (EnumerateInstances) and as VALUE.OBJECTWITHPATH (ExecQuery).
     */
    @Test
    void aBatchOfInstancesIsWrittenAsOneAtATime() {
        batchesAsOneAtATime("EnumerateInstances", CimXmlResponseWriter::namedInstance, CimXmlResponseWriter::namedInstances);
        batchesAsOneAtATime("ExecQuery", CimXmlResponseWriter::objectWithPath, CimXmlResponseWriter::objectsWithPath);
    }

    private interface BatchWrite {
        void write(CimXmlResponseWriter w, CimInstance[] batch, int count);
    }

    private static void batchesAsOneAtATime(String op, BiConsumer<CimXmlResponseWriter, CimInstance> one, BatchWrite batched) {
        List<CimInstance> all = new ArrayList<>();
        for (int k = 0; k < 75; k++) {
            all.add(CimInstance.builder("CIM_Foo").path(ObjectPath.builder("CIM_Foo").key("Id", "i" + k).build())
                    .property("Id", "i" + k).property(CimProperty.of("N", CimValue.ofUint16(k))).build());
        }
        EncodedInstances kept = EncodedInstances.withBudget(1 << 20);
        for (int round = 0; round < 4; round++) {
            if (round == 3) {
                all.set(40, all.get(40).withProperty(CimProperty.of("N", CimValue.ofUint16(4000)))); // kept no more
            }
            String oneAtATime = write(op, true, w -> {
                all.forEach(i -> one.accept(w, i));
                w.finishSuccess();
            });
            for (int size : new int[] {1, 7, 32, 75}) {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                CimXmlResponseWriter w = new CimXmlResponseWriter(out, "1001", EnumerateInstancesRequest.of(NS, CimName.of("X")),
                        op, true, null, kept);
                CimInstance[] batch = new CimInstance[size];
                for (int from = 0; from < all.size(); from += size) {
                    int n = Math.min(size, all.size() - from);
                    for (int k = 0; k < n; k++) {
                        batch[k] = all.get(from + k);
                    }
                    batched.write(w, batch, n);
                }
                w.finishSuccess();
                assertEquals(oneAtATime, out.toString(StandardCharsets.UTF_8), op + ", round " + round + ", batches of " + size);
            }
        }
        assertTrue(kept.usedBytes() > 0, "the later rounds were written from kept encodings");
    }

    @Test
    void getClassGolden() {
        String xml = write("GetClass", true, w -> {
            w.cimClass(CLS);
            w.finishSuccess();
        });
        assertEquals(ENVELOPE + "<IMETHODRESPONSE NAME=\"GetClass\"><IRETURNVALUE><CLASS NAME=\"CIM_Foo\" SUPERCLASS=\"CIM_Base\">"
                + "<QUALIFIER NAME=\"Abstract\" TYPE=\"boolean\" TOSUBCLASS=\"false\"><VALUE>TRUE</VALUE></QUALIFIER>"
                + "<QUALIFIER NAME=\"Description\" TYPE=\"string\" PROPAGATED=\"true\" TRANSLATABLE=\"true\"><VALUE>d</VALUE></QUALIFIER>"
                + "<PROPERTY NAME=\"Id\" TYPE=\"string\" CLASSORIGIN=\"CIM_Base\" PROPAGATED=\"true\">"
                + "<QUALIFIER NAME=\"Key\" TYPE=\"boolean\" OVERRIDABLE=\"false\"><VALUE>TRUE</VALUE></QUALIFIER></PROPERTY>"
                + "<PROPERTY.ARRAY NAME=\"Codes\" TYPE=\"uint16\"></PROPERTY.ARRAY>"
                + "<PROPERTY.REFERENCE NAME=\"Peer\" REFERENCECLASS=\"CIM_Foo\"></PROPERTY.REFERENCE>"
                + "<PROPERTY NAME=\"Dflt\" TYPE=\"real64\"><VALUE>0.1</VALUE></PROPERTY>"
                + "<METHOD NAME=\"Start\" TYPE=\"uint32\" CLASSORIGIN=\"CIM_Foo\">"
                + "<PARAMETER NAME=\"Mode\" TYPE=\"uint16\"></PARAMETER>"
                + "<PARAMETER.ARRAY NAME=\"Names\" TYPE=\"string\"></PARAMETER.ARRAY>"
                + "<PARAMETER.REFERENCE NAME=\"Job\" REFERENCECLASS=\"CIM_ConcreteJob\"><QUALIFIER NAME=\"Out\" TYPE=\"boolean\"><VALUE>TRUE</VALUE></QUALIFIER></PARAMETER.REFERENCE>"
                + "<PARAMETER.REFARRAY NAME=\"Elements\" REFERENCECLASS=\"CIM_ManagedElement\"></PARAMETER.REFARRAY>"
                + "</METHOD></CLASS></IRETURNVALUE></IMETHODRESPONSE></SIMPLERSP></MESSAGE></CIM>\n", xml);
    }

    @Test
    void classNamesAndClasses() throws Exception {
        String xml = write("EnumerateClassNames", true, w -> {
            w.className(CimName.of("A"));
            w.className(CimName.of("B"));
            w.finishSuccess();
        });
        assertTrue(xml.contains("<IRETURNVALUE><CLASSNAME NAME=\"A\"/><CLASSNAME NAME=\"B\"/></IRETURNVALUE>"), xml);
        String classes = write("EnumerateClasses", true, w -> {
            w.cimClass(CLS);
            w.cimClass(CimClass.builder("X").build());
            w.finishSuccess();
        });
        assertEquals(2, dom(classes).getElementsByTagName("CLASS").getLength());
    }

    @Test
    void createInstanceAndQualifiers() throws Exception {
        String xml = write("CreateInstance", true, w -> {
            w.instanceName(PATH);
            w.finishSuccess();
        });
        assertEquals(1, dom(xml).getElementsByTagName("INSTANCENAME").getLength());
        CimQualifierType any = CimQualifierType.of("Description", CimType.STRING, null, Set.of(CimScope.ANY), new CimFlavor(true, true, true));
        CimQualifierType vm = CimQualifierType.of("ValueMap", CimType.arrayOf(CimType.Kind.STRING),
                CimValue.ofStrings(List.of("0", "1")), Set.of(CimScope.PROPERTY, CimScope.METHOD), CimFlavor.DISABLE_OVERRIDE);
        String q = write("EnumerateQualifiers", true, w -> {
            w.qualifierDeclaration(any);
            w.qualifierDeclaration(vm);
            w.finishSuccess();
        });
        assertTrue(q.contains("<QUALIFIER.DECLARATION NAME=\"Description\" TYPE=\"string\" ISARRAY=\"false\" TRANSLATABLE=\"true\">"
                + "<SCOPE CLASS=\"true\" ASSOCIATION=\"true\" INDICATION=\"true\" PROPERTY=\"true\" REFERENCE=\"true\" METHOD=\"true\" PARAMETER=\"true\"/>"
                + "</QUALIFIER.DECLARATION>"), q);
        assertTrue(q.contains("<QUALIFIER.DECLARATION NAME=\"ValueMap\" TYPE=\"string\" ISARRAY=\"true\" OVERRIDABLE=\"false\">"
                + "<SCOPE PROPERTY=\"true\" METHOD=\"true\"/><VALUE.ARRAY><VALUE>0</VALUE><VALUE>1</VALUE></VALUE.ARRAY></QUALIFIER.DECLARATION>"), q);
    }

    @Test
    void getPropertyForms() {
        assertTrue(write("GetProperty", true, w -> {
            w.propertyValue(CimValue.ofUint32(5));
            w.finishSuccess();
        }).contains("<IRETURNVALUE><VALUE>5</VALUE></IRETURNVALUE>"));
        assertTrue(write("GetProperty", true, w -> {
            w.propertyValue(CimValue.of(CimType.arrayOf(CimType.Kind.SINT8), Arrays.asList((byte) -1, null)));
            w.finishSuccess();
        }).contains("<IRETURNVALUE><VALUE.ARRAY><VALUE>-1</VALUE><VALUE.NULL/></VALUE.ARRAY></IRETURNVALUE>"));
        assertTrue(write("GetProperty", true, w -> {
            w.propertyValue(CimValue.ofReference(PATH.withNamespace(NS)));
            w.finishSuccess();
        }).contains("<IRETURNVALUE><VALUE.REFERENCE><LOCALINSTANCEPATH><LOCALNAMESPACEPATH><NAMESPACE NAME=\"root\"/><NAMESPACE NAME=\"cimv2\"/>"));
        assertTrue(write("GetProperty", true, w -> {
            w.propertyValue(CimValue.nullOf(CimType.STRING));
            w.finishSuccess();
        }).contains("<IMETHODRESPONSE NAME=\"GetProperty\"></IMETHODRESPONSE>"));
    }

    @Test
    void associationResults() throws Exception {
        CimInstance withPath = INST.withPath(PATH.withNamespace(NS).withHost("array1:5989"));
        String xml = write("Associators", true, w -> {
            w.objectWithPath(withPath);
            w.objectWithPath(INST); // no host, no namespace: filled in
            w.finishSuccess();
        });
        Document d = dom(xml);
        assertEquals(2, d.getElementsByTagName("VALUE.OBJECTWITHPATH").getLength());
        assertEquals("array1:5989", d.getElementsByTagName("HOST").item(0).getTextContent());
        assertEquals(CimXmlElementWriter.DEFAULT_HOST, d.getElementsByTagName("HOST").item(1).getTextContent());
        assertEquals(4, d.getElementsByTagName("NAMESPACE").getLength());
        String classes = write("References", true, w -> {
            w.objectWithPath(CLS, ObjectPath.forClass(NS, CimName.of("CIM_Foo")));
            w.finishSuccess();
        });
        assertTrue(classes.contains("<VALUE.OBJECTWITHPATH><CLASSPATH><NAMESPACEPATH><HOST>localhost</HOST>"), classes);
        String names = write("AssociatorNames", true, w -> {
            w.objectPath(PATH.withNamespace(NS));
            w.objectPath(ObjectPath.forClass(NS, CimName.of("C")));
            w.finishSuccess();
        });
        assertEquals("CIM\n  MESSAGE\n    SIMPLERSP\n      IMETHODRESPONSE\n        IRETURNVALUE\n          OBJECTPATH\n            INSTANCEPATH\n"
                + "              NAMESPACEPATH\n                HOST\n                LOCALNAMESPACEPATH\n                  NAMESPACE\n                  NAMESPACE\n"
                + "              INSTANCENAME\n                KEYBINDING\n                  KEYVALUE\n                KEYBINDING\n                  KEYVALUE\n"
                + "                KEYBINDING\n                  KEYVALUE\n"
                + "          OBJECTPATH\n            CLASSPATH\n              NAMESPACEPATH\n                HOST\n                LOCALNAMESPACEPATH\n"
                + "                  NAMESPACE\n                  NAMESPACE\n              CLASSNAME\n", outline(dom(names)));
    }

    @Test
    void pullResults() throws Exception {
        String xml = write("OpenEnumerateInstances", true, w -> {
            w.objectWithPath(INST);
            w.pullResult("ctx-1", false);
            w.finishSuccess();
        });
        assertTrue(xml.contains("<IRETURNVALUE><VALUE.INSTANCEWITHPATH><INSTANCEPATH>"), xml);
        assertTrue(xml.endsWith("</VALUE.INSTANCEWITHPATH></IRETURNVALUE>"
                + "<PARAMVALUE NAME=\"EnumerationContext\" PARAMTYPE=\"string\"><VALUE>ctx-1</VALUE></PARAMVALUE>"
                + "<PARAMVALUE NAME=\"EndOfSequence\" PARAMTYPE=\"boolean\"><VALUE>FALSE</VALUE></PARAMVALUE>"
                + "</IMETHODRESPONSE></SIMPLERSP></MESSAGE></CIM>\n"), xml);
        String paths = write("PullInstancePaths", true, w -> {
            w.objectPath(PATH);
            w.pullResult(null, true);
            w.finishSuccess();
        });
        assertTrue(paths.contains("<IRETURNVALUE><INSTANCEPATH>"), paths);
        assertTrue(paths.contains("<PARAMVALUE NAME=\"EnumerationContext\" PARAMTYPE=\"string\"></PARAMVALUE>"
                + "<PARAMVALUE NAME=\"EndOfSequence\" PARAMTYPE=\"boolean\"><VALUE>TRUE</VALUE></PARAMVALUE>"), paths);
        String empty = write("PullInstances", true, w -> {
            w.pullResult("c", false);
            w.finishSuccess();
        });
        assertTrue(empty.contains("<IRETURNVALUE></IRETURNVALUE><PARAMVALUE NAME=\"EnumerationContext\""), empty);
        String count = write("EnumerationCount", true, w -> {
            w.enumerationCount(12L);
            w.finishSuccess();
        });
        assertTrue(count.contains("<IRETURNVALUE><VALUE>12</VALUE></IRETURNVALUE>"), count);
    }

    @Test
    void extrinsicMethodResponse() throws Exception {
        ObjectPath job = ObjectPath.builder("CIM_ConcreteJob").namespace("root/cimv2").key("InstanceID", "j1").build();
        CimInstance setting = CimInstance.builder("CIM_SettingData").property("ElementName", "a<b").build();
        String xml = write("CreateElementReplica", false, w -> {
            w.methodResult(CimValue.ofUint32(4096), List.of(
                    ParamValue.of("Job", CimValue.ofReference(job)),
                    ParamValue.of("Settings", CimValue.ofEmbeddedInstance(setting)),
                    ParamValue.of("Refs", CimValue.of(CimType.arrayOf(CimType.Kind.REFERENCE), Arrays.asList(job, null))),
                    ParamValue.of("Codes", CimValue.of(CimType.arrayOf(CimType.Kind.UINT16), List.of(1, 2))),
                    ParamValue.untypedNull(CimName.of("Nothing"))));
            w.finishSuccess();
        });
        assertTrue(xml.contains("<METHODRESPONSE NAME=\"CreateElementReplica\"><RETURNVALUE PARAMTYPE=\"uint32\"><VALUE>4096</VALUE></RETURNVALUE>"
                + "<PARAMVALUE NAME=\"Job\" PARAMTYPE=\"reference\"><VALUE.REFERENCE><LOCALINSTANCEPATH>"), xml);
        assertTrue(xml.contains("<PARAMVALUE NAME=\"Settings\" PARAMTYPE=\"string\" EmbeddedObject=\"instance\"><VALUE>&lt;INSTANCE CLASSNAME=\"CIM_SettingData\">"
                + "&lt;PROPERTY NAME=\"ElementName\" TYPE=\"string\">&lt;VALUE>a&amp;lt;b&lt;/VALUE>"), xml);
        assertTrue(xml.contains("<PARAMVALUE NAME=\"Refs\" PARAMTYPE=\"reference\"><VALUE.REFARRAY><VALUE.REFERENCE>"), xml);
        assertTrue(xml.contains("<VALUE.NULL/></VALUE.REFARRAY></PARAMVALUE><PARAMVALUE NAME=\"Codes\" PARAMTYPE=\"uint16\"><VALUE.ARRAY>"), xml);
        assertTrue(xml.contains("<PARAMVALUE NAME=\"Nothing\"></PARAMVALUE></METHODRESPONSE>"), xml);
        Document d = dom(xml);
        String embedded = d.getElementsByTagName("PARAMVALUE").item(1).getTextContent();
        assertEquals(CimXmlElementWriter.embeddedXml(setting), embedded);
    }

    @Test
    void valuesOfEveryType() throws Exception {
        CimInstance i = CimInstance.builder("T")
                .property("u64", CimValue.ofUint64(new java.math.BigInteger("18446744073709551615")))
                .property("s64", CimValue.ofSint64(Long.MIN_VALUE))
                .property("s8", CimValue.ofSint8(-3))
                .property("u8", CimValue.ofUint8(200))
                .property("r32", CimValue.ofReal32(0.1f))
                .property("r64", CimValue.ofReal64(1e-300))
                .property("inf", CimValue.ofReal64(Double.NEGATIVE_INFINITY))
                .property("nan", CimValue.ofReal32(Float.NaN))
                .property("dt", CimValue.ofDateTime(CimDateTime.parse("20261125064630.123456-300")))
                .property("c", CimValue.ofChar16('\u00e9'))
                .property("n", CimValue.nullOf(CimType.UINT32))
                .build();
        String xml = write("GetInstance", true, w -> {
            w.instance(i);
            w.finishSuccess();
        });
        for (String s : new String[] {"<VALUE>18446744073709551615</VALUE>", "<VALUE>-9223372036854775808</VALUE>", "<VALUE>-3</VALUE>",
            "<VALUE>200</VALUE>", "<VALUE>0.1</VALUE>", "<VALUE>1.0E-300</VALUE>", "<VALUE>-INF</VALUE>", "<VALUE>NaN</VALUE>",
            "<VALUE>20261125064630.123456-300</VALUE>", "<VALUE>\u00e9</VALUE>", "<PROPERTY NAME=\"n\" TYPE=\"uint32\"></PROPERTY>"}) {
            assertTrue(xml.contains(s), s);
        }
    }

    @Test
    void escapingNonBmpAndForbiddenCharacters() throws Exception {
        String nasty = "<>&\"' \uD83D\uDE00 \u0000\u0008\u000B\u000C\u001F\uFFFE\uFFFF \uD800x \uDC00 \t\r\n end";
        String expected = "<>&\"' \uD83D\uDE00 \uFFFD\uFFFD\uFFFD\uFFFD\uFFFD\uFFFD\uFFFD \uFFFDx \uFFFD \t\r\n end";
        CimInstance i = CimInstance.builder("T").property("s", nasty).build();
        String xml = write("GetInstance", true, w -> {
            w.instance(i);
            w.finishSuccess();
        });
        byte[] bytes = xml.getBytes(StandardCharsets.UTF_8);
        String raw = new String(bytes, StandardCharsets.UTF_8);
        assertTrue(raw.contains("\uD83D\uDE00"), "non-BMP char written as real UTF-8");
        assertFalse(raw.contains("&#55357;") || raw.contains("&#xd83d;") || raw.contains("&#xD83D;"), "no surrogate char refs");
        assertEquals(expected, dom(xml).getElementsByTagName("VALUE").item(0).getTextContent());
        String err = write("GetInstance", true, w -> w.finishError(new CimException(CimStatus.FAILED, nasty)));
        assertEquals(expected, ((Element) dom(err).getElementsByTagName("ERROR").item(0)).getAttribute("DESCRIPTION"));
    }

    @Test
    void streamsWithoutBufferingTheWholeResponse() {
        List<Integer> sizes = new ArrayList<>();
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        OutputStream counting = new OutputStream() {
            @Override
            public void write(int b) {
                sink.write(b);
            }

            @Override
            public void write(byte[] b, int off, int len) {
                sink.write(b, off, len);
                sizes.add(sink.size());
            }
        };
        CimXmlResponseWriter w = new CimXmlResponseWriter(counting, "1", null, "EnumerateInstances", true);
        for (int k = 0; k < 2000; k++) {
            w.namedInstance(INST);
        }
        int beforeFinish = sink.size();
        assertTrue(beforeFinish > 100_000, "output reached the stream before finish: " + beforeFinish);
        w.finishSuccess();
        assertTrue(sizes.size() > 10, "written in many chunks, not once: " + sizes.size());
    }
}
