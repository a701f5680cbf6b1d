package org.iscsismis.cimxml;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import javax.xml.parsers.DocumentBuilderFactory;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.iscsismis.cim.CimInstance;
import org.iscsismis.cim.CimName;
import org.iscsismis.cim.CimValue;
import org.iscsismis.cim.ObjectPath;
import org.iscsismis.operation.CreateInstanceRequest;
import org.w3c.dom.Document;

/** For any string: the writer's output is well-formed and carries the string, with only XML-forbidden characters replaced. */
class CimXmlWriterProperties {

    @Provide
    Arbitrary<String> anyText() {
        Arbitrary<Character> any = Arbitraries.chars().all();
        Arbitrary<Character> special = Arbitraries.of('<', '>', '&', '"', '\'', '\r', '\n', '\t', '\u0000', '\u001F',
                '\uFFFE', '\uFFFF', '\uD83D', '\uDE00', ']');
        Arbitrary<String> nonBmp = Arbitraries.of("\uD83D\uDE00", "\uD800\uDC00", "\uDBFF\uDFFF", "]]>");
        return Arbitraries.oneOf(
                Arbitraries.just(""),
                Arbitraries.strings().all().ofMaxLength(60),
                Arbitraries.frequencyOf(
                        net.jqwik.api.Tuple.of(3, any.map(String::valueOf)),
                        net.jqwik.api.Tuple.of(3, special.map(String::valueOf)),
                        net.jqwik.api.Tuple.of(1, nonBmp)).list().ofMaxSize(40).map(l -> String.join("", l)));
    }

    /** What the writer promises: each code point XML 1.0 cannot carry becomes U+FFFD. */
    static String expected(String s) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                sb.append(c).append(s.charAt(++i));
            } else if (Character.isSurrogate(c) || c == '\uFFFE' || c == '\uFFFF' || (c < 0x20 && c != '\t' && c != '\n' && c != '\r')) {
                sb.append('\uFFFD');
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    @Property(tries = 500)
    void instanceStringValuesSurviveAJdkParser(@ForAll("anyText") String s) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        CimXmlResponseWriter w = new CimXmlResponseWriter(out, s, null, "GetInstance", true);
        w.instance(CimInstance.builder("T").property("p", s).build());
        w.finishSuccess();
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        Document d = f.newDocumentBuilder().parse(new ByteArrayInputStream(out.toByteArray()));
        assertEquals(expected(s), d.getElementsByTagName("VALUE").item(0).getTextContent());
        assertEquals(expected(s), d.getDocumentElement().getElementsByTagName("MESSAGE").item(0).getAttributes().getNamedItem("ID").getNodeValue());
    }

    @Property(tries = 300)
    void writtenInstancesAndKeysReadBackEqual(@ForAll("anyText") String s) throws Exception {
        CimInstance inst = CimInstance.builder("T").property("p", s).property("n", CimValue.ofSint32(s.length()))
                .path(ObjectPath.builder("T").key("k", s).build()).build();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        var x = CimXmlElementWriter.newWriter(body);
        x.writeRaw("<?xml version=\"1.0\" encoding=\"utf-8\" ?><CIM CIMVERSION=\"2.0\" DTDVERSION=\"2.0\"><MESSAGE ID=\"1\" PROTOCOLVERSION=\"1.0\">"
                + "<SIMPLEREQ><IMETHODCALL NAME=\"CreateInstance\"><LOCALNAMESPACEPATH><NAMESPACE NAME=\"root\"/></LOCALNAMESPACEPATH>"
                + "<IPARAMVALUE NAME=\"NewInstance\">");
        new CimXmlElementWriter(x).instance(inst);
        x.writeRaw("</IPARAMVALUE></IMETHODCALL></SIMPLEREQ></MESSAGE></CIM>");
        x.flush();
        ParsedRequest r = new CimXmlRequestReader().read(new ByteArrayInputStream(body.toByteArray()), ReaderLimits.DEFAULT);
        CimInstance back = ((CreateInstanceRequest) r.request()).newInstance();
        assertEquals(CimValue.ofString(expected(s)), back.value(CimName.of("p")));
        assertEquals(CimValue.ofSint32(s.length()), back.value("n"));
        assertEquals(new String(expected(s).getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8), back.value("p").value());
    }
}
