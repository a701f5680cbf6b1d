package org.iscsismis.e2e;

import static org.iscsismis.e2e.ReplicationCalls.NS;
import static org.iscsismis.e2e.ReplicationCalls.REPLICATION_SERVICE;
import static org.iscsismis.e2e.ReplicationCalls.ref;
import static org.iscsismis.e2e.ReplicationCalls.u16;
import static org.iscsismis.e2e.ReplicationCalls.volume;
import static org.iscsismis.e2e.SblimClients.all;
import static org.iscsismis.e2e.SblimClients.assertCimError;
import static org.iscsismis.e2e.SblimClients.classPath;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.iscsismis.http.Pbkdf2Password;
import org.iscsismis.server.ServerConfig;
import org.iscsismis.testing.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.metricshub.wbem.javax.cim.CIMArgument;
import org.metricshub.wbem.javax.cim.CIMDataType;
import org.metricshub.wbem.javax.cim.CIMInstance;
import org.metricshub.wbem.javax.cim.CIMObjectPath;
import org.metricshub.wbem.javax.cim.CIMProperty;
import org.metricshub.wbem.javax.cim.UnsignedInteger16;
import org.metricshub.wbem.javax.cim.UnsignedInteger32;
import org.metricshub.wbem.javax.wbem.WBEMException;
import org.metricshub.wbem.javax.wbem.client.EnumerateResponse;
import org.metricshub.wbem.javax.wbem.client.WBEMClient;

/**
 * Accounts from a users file, with rights per namespace, through the SBLIM client (and raw HTTP for the 401): an
 * administrator with write access everywhere, a reader with read access everywhere, and an auditor who may read
 * only the interop namespace.
 */
class AccountsIT {

    static final String SYNC = "MSISCSITARGET_StorageSynchronized";
    static final String INTEROP = "root/interop";
    private static TestServer server;
    private static WBEMClient admin;
    private static WBEMClient reader;
    private static WBEMClient auditor;

    @BeforeAll
    static void start(@TempDir Path dir) throws Exception {
        Path users = dir.resolve("users");
        Files.writeString(users, String.join("\n",
                "# written by the test in the users file's documented form",
                "admin " + hash("admin-pw") + " *=write",
                "reader " + hash("reader-pw") + " root/*=read",
                "auditor " + hash("auditor-pw") + " root/interop=read") + "\n", StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(users, PosixFilePermissions.fromString("rw-------"));
        server = TestServer.start(TestServer.testDefaults().with(ServerConfig.DEMO_ENABLED, "true")
                .with(ServerConfig.AUTH_USERS_FILE, users.toString()).with(ServerConfig.INTEROP_ALIAS, "interop"));
        admin = SblimClients.connect(server.url(), "admin", "admin-pw");
        reader = SblimClients.connect(server.url(), "reader", "reader-pw");
        auditor = SblimClients.connect(server.url(), "auditor", "auditor-pw");
    }

    private static String hash(String password) {
        return Pbkdf2Password.create(password.toCharArray(), 1_000).format();
    }

    @AfterAll
    static void stop() {
        for (WBEMClient c : new WBEMClient[] {admin, reader, auditor}) {
            if (c != null) {
                c.close();
            }
        }
        if (server != null) {
            server.close();
        }
    }

    @Test
    void aWrongPasswordIs401WithAChallenge() {
        HttpResponse<String> r = new RawCimHttp(server.url()).withBasic("reader", "wrong")
                .post("EnumerateClassNames", "root/cimv2", RawCimHttp.intrinsic("EnumerateClassNames", ""));
        assertEquals(401, r.statusCode(), r::body);
        assertEquals("Basic realm=\"iscsi-smis\"", r.headers().firstValue("WWW-Authenticate").orElse(null));
        HttpResponse<String> unknown = new RawCimHttp(server.url()).withBasic("mallory", "reader-pw")
                .post("EnumerateClassNames", "root/cimv2", RawCimHttp.intrinsic("EnumerateClassNames", ""));
        assertEquals(401, unknown.statusCode(), "an unknown user gets the same answer");
    }

    @Test
    void aReaderEnumeratesButChangesNothing() throws WBEMException {
        List<CIMInstance> pairs = all(reader.enumerateInstances(classPath(NS, SYNC), true, false, false, null));
        assertEquals(3, pairs.size());
        CIMInstance pair = pairs.get(0);
        int priority = ((UnsignedInteger16) pair.getPropertyValue("CopyPriority")).intValue();

        WBEMException modify = assertCimError(2, () -> reader.modifyInstance(new CIMInstance(pair.getObjectPath(), new CIMProperty<?>[] {
                new CIMProperty<>("CopyPriority", CIMDataType.UINT16_T, new UnsignedInteger16(priority == 4 ? 2 : 4))}), null));
        assertTrue(modify.getMessage().contains("ModifyInstance needs write access to namespace " + NS), modify::getMessage);
        assertEquals(priority, ((UnsignedInteger16) reader.getInstance(inNs(pair.getObjectPath()), false, false, null)
                .getPropertyValue("CopyPriority")).intValue(), "nothing changed");

        assertCimError(2, () -> reader.createInstance(new CIMInstance(classPath(INTEROP, "CIM_Namespace"), new CIMProperty<?>[] {
                new CIMProperty<>("Name", CIMDataType.STRING_T, "test/reader")})));
        assertFalse(namespaceNames(reader).contains("test/reader"));

        ReplicationCalls calls = new ReplicationCalls(reader);
        assertCimError(2, () -> calls.invoke(REPLICATION_SERVICE, "CreateElementReplica", u16("SyncType", 8),
                ref("SourceElement", volume("disk-2"))));
        assertEquals(3, all(reader.enumerateInstanceNames(classPath(NS, SYNC))).size(), "no replica was created");
        CIMObjectPath system = all(reader.enumerateInstanceNames(classPath(NS, "MSFTSM_ComputerSystem"))).get(0);
        assertCimError(2, () -> reader.invokeMethod(inNs(system), "RescanExtents", new CIMArgument<?>[0], new CIMArgument<?>[2]));
    }

    /** Methods named Get* only report: read access is enough. */
    @Test
    void aReaderMayCallTheGetSupportedMethods() throws WBEMException {
        CIMObjectPath capabilities = all(reader.enumerateInstanceNames(classPath(NS, "MSISCSITARGET_ReplicationServiceCapabilities"))).get(0);
        Object rv = reader.invokeMethod(inNs(capabilities), "GetSupportedCopyStates",
                new CIMArgument<?>[] {u16("ReplicationType", 6)}, new CIMArgument<?>[4]);
        assertEquals(0L, ((UnsignedInteger32) rv).longValue());
    }

    @Test
    void anAdministratorChangesWhatTheReaderCouldNot() throws WBEMException {
        CIMInstance pair = all(admin.enumerateInstances(classPath(NS, SYNC), true, false, false, null)).get(0);
        admin.modifyInstance(new CIMInstance(inNs(pair.getObjectPath()), new CIMProperty<?>[] {
                new CIMProperty<>("CopyPriority", CIMDataType.UINT16_T, new UnsignedInteger16(3))}), null);
        assertEquals(3, ((UnsignedInteger16) admin.getInstance(inNs(pair.getObjectPath()), false, false, null)
                .getPropertyValue("CopyPriority")).intValue());
    }

    @Test
    void anAuditorReadsTheInteropNamespaceOnly() throws WBEMException {
        int profiles = all(auditor.enumerateInstanceNames(classPath(INTEROP, "CIM_RegisteredProfile"))).size();
        assertTrue(profiles >= 7, "the SNIA profiles of the server, read with read rights on root/interop: " + profiles);
        assertEquals(profiles, all(auditor.enumerateInstanceNames(classPath("interop", "CIM_RegisteredProfile"))).size(), "the configured alias too");
        WBEMException denied = assertCimError(2, () -> all(auditor.enumerateInstanceNames(classPath(NS, SYNC))));
        assertTrue(denied.getMessage().contains("user \"auditor\" has none"), denied::getMessage);
        assertCimError(2, () -> all(auditor.enumerateClassNames(classPath(NS, null), false)));
        assertCimError(2, () -> all(auditor.enumerateInstanceNames(classPath("root/cimv2", "CIM_ManagedElement"))));
        // pulled enumerations obey the same rights
        assertCimError(2, () -> auditor.enumerateInstances(classPath(NS, SYNC), true, false, null, null, null, null, false,
                new UnsignedInteger32(10)));
        EnumerateResponse<CIMInstance> first = auditor.enumerateInstances(classPath(INTEROP, "CIM_RegisteredProfile"), true, false,
                null, null, null, null, false, new UnsignedInteger32(2));
        int pulled = all(first.getResponses()).size();
        EnumerateResponse<CIMInstance> next = first;
        while (!next.isEnd()) {
            next = auditor.getInstancesWithPath(classPath(INTEROP, "CIM_RegisteredProfile"), next.getContext(), new UnsignedInteger32(2));
            pulled += all(next.getResponses()).size();
        }
        assertEquals(profiles, pulled);
    }

    /** ElementConformsToProfile crosses from root/interop into the iSCSI namespace: far ends there are left out for the auditor. */
    @Test
    void associationsCrossIntoUnreadableNamespacesOnlyForThoseWhoMayRead() throws WBEMException {
        CIMObjectPath array = new CIMObjectPath(null, null, null, INTEROP, "MSFTSM_RegisteredProfile", new CIMProperty<?>[] {
                new CIMProperty<>("InstanceID", CIMDataType.STRING_T, "SNIA:Array:1.5.0", true, false, null)});
        CIMObjectPath server = new CIMObjectPath(null, null, null, INTEROP, "MSFTSM_RegisteredProfile", new CIMProperty<?>[] {
                new CIMProperty<>("InstanceID", CIMDataType.STRING_T, "SNIA:Server:1.5.0", true, false, null)});
        assertEquals(1, all(reader.associatorNames(array, "CIM_ElementConformsToProfile", null, null, null)).size());
        assertEquals(List.of(), all(auditor.associatorNames(array, "CIM_ElementConformsToProfile", null, null, null)));
        assertEquals(List.of(), all(auditor.associatorInstances(array, "CIM_ElementConformsToProfile", null, null, null, false, null)));
        assertEquals(1, all(auditor.associatorNames(server, "CIM_ElementConformsToProfile", null, null, null)).size(),
                "the object manager lives in root/interop");
        CIMObjectPath system = new CIMObjectPath(null, null, null, NS, "MSFTSM_ComputerSystem", new CIMProperty<?>[] {
                new CIMProperty<>("CreationClassName", CIMDataType.STRING_T, "MSFTSM_ComputerSystem", true, false, null),
                new CIMProperty<>("Name", CIMDataType.STRING_T, "iscsi-smis", true, false, null)});
        assertCimError(2, () -> all(auditor.associatorNames(system, null, null, null, null)));
    }

    private static List<String> namespaceNames(WBEMClient client) throws WBEMException {
        return all(client.enumerateInstanceNames(classPath(INTEROP, "CIM_Namespace"))).stream()
                .map(p -> p.getKey("Name").getValue().toString()).toList();
    }

    private static CIMObjectPath inNs(CIMObjectPath p) {
        return new CIMObjectPath(null, null, null, NS, p.getObjectName(), p.getKeys());
    }
}
