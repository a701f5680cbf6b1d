package org.iscsismis.e2e;

import static org.iscsismis.e2e.SblimClients.all;
import static org.iscsismis.e2e.SblimClients.classPath;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import javax.xml.parsers.DocumentBuilderFactory;
import org.iscsismis.cim.CimClass;
import org.iscsismis.cim.CimMethod;
import org.iscsismis.cim.CimName;
import org.iscsismis.cim.CimProperty;
import org.iscsismis.cim.CimQualifierType;
import org.iscsismis.cim.CimScope;
import org.iscsismis.testing.DmtfSchema;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.metricshub.wbem.javax.cim.CIMClass;
import org.metricshub.wbem.javax.cim.CIMClassProperty;
import org.metricshub.wbem.javax.cim.CIMFlavor;
import org.metricshub.wbem.javax.cim.CIMQualifierType;
import org.metricshub.wbem.javax.cim.CIMScope;
import org.metricshub.wbem.javax.wbem.WBEMException;
import org.metricshub.wbem.javax.wbem.client.WBEMClient;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * Every {@code CIM_} class the server serves, in every namespace, is the class of DMTF CIM Schema 2.49.0: same
 * superclass, and property by property, method by method and parameter by parameter the same types, array-ness,
 * defaults and qualifiers (Key, Override, ValueMap/Values, In/Out and all the others). The served classes are read
 * through the SBLIM client; 2.49 is the DMTF release zip compiled offline.
 */
class DmtfClassesIT {

    static final List<String> NAMESPACES = List.of("root/cimv2", "root/interop", "root/cimv2/storage/iscsitarget");

    @RegisterExtension
    static final ServerFixture server = ServerFixture.plain();
    private static final WBEMClient client = server.client();
    private static DmtfSchema.Compiled dmtf;

    @BeforeAll
    static void start() {
        dmtf = DmtfSchema.compiled();
    }

    /** Every class of the namespace, as EnumerateClasses(DeepInheritance) returns it, by name. */
    private static Map<String, CIMClass> served(String ns, boolean localOnly) throws WBEMException {
        Map<String, CIMClass> out = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (CIMClass c : all(client.enumerateClasses(classPath(ns, null), true, localOnly, true, true))) {
            out.put(c.getName(), c);
        }
        return out;
    }

    private static boolean isCim(String className) {
        return className.regionMatches(true, 0, "CIM_", 0, 4);
    }

    @Test
    void everyServedCimClassDeclaresWhatTheDmtfClassDeclares() throws WBEMException {
        List<String> differences = new ArrayList<>();
        for (String ns : NAMESPACES) {
            Map<String, CIMClass> classes = served(ns, true);
            int cim = 0;
            for (CIMClass c : classes.values()) {
                if (!isCim(c.getName())) {
                    continue;
                }
                cim++;
                CimClass expected = dmtf.classes().get(CimName.of(c.getName()));
                if (expected == null) {
                    differences.add(ns + ": " + c.getName() + " is not a class of CIM Schema 2.49.0");
                    continue;
                }
                differences.addAll(ClassShape.differences(ns + ": " + c.getName(), ClassShape.of(expected), ClassShape.ofLocal(c)));
            }
            assertTrue(cim >= 126, ns + " serves " + cim + " CIM_ classes");
        }
        assertTrue(differences.isEmpty(), () -> differences.size() + " differences from CIM Schema 2.49.0:\n"
                + String.join("\n", differences));
    }

    /** The inherited view agrees as well: every property of the class and its ancestors, and the same keys. */
    @Test
    void everyServedCimClassHasTheInheritedPropertiesAndKeysOf249() throws WBEMException {
        List<String> differences = new ArrayList<>();
        for (String ns : NAMESPACES) {
            for (CIMClass c : served(ns, false).values()) {
                if (!isCim(c.getName()) || !dmtf.classes().containsKey(CimName.of(c.getName()))) {
                    continue;
                }
                Set<String> served = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
                Set<String> servedKeys = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
                for (CIMClassProperty<?> p : c.getProperties()) {
                    served.add(p.getName());
                    if (p.isKey()) {
                        servedKeys.add(p.getName());
                    }
                }
                Set<String> expected = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
                Set<String> expectedKeys = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
                for (CimClass k = dmtf.classes().get(CimName.of(c.getName())); k != null;
                        k = k.superClassName() == null ? null : dmtf.classes().get(k.superClassName())) {
                    for (CimProperty p : k.properties()) {
                        expected.add(p.name().toString());
                        if (p.isKey()) {
                            expectedKeys.add(p.name().toString());
                        }
                    }
                }
                if (!served.equals(expected)) {
                    differences.add(ns + ": " + c.getName() + " properties " + served + ", 2.49 " + expected);
                }
                if (!servedKeys.equals(expectedKeys)) {
                    differences.add(ns + ": " + c.getName() + " keys " + servedKeys + ", 2.49 " + expectedKeys);
                }
            }
        }
        assertTrue(differences.isEmpty(), () -> String.join("\n", differences));
    }

    /**
     * What the SBLIM client cannot show, read from the raw CIM-XML of EnumerateClasses: each method's parameters in
     * 2.49's order, and the Association qualifier on every association class (see {@link ClassShape}).
     */
    @Test
    void parameterOrderAndAssociationQualifierAreThoseOf249() throws Exception {
        RawCimHttp raw = new RawCimHttp(server.url());
        List<String> differences = new ArrayList<>();
        for (String ns : NAMESPACES) {
            HttpResponse<String> r = raw.post("EnumerateClasses", ns.replace("/", "%2F"), RawCimHttp.intrinsic(ns, "EnumerateClasses",
                    "<IPARAMVALUE NAME=\"DeepInheritance\"><VALUE>TRUE</VALUE></IPARAMVALUE>"
                    + "<IPARAMVALUE NAME=\"LocalOnly\"><VALUE>TRUE</VALUE></IPARAMVALUE>"));
            assertEquals(200, r.statusCode(), r::body);
            Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                    .parse(new ByteArrayInputStream(r.body().getBytes(StandardCharsets.UTF_8)));
            NodeList classes = doc.getElementsByTagName("CLASS");
            int checked = 0;
            for (int i = 0; i < classes.getLength(); i++) {
                Element served = (Element) classes.item(i);
                CimClass expected = dmtf.classes().get(CimName.of(served.getAttribute("NAME")));
                if (!isCim(served.getAttribute("NAME")) || expected == null) {
                    continue;
                }
                checked++;
                String where = ns + ": " + expected.name();
                if (expected.isAssociation() != hasTrueQualifier(served, "Association")) {
                    differences.add(where + ": Association qualifier " + !expected.isAssociation() + ", 2.49 " + expected.isAssociation());
                }
                for (Element m : children(served, "METHOD")) {
                    CimMethod want = expected.method(m.getAttribute("NAME"));
                    List<String> order = new ArrayList<>();
                    for (Element p : children(m, null)) {
                        if (p.getTagName().startsWith("PARAMETER")) {
                            order.add(p.getAttribute("NAME"));
                        }
                    }
                    List<String> wanted = want == null ? List.of() : want.parameters().stream().map(p -> p.name().toString()).toList();
                    if (!order.equals(wanted)) {
                        differences.add(where + "." + m.getAttribute("NAME") + " parameters " + order + ", 2.49 " + wanted);
                    }
                }
            }
            assertTrue(checked >= 126, ns + ": " + checked + " CIM_ classes in the raw answer");
        }
        assertTrue(differences.isEmpty(), () -> String.join("\n", differences));
    }

    private static boolean hasTrueQualifier(Element element, String name) {
        for (Element q : children(element, "QUALIFIER")) {
            if (q.getAttribute("NAME").equalsIgnoreCase(name)) {
                return "TRUE".equalsIgnoreCase(q.getTextContent().trim());
            }
        }
        return false;
    }

    /** The child elements named {@code tag} (any name when null). */
    private static List<Element> children(Element parent, String tag) {
        List<Element> out = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && (tag == null || e.getTagName().equals(tag))) {
                out.add(e);
            }
        }
        return out;
    }

    /** The DMTF qualifier declarations are served as 2.49 declares them (type, default, scopes, flavors). */
    @Test
    void theDmtfQualifierDeclarationsAreServedAs249DeclaresThem() throws WBEMException {
        for (String ns : NAMESPACES) {
            Map<String, CIMQualifierType<?>> served = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            for (CIMQualifierType<?> q : all(client.enumerateQualifierTypes(classPath(ns, null)))) {
                served.put(q.getName(), q);
            }
            for (CimQualifierType want : dmtf.qualifierTypes().values()) {
                CIMQualifierType<?> got = served.get(want.name().toString());
                String where = ns + ": qualifier " + want.name();
                assertTrue(got != null, where + " is not served");
                assertEquals(ClassShape.type(want.type()), ClassShape.type(got.getDataType()), where + " type");
                assertEquals(ClassShape.text(want.defaultValue()), ClassShape.text(got.getValue()), where + " default");
                assertEquals(scopes(want), got.getScope(), where + " scopes");
                assertEquals(flavors(want), got.getFlavor() & (CIMFlavor.DISABLEOVERRIDE | CIMFlavor.RESTRICTED | CIMFlavor.TRANSLATE),
                        where + " flavors");
            }
        }
    }

    private static int scopes(CimQualifierType q) {
        int bits = 0;
        for (CimScope s : q.scopes()) {
            bits |= switch (s) {
                case CLASS -> CIMScope.CLASS;
                case ASSOCIATION -> CIMScope.ASSOCIATION;
                case INDICATION -> CIMScope.INDICATION;
                case PROPERTY -> CIMScope.PROPERTY;
                case REFERENCE -> CIMScope.REFERENCE;
                case METHOD -> CIMScope.METHOD;
                case PARAMETER -> CIMScope.PARAMETER;
                case ANY -> CIMScope.ANY;
            };
        }
        return bits;
    }

    private static int flavors(CimQualifierType q) {
        return (q.flavor().overridable() ? 0 : CIMFlavor.DISABLEOVERRIDE) | (q.flavor().toSubclass() ? 0 : CIMFlavor.RESTRICTED)
                | (q.flavor().translatable() ? CIMFlavor.TRANSLATE : 0);
    }
}
