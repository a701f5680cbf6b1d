package org.iscsismis.cimxml;

import static org.iscsismis.cimxml.CimXmlRequestReaderTest.call;
import static org.iscsismis.cimxml.CimXmlRequestReaderTest.p;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;
import org.iscsismis.cimxml.CimXmlException.Kind;
import org.iscsismis.operation.CreateInstanceRequest;
import org.junit.jupiter.api.Test;

/** Every reader limit is refused as LIMIT_EXCEEDED with a message naming the limit, its value and the position. */
class CimXmlReaderLimitsTest {

    private static final CimXmlRequestReader READER = new CimXmlRequestReader();
    private static final Pattern POSITION = Pattern.compile("\\(at line \\d+:\\d+\\)");

    private static String refused(String body, ReaderLimits limits) {
        CimXmlException e = assertThrows(CimXmlException.class,
                () -> READER.read(new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)), limits));
        assertEquals(Kind.LIMIT_EXCEEDED, e.kind(), e.getMessage());
        assertTrue(POSITION.matcher(e.getMessage()).find(), e.getMessage());
        return e.getMessage();
    }

    private static void assertNames(String message, String... parts) {
        for (String part : parts) {
            assertTrue(message.contains(part), "\"" + part + "\" missing in: " + message);
        }
    }

    @Test
    void elementDepth() {
        String body = call("EnumerateQualifiers", "<IPARAMVALUE NAME=\"X\">" + "<VALUE.ARRAY>".repeat(100));
        assertNames(refused(body, new ReaderLimits(20, 1000, 1024, 4096)), "Element nesting exceeds the limit of 20 levels");
    }

    @Test
    void elementCount() {
        String body = call("GetClass", p("ClassName", "<CLASSNAME NAME=\"A\"/>")
                + p("PropertyList", "<VALUE.ARRAY>" + "<VALUE>A</VALUE>".repeat(200) + "</VALUE.ARRAY>"));
        assertNames(refused(body, new ReaderLimits(64, 100, 1024, 4096)), "The number of elements exceeds the limit of 100 elements");
    }

    @Test
    void attributeSize() {
        String body = call("GetClass", p("ClassName", "<CLASSNAME NAME=\"" + "A".repeat(5000) + "\"/>"));
        assertNames(refused(body, new ReaderLimits(64, 1000, 1024, 1 << 20)), "An attribute value exceeds the limit of 1024 characters");
    }

    @Test
    void attributesPerElement() {
        StringBuilder many = new StringBuilder("<CLASSNAME NAME=\"A\"");
        for (int i = 0; i <= CimXmlRequestReader.MAX_ATTRIBUTES_PER_ELEMENT; i++) {
            many.append(" X").append(i).append("=\"1\"");
        }
        String body = call("GetClass", p("ClassName", many + "/>"));
        assertNames(refused(body, ReaderLimits.DEFAULT), "The number of attributes of an element exceeds the limit of "
                + CimXmlRequestReader.MAX_ATTRIBUTES_PER_ELEMENT + " attributes");
    }

    @Test
    void textSize() {
        String body = call("GetQualifier", p("QualifierName", "<VALUE>" + "y".repeat(100_000) + "</VALUE>"));
        assertNames(refused(body, new ReaderLimits(64, 1000, 1024, 4096)), "exceeds the limit of 4096 characters");
    }

    @Test
    void embeddedObjectsNestAtMostEightLevels() throws Exception {
        int max = EmbeddedObjectReader.MAX_EMBEDDING_DEPTH;
        byte[] deepest = call("CreateInstance", p("NewInstance", nested(max))).getBytes(StandardCharsets.UTF_8);
        assertNotNull(((CreateInstanceRequest) READER.read(new ByteArrayInputStream(deepest), ReaderLimits.DEFAULT).request()).newInstance());
        String message = refused(call("CreateInstance", p("NewInstance", nested(max + 1))), ReaderLimits.DEFAULT);
        assertNames(message, "The nesting of embedded objects exceeds the limit of " + max + " levels", "In the embedded object (at line");
    }

    /** An INSTANCE holding {@code levels} embedded instances, each inside the previous one's property. */
    private static String nested(int levels) {
        String xml = "<INSTANCE CLASSNAME=\"A\"></INSTANCE>";
        for (int i = 0; i < levels; i++) {
            String escaped = xml.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
            xml = "<INSTANCE CLASSNAME=\"A\"><PROPERTY NAME=\"E\" TYPE=\"string\" EmbeddedObject=\"instance\"><VALUE>"
                    + escaped + "</VALUE></PROPERTY></INSTANCE>";
        }
        return xml;
    }

    @Test
    void limitInsideAnEmbeddedObjectSaysSo() {
        String inner = "<INSTANCE CLASSNAME=\"" + "A".repeat(2000) + "\"></INSTANCE>";
        String body = call("CreateInstance", p("NewInstance", "<INSTANCE CLASSNAME=\"A\"><PROPERTY NAME=\"E\" TYPE=\"string\" "
                + "EmbeddedObject=\"instance\"><VALUE>" + inner.replace("<", "&lt;").replace(">", "&gt;") + "</VALUE></PROPERTY></INSTANCE>"));
        assertNames(refused(body, new ReaderLimits(64, 1000, 1024, 4096)),
                "In the embedded object (at line", "An attribute value exceeds the limit of 1024 characters");
    }
}
