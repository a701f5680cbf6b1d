package org.iscsismis.e2e;

import static org.iscsismis.e2e.SblimClients.all;
import static org.iscsismis.e2e.SblimClients.assertCimError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
import org.metricshub.wbem.javax.cim.CIMInstance;
import org.metricshub.wbem.javax.cim.CIMObjectPath;
import org.metricshub.wbem.javax.wbem.WBEMException;
import org.metricshub.wbem.javax.wbem.client.WBEMClient;

/**
 * Rights on indications, through the SBLIM client with users from a users file: a subscription delivers only what its
 * creator may read, and a filter or subscription over a namespace its creator cannot read is refused (2) and not
 * stored. The administrator may do anything; the auditor only read the interop namespace; the watcher may subscribe
 * (write in the interop namespace) but read nothing else; the storage watcher may also read the storage namespace.
 */
class IndicationRightsIT {

    private static final String STORAGE = ReplicationCalls.NS;
    private static final String FILTER = "CIM_IndicationFilter";
    private static final String SUBSCRIPTION = "CIM_IndicationSubscription";
    private static TestServer server;
    private static WBEMClient admin;
    private static WBEMClient auditor;
    private static WBEMClient watcher;
    private static WBEMClient storageWatcher;

    @BeforeAll
    static void start(@TempDir Path dir) throws Exception {
        Path users = dir.resolve("users");
        Files.writeString(users, String.join("\n",
                "admin " + hash("admin-pw") + " *=write",
                "auditor " + hash("auditor-pw") + " root/interop=read",
                "watcher " + hash("watcher-pw") + " root/interop=write",
                "storagewatcher " + hash("storage-pw") + " root/interop=write," + STORAGE + "=read") + "\n", StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(users, PosixFilePermissions.fromString("rw-------"));
        server = TestServer.start(TestServer.testDefaults().with(ServerConfig.DEMO_ENABLED, "true")
                .with(ServerConfig.AUTH_USERS_FILE, users.toString()));
        admin = SblimClients.connect(server.url(), "admin", "admin-pw");
        auditor = SblimClients.connect(server.url(), "auditor", "auditor-pw");
        watcher = SblimClients.connect(server.url(), "watcher", "watcher-pw");
        storageWatcher = SblimClients.connect(server.url(), "storagewatcher", "storage-pw");
        // Each client's first request sets up its connection and answers the authentication challenge; a read goes
        // first so each client is past it. (A first CreateInstance once ran twice here: FreshClientCreateIT has why.)
        for (WBEMClient c : new WBEMClient[] {admin, auditor, watcher, storageWatcher}) {
            all(c.enumerateInstanceNames(Subscriptions.path(FILTER)));
        }
    }

    private static String hash(String password) {
        return Pbkdf2Password.create(password.toCharArray(), 1_000).format();
    }

    @AfterAll
    static void stop() {
        for (WBEMClient c : new WBEMClient[] {admin, auditor, watcher, storageWatcher}) {
            if (c != null) {
                c.close();
            }
        }
        if (server != null) {
            server.close();
        }
    }

    private static List<String> names(String className) throws WBEMException {
        return all(admin.enumerateInstances(Subscriptions.path(className), false, false, false, null)).stream()
                .map(i -> String.valueOf(i.getPropertyValue(className.equals(FILTER) ? "Name" : "Handler"))).toList();
    }

    @Test
    void filtersAndSubscriptionsOverUnreadableNamespacesAreRefusedAndNotStored() throws Exception {
        WBEMException readOnly = assertCimError(2, () -> new Subscriptions(auditor).filter("auditor-all", "WQL",
                "SELECT * FROM CIM_InstCreation"));
        assertTrue(readOnly.getMessage().contains("CreateInstance needs write access to namespace root/interop"), readOnly::getMessage);

        WBEMException named = assertCimError(2, () -> new Subscriptions(watcher).filter("watcher-storage", "WQL",
                "SELECT * FROM CIM_InstCreation", STORAGE));
        assertTrue(named.getMessage().contains("Filter watcher-storage: source namespace " + STORAGE
                + " is not readable to user \"watcher\""), named::getMessage);
        assertTrue(names(FILTER).stream().noneMatch(n -> n.equals("watcher-storage")), "nothing stored");

        CIMObjectPath adminFilter = new Subscriptions(admin).filter("admin-storage", "WQL", "SELECT * FROM CIM_InstCreation", STORAGE);
        Subscriptions mine = new Subscriptions(watcher);
        try (IndicationListeners listener = new IndicationListeners()) {
            CIMObjectPath destination = mine.destination("watcher-refused", listener.url());
            WBEMException subscribed = assertCimError(2, () -> mine.subscription(adminFilter, destination));
            assertTrue(subscribed.getMessage().contains("filter admin-storage looks at namespace " + STORAGE
                    + ", which user \"watcher\" may not read"), subscribed::getMessage);
            assertTrue(names(SUBSCRIPTION).stream().noneMatch(h -> h.contains("watcher-refused")), "nothing stored");
        }
    }

    @Test
    void eachSubscriptionDeliversOnlyWhatItsCreatorMayRead() throws Exception {
        try (IndicationListeners watcherListener = new IndicationListeners();
             IndicationListeners storageListener = new IndicationListeners()) {
            // no SourceNamespaces: the watcher's filter looks where the watcher may read (the interop namespace)
            CIMObjectPath watching = new Subscriptions(watcher).subscribe("watcher-creations", "WQL", "SELECT * FROM CIM_InstCreation",
                    watcherListener.url());
            new Subscriptions(storageWatcher).subscribe("storage-creations", "WQL", "SELECT * FROM CIM_InstCreation",
                    storageListener.url(), STORAGE);

            CIMObjectPath volume = new ReplicationCalls(admin).newVolume("pool-1", 4L << 20, "rights-volume");
            List<CIMInstance> seen = storageListener.await(l -> !l.isEmpty(), "the volume's creation");
            CIMInstance created = IndicationIT.source(seen.get(0));
            assertEquals(ReplicationCalls.diskId(volume), created.getPropertyValue("DeviceID"));

            // the watcher's subscription was matched first: had it taken the creation, it would say so by now
            CIMInstance subscription = admin.getInstance(Subscriptions.withNamespace(watching), false, false, null);
            assertNull(subscription.getPropertyValue("LastIndicationIdentifier"), subscription::toString);
            assertEquals(List.of(), watcherListener.received());
        }
    }
}
