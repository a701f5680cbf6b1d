package org.iscsismis.e2e;

import static org.iscsismis.e2e.SblimClients.classPath;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.metricshub.wbem.javax.cim.CIMClass;
import org.metricshub.wbem.javax.cim.CIMClassProperty;
import org.metricshub.wbem.javax.cim.CIMDataType;
import org.metricshub.wbem.javax.cim.CIMObjectPath;
import org.metricshub.wbem.javax.cim.CIMQualifier;
import org.metricshub.wbem.javax.wbem.CloseableIterator;
import org.metricshub.wbem.javax.wbem.WBEMException;
import org.metricshub.wbem.javax.wbem.client.WBEMClient;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * The packaged schema as clients see it: the class trees of every namespace, and
 * MSISCSITARGET_StorageSynchronized property by property as the seed page describes it.
 * Expectations come from the references (cim-schema.md chains, the seed page), not from mof/.
 */
class SchemaIT {

    static final String CIMV2 = "root/cimv2";
    static final String INTEROP = "root/interop";
    static final String ISCSI = "root/cimv2/storage/iscsitarget";
    static final List<String> NAMESPACES = List.of(CIMV2, INTEROP, ISCSI);

    /** Chains from cim-schema.md (class → superclass → ... → root). */
    static final List<List<String>> CHAINS = Stream.of(
            "CIM_StorageSynchronized CIM_Synchronized",
            "CIM_StorageVolume CIM_StorageExtent CIM_LogicalDevice CIM_AllocatedLogicalElement CIM_EnabledLogicalElement CIM_LogicalElement CIM_ManagedSystemElement CIM_ManagedElement",
            "CIM_StoragePool CIM_ResourcePool CIM_LogicalElement CIM_ManagedSystemElement CIM_ManagedElement",
            "CIM_ComputerSystem CIM_System CIM_AllocatedLogicalElement CIM_EnabledLogicalElement CIM_LogicalElement CIM_ManagedSystemElement CIM_ManagedElement",
            "CIM_ReplicationService CIM_Service CIM_EnabledLogicalElement CIM_LogicalElement CIM_ManagedSystemElement CIM_ManagedElement",
            "CIM_StorageConfigurationService CIM_Service CIM_EnabledLogicalElement CIM_LogicalElement CIM_ManagedSystemElement CIM_ManagedElement",
            "CIM_StorageReplicationCapabilities CIM_Capabilities CIM_ManagedElement",
            "CIM_ConcreteJob CIM_Job CIM_LogicalElement CIM_ManagedSystemElement CIM_ManagedElement",
            "CIM_RegisteredProfile CIM_RegisteredSpecification CIM_ManagedElement",
            "CIM_ElementConformsToProfile",
            "CIM_ReferencedProfile CIM_ReferencedSpecification CIM_Dependency",
            "CIM_ObjectManager CIM_WBEMService CIM_Service CIM_EnabledLogicalElement CIM_LogicalElement CIM_ManagedSystemElement CIM_ManagedElement",
            "CIM_Namespace CIM_ManagedElement",
            "CIM_CIMXMLCommunicationMechanism CIM_ObjectManagerCommunicationMechanism CIM_ServiceAccessPoint CIM_EnabledLogicalElement CIM_LogicalElement CIM_ManagedSystemElement CIM_ManagedElement",
            "CIM_InstCreation CIM_InstIndication CIM_Indication",
            "CIM_InstDeletion CIM_InstIndication CIM_Indication",
            "CIM_InstModification CIM_InstIndication CIM_Indication",
            "CIM_InstMethodCall CIM_InstIndication CIM_Indication",
            "CIM_AlertIndication CIM_ProcessIndication CIM_Indication",
            "CIM_IndicationFilter CIM_ManagedElement",
            "CIM_ListenerDestinationCIMXML CIM_ListenerDestination CIM_ManagedElement",
            "CIM_IndicationSubscription CIM_AbstractIndicationSubscription")
            .map(s -> List.of(s.split(" "))).toList();

    @RegisterExtension
    static final ServerFixture server = ServerFixture.plain();
    private static final WBEMClient client = server.client();

    private static Set<String> subclassNames(String ns, String className, boolean deep) throws WBEMException {
        Set<String> names = new HashSet<>();
        CloseableIterator<CIMObjectPath> it = client.enumerateClassNames(classPath(ns, className), deep);
        try {
            while (it.hasNext()) {
                names.add(it.next().getObjectName());
            }
        } finally {
            it.close();
        }
        return names;
    }

    @Test
    void everyNamespaceHasTheClassTreesOfTheReferences() throws WBEMException {
        for (String ns : NAMESPACES) {
            Set<String> managedElementTree = subclassNames(ns, "CIM_ManagedElement", true);
            for (List<String> chain : CHAINS) {
                String root = chain.get(chain.size() - 1);
                Set<String> tree = root.equals("CIM_ManagedElement") ? managedElementTree : subclassNames(ns, root, true);
                for (int i = 0; i < chain.size() - 1; i++) {
                    assertTrue(tree.contains(chain.get(i)), ns + ": " + chain.get(i) + " in the tree of " + root);
                    assertTrue(subclassNames(ns, chain.get(i + 1), false).contains(chain.get(i)),
                            ns + ": " + chain.get(i) + " is a direct subclass of " + chain.get(i + 1));
                }
                assertTrue(subclassNames(ns, null, false).contains(root), ns + ": " + root + " is a root class");
            }
        }
    }

    /** Every MSISCSITARGET_* / MSFTSM* class declared in mof/msiscsitarget, under the superclass it names. */
    @Test
    void everyMicrosoftClassIsInTheIscsiTargetNamespaceUnderItsSuperclass() throws IOException, WBEMException {
        Pattern decl = Pattern.compile("(?m)^\\s*class\\s+(\\w+)\\s*:\\s*(\\w+)");
        Map<String, String> declared = new LinkedHashMap<>();
        try (Stream<Path> files = Files.list(Path.of("mof/msiscsitarget"))) {
            for (Path f : files.sorted().toList()) {
                Matcher m = decl.matcher(Files.readString(f));
                while (m.find()) {
                    declared.put(m.group(1), m.group(2));
                }
            }
        }
        assertTrue(declared.keySet().stream().filter(n -> n.startsWith("MSISCSITARGET_")).count() >= 30, declared::toString);
        Set<String> managedElementTree = subclassNames(ISCSI, "CIM_ManagedElement", true);
        for (Map.Entry<String, String> e : declared.entrySet()) {
            CIMClass c = client.getClass(classPath(ISCSI, e.getKey()), true, false, false, null);
            assertEquals(e.getValue(), c.getSuperClassName(), e.getKey());
            assertTrue(subclassNames(ISCSI, e.getValue(), false).contains(e.getKey()), e.getKey() + " under " + e.getValue());
        }
        assertTrue(managedElementTree.contains("MSISCSITARGET_StorageVolume"), "MSISCSITARGET_StorageVolume under CIM_ManagedElement");
        assertTrue(subclassNames(ISCSI, "CIM_Synchronized", true).contains("MSISCSITARGET_StorageSynchronized"));
    }

    // ------------------------------------------------------------------ MSISCSITARGET_StorageSynchronized

    /** One property as the seed page and cim-schema.md describe it. */
    record Expected(String type, String origin, List<String> valueMap, List<String> values) {
    }

    static final String SYNC = "CIM_Synchronized";
    static final String STORAGE_SYNC = "CIM_StorageSynchronized";
    static final String REF = "CIM_ManagedElement REF";

    static List<String> list(String s) {
        return List.of(s.split("\\|"));
    }

    /** The seed's 24 properties: type from its syntax block, value maps from its value lists, origin = first declaring class. */
    static final Map<String, Expected> SEED = new LinkedHashMap<>();

    static {
        SEED.put("WhenSynced", new Expected("datetime", SYNC, null, null));
        SEED.put("SyncMaintained", new Expected("boolean", SYNC, null, null));
        SEED.put("CopyState", new Expected("uint16", SYNC,
                list("2|3|4|5|6|7|8|9|10|11|12|13|14|15|16|17|18..32767|32768..65535"),
                list("Initialized|Unsynchronized|Synchronized|Broken|Fractured|Split|Inactive|Suspended|Failedover|Prepared|Aborted|Skewed|Mixed|Not Applicable|Partitioned|Invalid|DMTF Reserved|Vendor Specific")));
        SEED.put("Mode", new Expected("uint16", SYNC, list("0|2|3|4..32767|32768..65535"),
                list("Unknown|Synchronous|Asynchronous|DMTF Reserved|Vendor Specific")));
        SEED.put("PercentSynced", new Expected("uint16", SYNC, null, null));
        SEED.put("ProgressStatus", new Expected("uint16", SYNC,
                list("0|2|3|4|5|6|7|8|9|10|11|12|13|14|15|16|17|18|19|20|21|22..32767|32768..65535"),
                list("Unknown|Completed|Dormant|Initializing|Preparing|Synchronizing|Resyncing|Restoring|Fracturing|Splitting|Failing over|Failing back|Aborting|Mixed|Not Applicable|Suspending|Requires fracture|Requires resync|Requires activate|Pending|Detaching|DMTF Reserved|Vendor Specific")));
        SEED.put("RequestedCopyState", new Expected("uint16", SYNC, null, null));
        SEED.put("SyncType", new Expected("uint16", SYNC, list("0..5|6|7|8|9..32767|32768..65535"),
                list("DMTF Reserved|Mirror|Snapshot|Clone|DMTF Reserved|Vendor Specific")));
        for (String when : List.of("WhenActivated", "WhenDeactivated", "WhenEstablished", "WhenSuspended", "WhenSynchronized")) {
            SEED.put(when, new Expected("datetime", SYNC, null, null));
        }
        SEED.put("CopyRecoveryMode", new Expected("uint16", SYNC, list("0|2|3|4..32767|32768..65535"),
                list("Unknown|Automatic|Manual|DMTF Reserved|Vendor Specific")));
        SEED.put("FailedCopyStopsHostIO", new Expected("boolean", SYNC, null, null));
        SEED.put("SystemElement", new Expected(REF, SYNC, null, null));
        SEED.put("SyncedElement", new Expected(REF, SYNC, null, null));
        SEED.put("CopyType", new Expected("uint16", STORAGE_SYNC, list("2|3|4|5|6..32767|32768..65535"),
                list("Async|Sync|UnSyncAssoc|UnSyncUnAssoc|DMTF Reserved|Vendor Specific")));
        SEED.put("ReplicaType", new Expected("uint16", STORAGE_SYNC, list("0|2|3|4|5|6..32767|32768..65535"),
                list("Not Specified|Full Copy|Before Delta|After Delta|Log|DMTF Reserved|Vendor Specific")));
        SEED.put("SyncState", new Expected("uint16", STORAGE_SYNC,
                list("2|3|4|5|6|7|8|9|10|11|12|13|14|15|16..32767|32768..65535"),
                list("Initialized|PrepareInProgress|Prepared|ResyncInProgress|Synchronized|Fracture In Progress|QuiesceInProgress|Quiesced|Restore In Progresss|Idle|Broken|Fractured|Frozen|Copy In Progress|DMTF Reserved|Vendor Specific")));
        SEED.put("CopyPriority", new Expected("uint16", STORAGE_SYNC, list("0|1|2|3|4|5..32767|32768..65535"),
                list("Not Managed|Low|Same|High|Urgent|DMTF Reserved|Vendor Specific")));
        SEED.put("CopyMethodology", new Expected("uint16", STORAGE_SYNC, list("0|1|2|3|4|5|6|7|8|9|10..32767|32768..65535"),
                list("Not Specified|Other|Implementation decides|Full Copy|Incremental-Copy|Differential-Copy|Copy-On-Write|Copy-On-Access|Delta-Update|Snap-And-Clone|DMTF Reserved|Vendor Specific")));
        SEED.put("UndiscoveredElement", new Expected("uint16", STORAGE_SYNC, list("2|3|4|5..32767|32768..65535"),
                list("SystemElement|SyncedElement|Both|DMTF Reserved|Vendor Specific")));
        SEED.put("ReadOnly", new Expected("uint16", STORAGE_SYNC, list("2|3|4|5..32767|32768..65535"),
                list("SystemElement|SyncedElement|Both|DMTF Reserved|Vendor Specific")));
    }

    /** What a client saw of one property: type, origin, qualifier values (arrays as lists, scalars as strings). */
    record Seen(String type, String origin, Map<String, Object> qualifiers) {
    }

    private static void assertMatchesSeed(String witness, Map<String, Seen> seen) {
        assertEquals(24, SEED.size());
        for (Map.Entry<String, Expected> e : SEED.entrySet()) {
            String p = e.getKey();
            Expected x = e.getValue();
            Seen s = seen.get(p);
            assertNotNull(s, witness + ": property " + p);
            assertEquals(x.type(), s.type(), witness + ": type of " + p);
            assertEquals(x.origin(), s.origin(), witness + ": CLASSORIGIN of " + p);
            if (x.valueMap() != null) {
                assertEquals(x.valueMap(), s.qualifiers().get("ValueMap"), witness + ": ValueMap of " + p);
                assertEquals(x.values(), s.qualifiers().get("Values"), witness + ": Values of " + p);
            }
        }
        for (String key : List.of("SystemElement", "SyncedElement")) {
            assertEquals("true", String.valueOf(seen.get(key).qualifiers().get("Key")).toLowerCase(), witness + ": Key on " + key);
        }
        assertEquals("true", String.valueOf(seen.get("CopyPriority").qualifiers().get("Write")).toLowerCase(), witness + ": Write on CopyPriority");
        assertEquals("15", String.valueOf(seen.get("RequestedCopyState").qualifiers().get("=default")), witness + ": RequestedCopyState = 15");
        assertEquals("false", String.valueOf(seen.get("FailedCopyStopsHostIO").qualifiers().get("=default")).toLowerCase(),
                witness + ": FailedCopyStopsHostIO = FALSE");
        assertEquals(List.of("CIM_Synchronized.CopyState"), seen.get("RequestedCopyState").qualifiers().get("ModelCorrespondence"));
    }

    @Test
    void storageSynchronizedThroughTheJavaClientMatchesTheSeed() throws WBEMException {
        CIMClass c = client.getClass(classPath(ISCSI, "MSISCSITARGET_StorageSynchronized"), false, true, true, null);
        assertEquals("CIM_StorageSynchronized", c.getSuperClassName());
        Map<String, Seen> seen = new LinkedHashMap<>();
        for (int i = 0; i < c.getPropertyCount(); i++) {
            CIMClassProperty<?> p = c.getProperty(i);
            CIMDataType t = p.getDataType();
            String type = t.getType() == CIMDataType.REFERENCE ? t.getRefClassName() + " REF" : t.toString();
            Map<String, Object> q = new LinkedHashMap<>();
            for (int k = 0; k < p.getQualifierCount(); k++) {
                CIMQualifier<?> qu = p.getQualifier(k);
                Object v = qu.getValue();
                q.put(qu.getName(), v instanceof Object[] a ? Arrays.stream(a).map(String::valueOf).toList() : String.valueOf(v));
            }
            q.put("=default", String.valueOf(p.getValue()));
            seen.put(p.getName(), new Seen(type, p.getOriginClass(), q));
        }
        assertMatchesSeed("SBLIM client", seen);
    }

    @Test
    void storageSynchronizedThroughWbemcliMatchesTheSeed() throws Exception {
        assertTrue(Wbemcli.installed(), "the end-to-end tests need wbemcli (Debian package sblim-wbemcli)");
        Wbemcli.Result gc = Wbemcli.run("gc", "-dx", "http://127.0.0.1:" + server.port() + "/" + ISCSI + ":MSISCSITARGET_StorageSynchronized");
        assertEquals(0, gc.exitCode(), gc::toString);
        String all = gc.out() + gc.err();
        assertTrue(all.contains("<IPARAMVALUE NAME=\"IncludeClassOrigin\"><VALUE>TRUE</VALUE>"), "wbemcli asks for class origins");
        int from = all.indexOf("<?xml", all.indexOf("From server:"));
        int to = all.indexOf("</CIM>", from) + "</CIM>".length();
        Element root = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(all.substring(from, to).getBytes(StandardCharsets.UTF_8))).getDocumentElement();
        Element cls = (Element) root.getElementsByTagName("CLASS").item(0);
        assertEquals("CIM_StorageSynchronized", cls.getAttribute("SUPERCLASS"));
        Map<String, Seen> seen = new LinkedHashMap<>();
        for (Node n = cls.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (!(n instanceof Element p) || !p.getTagName().startsWith("PROPERTY")) {
                continue;
            }
            String type = p.getTagName().equals("PROPERTY.REFERENCE") ? p.getAttribute("REFERENCECLASS") + " REF" : p.getAttribute("TYPE");
            Map<String, Object> q = new LinkedHashMap<>();
            String dflt = "null";
            for (Node c = p.getFirstChild(); c != null; c = c.getNextSibling()) {
                if (c instanceof Element e && e.getTagName().equals("QUALIFIER")) {
                    q.put(e.getAttribute("NAME"), qualifierValue(e));
                } else if (c instanceof Element e && e.getTagName().equals("VALUE")) {
                    dflt = e.getTextContent();
                }
            }
            q.put("=default", dflt);
            seen.put(p.getAttribute("NAME"), new Seen(type, p.getAttribute("CLASSORIGIN"), q));
        }
        assertMatchesSeed("wbemcli", seen);
        // wbemcli's own rendering of the class lists every property too
        Wbemcli.Result plain = Wbemcli.run("gc", "-nl", "http://127.0.0.1:" + server.port() + "/" + ISCSI + ":MSISCSITARGET_StorageSynchronized");
        for (String p : SEED.keySet()) {
            assertTrue(plain.out().contains("-" + p + "="), () -> p + " in\n" + plain);
        }
    }

    private static Object qualifierValue(Element q) {
        NodeList arrays = q.getElementsByTagName("VALUE.ARRAY");
        if (arrays.getLength() > 0) {
            List<String> out = new ArrayList<>();
            NodeList values = ((Element) arrays.item(0)).getElementsByTagName("VALUE");
            for (int i = 0; i < values.getLength(); i++) {
                out.add(values.item(i).getTextContent());
            }
            return out;
        }
        NodeList values = q.getElementsByTagName("VALUE");
        return values.getLength() == 0 ? "null" : values.item(0).getTextContent();
    }
}
