package org.iscsismis.e2e;

import static org.iscsismis.e2e.SblimClients.all;
import static org.iscsismis.e2e.SblimClients.assertCimError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.iscsismis.cim.CimNamespace;
import org.iscsismis.server.ServerConfig;
import org.iscsismis.testing.TestServer;
import org.iscsismis.testing.storage.FaultyProvider;
import org.iscsismis.testing.storage.StorageModel;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.metricshub.wbem.javax.cim.CIMArgument;
import org.metricshub.wbem.javax.cim.CIMInstance;
import org.metricshub.wbem.javax.cim.CIMObjectPath;
import org.metricshub.wbem.javax.wbem.WBEMException;
import org.metricshub.wbem.javax.wbem.client.WBEMClient;

/**
 * Providers that throw, answer the wrong class or hang past the provider timeout (300 ms here):
 * each failure is a clean CIM_ERR_FAILED for that request alone, naming the provider, and the
 * server goes on serving — also while a provider call hangs.
 */
class ProviderFaultsIT {

    private static final String NS = "root/cimv2";
    private static final int FAILED = 1;
    @RegisterExtension
    static final ServerFixture server = ServerFixture.seeded(
            TestServer.testDefaults().with(ServerConfig.PROVIDER_TIMEOUT_MS, "300"), (repository, registry) -> {
                StorageModel.install(repository, registry, CimNamespace.of(NS), CimNamespace.of("root/interop"));
                faulty = FaultyProvider.install(repository, registry, CimNamespace.of(NS));
            });
    private static FaultyProvider faulty;
    private static final WBEMClient client = server.client();

    @AfterAll
    static void stop() {
        if (faulty != null) {
            faulty.release();
        }
    }

    private static CIMObjectPath path(String className, String id) {
        return SblimClients.idPath(NS, className, id);
    }

    private static void assertMentions(WBEMException e, String... words) {
        for (String w : words) {
            assertTrue(String.valueOf(e.getMessage()).contains(w), () -> "\"" + e.getMessage() + "\" should mention " + w);
        }
    }

    private static void assertServing() throws WBEMException {
        CIMInstance disk = client.getInstance(path("Test_Disk", "D1"), false, false, null);
        assertEquals("disk one", disk.getPropertyValue("Name"));
        assertEquals(2, all(client.enumerateInstances(SblimClients.classPath(NS, "Test_Pool"), true, false, false, null)).size());
    }

    @Test
    void aHangingGetInstanceTimesOutWhileOtherRequestsAreServed() throws Exception {
        WBEMClient other = SblimClients.connect(server.url());
        try {
            CompletableFuture<CIMInstance> hung = CompletableFuture.supplyAsync(() -> {
                try {
                    return other.getInstance(path("Test_Faulty", "hang"), false, false, null);
                } catch (WBEMException e) {
                    throw new IllegalStateException(e);
                }
            });
            faulty.awaitHanging();
            CIMInstance fine = client.getInstance(path("Test_Faulty", "fine"), false, false, null);
            assertEquals("faulty fine", fine.getPropertyValue("Name"), "a concurrent request to the same provider");
            assertServing();

            ExecutionException e = org.junit.jupiter.api.Assertions.assertThrows(ExecutionException.class,
                    () -> hung.get(30, TimeUnit.SECONDS));
            WBEMException cim = (WBEMException) e.getCause().getCause();
            assertEquals(FAILED, cim.getID());
            assertMentions(cim, "FaultyProvider", "GetInstance", "Test_Faulty", "300 ms");
        } finally {
            other.close();
        }
        assertServing();
    }

    @Test
    void anEnumerationThatHangsAfterAResultTimesOut() throws WBEMException {
        WBEMException e = assertCimError(FAILED, () -> all(client.enumerateInstances(SblimClients.classPath(NS, "Test_Faulty"),
                true, false, false, null)));
        assertMentions(e, "FaultyProvider", "EnumerateInstances", "300 ms");
        assertServing();
    }

    @Test
    void aHangingMethodOrAssociationProviderTimesOut() throws WBEMException {
        WBEMException m = assertCimError(FAILED, () -> client.invokeMethod(path("Test_Faulty", "x"), "Stall",
                new CIMArgument<?>[0], new CIMArgument<?>[0]));
        assertMentions(m, "FaultyProvider", "Stall", "300 ms");
        WBEMException a = assertCimError(FAILED, () -> all(client.associatorNames(path("Test_Pool", "P2"), "Test_FaultyLink",
                null, null, null)));
        assertMentions(a, "FaultyLinks", "Test_FaultyLink", "300 ms");
        assertServing();
    }

    @Test
    void throwingProvidersFailTheirRequestOnly() throws WBEMException {
        assertMentions(assertCimError(FAILED, () -> client.getInstance(path("Test_Faulty", "throw"), false, false, null)),
                "FaultyProvider", "GetInstance", "a provider bug");
        assertMentions(assertCimError(FAILED, () -> client.invokeMethod(path("Test_Faulty", "x"), "Fail",
                new CIMArgument<?>[0], new CIMArgument<?>[0])), "FaultyProvider", "Fail", "broke");
        assertMentions(assertCimError(FAILED, () -> all(client.referenceNames(path("Test_Pool", "P1"), "Test_FaultyLink", null))),
                "FaultyLinks", "ReferenceNames", "corrupt");
        assertMentions(assertCimError(FAILED, () -> all(client.associatorInstances(path("Test_Pool", "P1"), "Test_FaultyLink",
                null, null, null, false, null))), "FaultyLinks", "corrupt");
        assertServing();
    }

    @Test
    void anAnswerOfTheWrongClassIsRefused() throws WBEMException {
        assertMentions(assertCimError(FAILED, () -> client.getInstance(path("Test_Faulty", "wrong"), false, false, null)),
                "FaultyProvider", "Test_Pool", "Test_Faulty");
        List<CIMInstance> pools = all(client.enumerateInstances(SblimClients.classPath(NS, "Test_Pool"), true, false, false, null));
        assertEquals(2, pools.size());
    }
}
