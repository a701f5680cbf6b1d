package org.iscsismis.e2e;

import static org.iscsismis.e2e.SblimClients.all;
import static org.iscsismis.e2e.SblimClients.assertCimError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.iscsismis.cim.CimClass;
import org.iscsismis.cim.CimInstance;
import org.iscsismis.cim.CimNamespace;
import org.iscsismis.cim.CimType;
import org.iscsismis.cim.CimValue;
import org.iscsismis.testing.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.metricshub.wbem.javax.cim.CIMInstance;
import org.metricshub.wbem.javax.cim.CIMObjectPath;
import org.metricshub.wbem.javax.cim.UnsignedInteger32;
import org.metricshub.wbem.javax.wbem.WBEMException;
import org.metricshub.wbem.javax.wbem.client.EnumerateResponse;
import org.metricshub.wbem.javax.wbem.client.WBEMClient;

/**
 * Queries end to end on a server with the demo target and a repository class with arrays
 * ({@code Query_Item} in root/cimv2): the SBLIM client's execQuery and filtered pulls, raw CIM-XML
 * for OpenQueryInstances with ReturnQueryResultClass, and every query error code.
 */
class QueryIT {

    static final String ISCSI = "root/cimv2/storage/iscsitarget";
    static final String SYNC = "MSISCSITARGET_StorageSynchronized";
    @RegisterExtension
    static final ServerFixture server = ServerFixture.seeded(
            TestServer.testDefaults().with(org.iscsismis.server.ServerConfig.DEMO_ENABLED, "true"),
            (repository, registry) -> {
                CimNamespace ns = CimNamespace.of("root/cimv2");
                repository.createClass(ns, CimClass.builder("Query_Item").key("InstanceID", CimType.STRING)
                        .property("Name", CimType.STRING).property("Counter", CimType.UINT32)
                        .property("Codes", CimType.arrayOf(CimType.Kind.UINT16))
                        .property("Tags", CimType.arrayOf(CimType.Kind.STRING)).build());
                for (int i = 0; i < 20; i++) {
                    repository.createInstance(ns, CimInstance.builder("Query_Item")
                            .property("InstanceID", CimValue.ofString("Q:" + i))
                            .property("Name", i == 19 ? CimValue.nullOf(CimType.STRING) : CimValue.ofString("item-" + i))
                            .property("Counter", CimValue.ofUint32(i))
                            .property("Codes", CimValue.of(CimType.arrayOf(CimType.Kind.UINT16), List.of(i % 3, 10 + i)))
                            .property("Tags", CimValue.ofStrings(List.of("t" + i % 2, "all"))).build());
                }
            });
    private static final WBEMClient client = server.client();

    private static List<CIMInstance> execQuery(String ns, String language, String query) throws WBEMException {
        return all(client.execQuery(new CIMObjectPath(null, null, null, ns, null, null), query, language));
    }

    private static int u16(CIMInstance i, String name) {
        return ((Number) i.getPropertyValue(name)).intValue();
    }

    @Test
    void execQueryOnTheDemoPairsMatchesTheirEnumeration() throws WBEMException {
        List<CIMInstance> synced = execQuery(ISCSI, "WQL", "SELECT * FROM " + SYNC + " WHERE CopyState = 4");
        assertTrue(synced.size() >= 2, "the mirror and the snapshot are Synchronized");
        synced.forEach(i -> assertEquals(4, u16(i, "CopyState")));
        synced.forEach(i -> assertEquals(ISCSI, i.getObjectPath().getNamespace(), "ExecQuery answers full paths"));
        List<CIMInstance> mirror = execQuery(ISCSI, "DMTF:CQL", "SELECT SyncType, CopyState FROM " + SYNC + " WHERE SyncType = 6");
        assertEquals(1, mirror.size());
        assertEquals(Set.of("SyncType", "CopyState"), names(mirror.get(0)), "only the selected properties");
        assertEquals(2, mirror.get(0).getObjectPath().getKeys().length, "the path keeps both keys");
    }

    private static Set<String> names(CIMInstance i) {
        return java.util.Arrays.stream(i.getProperties()).map(p -> p.getName()).collect(Collectors.toCollection(TreeSet::new));
    }

    @Test
    void aQueryOnASuperclassFindsTheSubclassInstances() throws WBEMException {
        List<CIMInstance> viaSuper = execQuery(ISCSI, "WQL", "SELECT * FROM CIM_StorageSynchronized WHERE SyncType <> 6");
        assertEquals(2, viaSuper.size());
        viaSuper.forEach(i -> assertEquals(SYNC, i.getClassName()));
        List<CIMInstance> snapshots = execQuery(ISCSI, "DMTF:CQL",
                "SELECT * FROM CIM_StorageSynchronized AS s WHERE s ISA " + SYNC + " AND SyncType = 7");
        assertEquals(1, snapshots.size());
    }

    @Test
    void volumesAndPools() throws WBEMException {
        List<CIMInstance> volumes = execQuery(ISCSI, "WQL", "SELECT DeviceID, ElementName FROM CIM_StorageVolume");
        assertTrue(volumes.size() >= 3, "the demo's disks, mirror target, snapshot and clone");
        String first = (String) volumes.get(0).getPropertyValue("DeviceID");
        List<CIMInstance> one = execQuery(ISCSI, "WQL", "SELECT * FROM MSISCSITARGET_StorageVolume WHERE DeviceID = '" + first + "'");
        assertEquals(1, one.size());
        List<CIMInstance> pools = execQuery(ISCSI, "WQL", "SELECT * FROM CIM_StoragePool WHERE TotalManagedSpace > 0");
        assertFalse(pools.isEmpty());
        assertEquals(pools.size(), execQuery(ISCSI, "DMTF:CQL", "SELECT * FROM CIM_StoragePool WHERE PoolID LIKE '.*'").size());
    }

    @Test
    void filteredPullThroughTheSblimClient() throws WBEMException {
        CIMObjectPath cls = new CIMObjectPath(null, null, null, "root/cimv2", "Query_Item", null);
        EnumerateResponse<CIMInstance> r = client.enumerateInstances(cls, true, false, null, "DMTF:FQL", "Counter >= 15 AND Name <> NULL",
                null, false, new UnsignedInteger32(100));
        assertTrue(r.isEnd());
        assertEquals(Set.of("Q:15", "Q:16", "Q:17", "Q:18"), ids(all(r.getResponses())));
        CIMObjectPath pairs = new CIMObjectPath(null, null, null, ISCSI, SYNC, null);
        EnumerateResponse<CIMInstance> mirrors = client.enumerateInstances(pairs, true, false, null, "DMTF:FQL", "SyncType = 6",
                null, false, new UnsignedInteger32(100));
        assertEquals(1, all(mirrors.getResponses()).size());
    }

    private static Set<String> ids(List<CIMInstance> instances) {
        return instances.stream().map(i -> (String) i.getPropertyValue("InstanceID")).collect(Collectors.toCollection(TreeSet::new));
    }

    /** DSP0212's constructs: comparisons, NULL, array elements, ANY/EVERY, array literals, LIKE with its regular expressions. */
    @Test
    void dsp0212Examples() throws WBEMException {
        assertEquals(Set.of("Q:3"), fql("Counter = 3"));
        assertEquals(Set.of("Q:19"), fql("Name = NULL"));
        assertEquals(Set.of("Q:1", "Q:10", "Q:11", "Q:12"), fql("Name LIKE 'item-1[012]?'"));
        assertEquals(Set.of("Q:0"), fql("Codes[1] = 10"));
        assertEquals(Set.of("Q:0"), fql("Codes = {0, 10}"));
        assertEquals(Set.of("Q:2", "Q:5"), fql("ANY Codes = 2 AND Counter < 6"));
        assertEquals(20, fql("EVERY Codes < 30").size());
        assertEquals(Set.of("Q:0", "Q:2"), fql("NOT ANY Tags = 't1' AND Counter < 4"));
        assertEquals(Set.of("Q:1", "Q:3"), fql("ANY Tags LIKE 't[1]' AND (Counter = 1 OR Counter = 3)"));
        assertEquals(Set.of(), fql("Counter = 0x1F"));
    }

    private static Set<String> fql(String filter) throws WBEMException {
        CIMObjectPath cls = new CIMObjectPath(null, null, null, "root/cimv2", "Query_Item", null);
        return ids(all(client.enumerateInstances(cls, true, false, null, "DMTF:FQL", filter, null, false,
                new UnsignedInteger32(100)).getResponses()));
    }

    @Test
    void openQueryInstancesOverRawCimXmlWithTheResultClass() {
        RawCimHttp http = new RawCimHttp(server.url());
        String body = RawCimHttp.intrinsic("OpenQueryInstances", param("FilterQueryLanguage", "WQL")
                + param("FilterQuery", "SELECT InstanceID, Counter FROM Query_Item WHERE Counter &lt; 3")
                + param("ReturnQueryResultClass", "TRUE") + param("MaxObjectCount", "100"));
        HttpResponse<String> r = http.post("OpenQueryInstances", "root/cimv2", body);
        assertEquals(200, r.statusCode());
        String xml = r.body();
        assertEquals(3, count(xml, "<INSTANCE CLASSNAME=\"Query_Item\""), xml);
        assertFalse(xml.contains("INSTANCEPATH"), "OpenQueryInstances answers instances without paths");
        Matcher m = Pattern.compile("<PARAMVALUE NAME=\"QueryResultClass\"><CLASS NAME=\"Query_Item\"[^>]*>(.*?)</CLASS>").matcher(xml);
        assertTrue(m.find(), xml);
        assertEquals(2, count(m.group(1), "<PROPERTY "), "the result class has the selected properties");
        assertTrue(xml.contains("<PARAMVALUE NAME=\"EndOfSequence\" PARAMTYPE=\"boolean\"><VALUE>TRUE</VALUE>"), xml);
    }

    private static String param(String name, String value) {
        return "<IPARAMVALUE NAME=\"" + name + "\"><VALUE>" + value + "</VALUE></IPARAMVALUE>";
    }

    private static int count(String s, String what) {
        int n = 0;
        for (int at = s.indexOf(what); at >= 0; at = s.indexOf(what, at + 1)) {
            n++;
        }
        return n;
    }

    @Test
    void everyQueryErrorCode() {
        CIMObjectPath ns = new CIMObjectPath(null, null, null, "root/cimv2", null, null);
        assertCimError(14, () -> all(client.execQuery(ns, "SELECT * FROM Query_Item", "SQL")));
        assertCimError(15, () -> all(client.execQuery(ns, "SELECT * FROM Query_Item WHERE", "WQL")));
        assertCimError(15, () -> all(client.execQuery(ns, "SELECT * FROM No_Such_Class", "WQL")));
        assertCimError(15, () -> all(client.execQuery(ns, "SELECT Nope FROM Query_Item", "DMTF:CQL")));
        assertCimError(15, () -> all(client.execQuery(ns, "SELECT * FROM Query_Item ORDER BY Name", "DMTF:CQL")));
        CIMObjectPath cls = new CIMObjectPath(null, null, null, "root/cimv2", "Query_Item", null);
        assertCimError(14, () -> client.enumerateInstances(cls, true, false, null, "WQL", "Counter = 1", null, false,
                new UnsignedInteger32(10)));
        assertCimError(15, () -> client.enumerateInstances(cls, true, false, null, "DMTF:FQL", "blah", null, false,
                new UnsignedInteger32(10)));
        assertCimError(4, () -> client.enumerateInstances(cls, true, false, null, null, "Counter = 1", null, false,
                new UnsignedInteger32(10)));
        RawCimHttp http = new RawCimHttp(server.url());
        String xml = http.post("ExecQuery", "root/cimv2", RawCimHttp.intrinsic("ExecQuery", param("QueryLanguage", "WQL")
                + param("Query", "SELECT * FROM Query_Item WHERE Nope = 1"))).body();
        assertTrue(xml.contains("CODE=\"15\""), xml);
        assertTrue(xml.replace("&apos;", "'").contains("line 1, column 32 (offset 31), at 'Nope': class Query_Item has no property Nope"),
                xml);
    }
}
