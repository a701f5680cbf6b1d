package org.iscsismis.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.xml.parsers.DocumentBuilderFactory;
import org.iscsismis.server.ConfigurationException;
import org.iscsismis.server.ServerConfig;
import org.iscsismis.testing.TestServer;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * How pywbem's {@code WBEMServer} finds the interop namespace, replayed in raw CIM-XML (pywbem itself cannot be
 * installed here): it tries the names in its order until one answers EnumerateInstanceNames of CIM_Namespace
 * (INVALID_NAMESPACE means "not this one"), takes that name, enumerates the CIM_Namespace instances there, and warns
 * when its interop namespace is not among their names (then it lists it as a namespace of its own). A client must
 * find exactly one interop namespace, listed, with no warning; and a configured other name of the interop namespace
 * answers as the namespace itself, in answers that only ever name the namespace.
 */
class InteropDiscoveryIT {

    /** pywbem's {@code WBEMServer.INTEROP_NAMESPACES}, in its order (PG_InterOp also tried, as older tools did). */
    static final List<String> PYWBEM_CANDIDATES = List.of("interop", "root/interop", "root/PG_Interop", "root/PG_InterOp");

    /** The outcome of pywbem's discovery: its interop namespace and the namespaces it lists. */
    record Discovery(String interop, List<String> namespaces, boolean warned) {
    }

    static Discovery discover(RawCimHttp http) throws Exception {
        String interop = null;
        for (String candidate : PYWBEM_CANDIDATES) {
            Document answer = enumerate(http, candidate, "EnumerateInstanceNames");
            String code = errorCode(answer);
            if ("3".equals(code)) {
                continue;
            }
            assertTrue(code == null || code.equals("5") || code.equals("6"), candidate + ": CIM error " + code);
            // pywbem takes the spelling of the namespace's own instance when it finds one, else the name it tried
            interop = candidate;
            for (String name : keyValues(answer, "Name")) {
                if (name.equalsIgnoreCase(candidate)) {
                    interop = name;
                }
            }
            break;
        }
        assertNotNull(interop, "no interop namespace answered " + PYWBEM_CANDIDATES);
        List<String> namespaces = propertyValues(enumerate(http, interop, "EnumerateInstances"), "Name");
        boolean listed = namespaces.stream().anyMatch(interop::equalsIgnoreCase);
        if (!listed) {
            namespaces.add(interop);
        }
        return new Discovery(interop, namespaces, !listed);
    }

    @Test
    void pywbemFindsExactlyOneInteropNamespaceListedWithoutAWarning() throws Exception {
        try (TestServer server = TestServer.start()) {
            Discovery d = discover(new RawCimHttp(server.url()));
            assertEquals("root/interop", d.interop());
            assertEquals(false, d.warned(), "the interop namespace is among the listed namespaces");
            assertEquals(List.of("root/cimv2", "root/cimv2/storage/iscsitarget", "root/interop"), d.namespaces().stream().sorted().toList());
            assertEquals(1, d.namespaces().stream().filter(n -> n.toLowerCase(Locale.ROOT).contains("interop")).count());
        }
    }

    @Test
    void aConfiguredOtherNameAnswersAsTheNamespaceAndIsNeverListed() throws Exception {
        ServerConfig config = TestServer.testDefaults().with(ServerConfig.INTEROP_ALIAS, "interop");
        try (TestServer server = TestServer.start(config)) {
            RawCimHttp http = new RawCimHttp(server.url());
            Document viaAlias = enumerate(http, "interop", "EnumerateInstances");
            assertEquals(null, errorCode(viaAlias), "the CIMObject header and the body both say interop: they agree");
            assertEquals(List.of("root/cimv2", "root/cimv2/storage/iscsitarget", "root/interop"),
                    propertyValues(viaAlias, "Name").stream().sorted().toList());
            // pulled paths are full paths: they name the namespace itself
            HttpResponse<String> r = http.post("OpenEnumerateInstancePaths", "interop", RawCimHttp.intrinsic("interop",
                    "OpenEnumerateInstancePaths", "<IPARAMVALUE NAME=\"ClassName\"><CLASSNAME NAME=\"CIM_Namespace\"/></IPARAMVALUE>"
                    + "<IPARAMVALUE NAME=\"MaxObjectCount\"><VALUE>10</VALUE></IPARAMVALUE>"));
            Document paths = parse(r);
            NodeList namespaces = paths.getElementsByTagName("LOCALNAMESPACEPATH");
            assertEquals(3, namespaces.getLength(), r::body);
            for (int i = 0; i < namespaces.getLength(); i++) {
                assertEquals("root/interop", namespaceOf((Element) namespaces.item(i)));
            }
        }
    }

    @Test
    void anOtherNameThatIsANamespaceOfItsOwnStopsTheStart() {
        ServerConfig config = TestServer.testDefaults().with(ServerConfig.INTEROP_ALIAS, "root/cimv2");
        ConfigurationException e = assertThrows(ConfigurationException.class, () -> TestServer.start(config).close());
        assertTrue(e.getMessage().startsWith("interop.alias: "), e.getMessage());
    }

    // ------------------------------------------------------------------ raw CIM-XML

    static Document enumerate(RawCimHttp http, String namespace, String operation) throws Exception {
        return parse(http.post(operation, namespace, RawCimHttp.intrinsic(namespace, operation,
                "<IPARAMVALUE NAME=\"ClassName\"><CLASSNAME NAME=\"CIM_Namespace\"/></IPARAMVALUE>")));
    }

    static Document parse(HttpResponse<String> r) throws Exception {
        assertEquals(200, r.statusCode(), r::body);
        return DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(r.body().getBytes(StandardCharsets.UTF_8)));
    }

    static String errorCode(Document d) {
        NodeList errors = d.getElementsByTagName("ERROR");
        return errors.getLength() == 0 ? null : ((Element) errors.item(0)).getAttribute("CODE");
    }

    static List<String> keyValues(Document d, String key) {
        List<String> out = new ArrayList<>();
        NodeList bindings = d.getElementsByTagName("KEYBINDING");
        for (int i = 0; i < bindings.getLength(); i++) {
            Element b = (Element) bindings.item(i);
            if (b.getAttribute("NAME").equalsIgnoreCase(key)) {
                out.add(b.getTextContent().trim());
            }
        }
        return out;
    }

    static List<String> propertyValues(Document d, String property) {
        List<String> out = new ArrayList<>();
        NodeList properties = d.getElementsByTagName("PROPERTY");
        for (int i = 0; i < properties.getLength(); i++) {
            Element p = (Element) properties.item(i);
            if (p.getAttribute("NAME").equalsIgnoreCase(property)) {
                out.add(p.getTextContent().trim());
            }
        }
        return out;
    }

    static String namespaceOf(Element localNamespacePath) {
        List<String> segments = new ArrayList<>();
        NodeList names = localNamespacePath.getElementsByTagName("NAMESPACE");
        for (int i = 0; i < names.getLength(); i++) {
            segments.add(((Element) names.item(i)).getAttribute("NAME"));
        }
        return String.join("/", segments);
    }
}
