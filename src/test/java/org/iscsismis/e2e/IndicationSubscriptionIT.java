package org.iscsismis.e2e;

import static org.iscsismis.e2e.SblimClients.all;
import static org.iscsismis.e2e.SblimClients.assertCimError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.metricshub.wbem.javax.cim.CIMDataType;
import org.metricshub.wbem.javax.cim.CIMInstance;
import org.metricshub.wbem.javax.cim.CIMObjectPath;
import org.metricshub.wbem.javax.cim.CIMProperty;
import org.metricshub.wbem.javax.wbem.WBEMException;
import org.metricshub.wbem.javax.wbem.client.WBEMClient;

/**
 * Subscriptions as a client manages them through the SBLIM client: what is refused (and then not stored), what
 * DSP1054 lays out around the indication service, and the writable subscription properties.
 */
class IndicationSubscriptionIT {

    @RegisterExtension
    static final ServerFixture server = ServerFixture.plain();
    private static final WBEMClient client = server.client();
    private static final Subscriptions subscriptions = server.subscriptions();

    private static List<String> names(String className) throws WBEMException {
        return all(client.enumerateInstances(Subscriptions.path(className), false, false, false, null)).stream()
                .map(i -> String.valueOf(i.getPropertyValue("Name"))).toList();
    }

    private static List<CIMInstance> associated(CIMObjectPath from, String association) throws WBEMException {
        List<CIMInstance> out = new java.util.ArrayList<>();
        for (CIMObjectPath p : all(client.associatorNames(from, association, null, null, null))) {
            out.add(client.getInstance(p, false, false, null));
        }
        return out;
    }

    private static CIMProperty<String> key(String name, String value) {
        return new CIMProperty<>(name, CIMDataType.STRING_T, value, true, false, null);
    }

    private static String description(WBEMException e) {
        return e.getMessage();
    }

    @Test
    void invalidFiltersDestinationsAndDanglingSubscriptionsAreRefusedAndNothingIsStored() throws Exception {
        List<String> filtersBefore = names("CIM_IndicationFilter");
        assertTrue(description(assertCimError(14, () -> subscriptions.filter("bad1", "SQL", "SELECT * FROM CIM_InstCreation")))
                .contains("SQL"));
        assertTrue(description(assertCimError(15, () -> subscriptions.filter("bad2", "WQL", "THIS IS NOT WQL")))
                .contains("at line 1, column 1"));
        assertTrue(description(assertCimError(15, () -> subscriptions.filter("bad3", "WQL", "SELECT * FROM CIM_StorageVolume",
                "root/cimv2/storage/iscsitarget"))).contains("not an indication class"));
        assertTrue(description(assertCimError(15, () -> subscriptions.filter("bad4", "DMTF:CQL",
                "SELECT * FROM CIM_InstModification WHERE Nope = 1", "root/cimv2"))).contains("Nope"));
        assertTrue(description(assertCimError(4, () -> subscriptions.filter("bad5", "WQL", "SELECT * FROM CIM_InstCreation",
                "root/nowhere"))).contains("root/nowhere"));
        assertCimError(4, () -> client.createInstance(new CIMInstance(Subscriptions.path("CIM_IndicationFilter"),
                new CIMProperty<?>[] {Subscriptions.text("Name", "bad6"), Subscriptions.text("QueryLanguage", "WQL")})));
        assertEquals(filtersBefore, names("CIM_IndicationFilter"));

        List<String> destinationsBefore = names("CIM_ListenerDestinationCIMXML");
        assertTrue(description(assertCimError(4, () -> subscriptions.destination("bad-url", "ftp://127.0.0.1:5990/")))
                .contains("http or https"));
        assertTrue(description(assertCimError(4, () -> subscriptions.destination("no-port", "http://127.0.0.1/")))
                .contains("no port"));
        assertCimError(4, () -> subscriptions.destination("not-a-url", "http://[::1"));
        assertEquals(destinationsBefore, names("CIM_ListenerDestinationCIMXML"));

        CIMObjectPath filter = subscriptions.filter("good", "WQL", "SELECT * FROM CIM_InstCreation", "root/cimv2");
        CIMObjectPath destination = subscriptions.destination("good", "http://127.0.0.1:5990/");
        CIMObjectPath missingFilter = new CIMObjectPath(null, null, null, Subscriptions.INTEROP, "CIM_IndicationFilter", new CIMProperty<?>[] {
                key("SystemCreationClassName", "MSFTSM_ComputerSystem"), key("SystemName", "iscsi-smis"),
                key("CreationClassName", "CIM_IndicationFilter"), key("Name", "missing")});
        CIMObjectPath dangling = missingFilter;
        assertTrue(description(assertCimError(4, () -> subscriptions.subscription(dangling, destination))).contains("missing"));
        assertCimError(7, () -> subscriptions.subscription(filter, destination, Subscriptions.u16("RepeatNotificationPolicy", 3)));
        assertCimError(4, () -> subscriptions.subscription(filter, destination, Subscriptions.u16("SubscriptionState", 3)));
        assertEquals(List.of(), all(client.enumerateInstanceNames(Subscriptions.path("CIM_IndicationSubscription"))));

        CIMObjectPath subscription = subscriptions.subscription(filter, destination);
        assertCimError(11, () -> subscriptions.subscription(filter, destination));
        WBEMException inUse = assertCimError(1, () -> client.deleteInstance(Subscriptions.withNamespace(filter)));
        assertTrue(description(inUse).contains("referenced by 1 subscription"), inUse::getMessage);
        assertCimError(1, () -> client.deleteInstance(Subscriptions.withNamespace(destination)));
        client.deleteInstance(Subscriptions.withNamespace(subscription));
        client.deleteInstance(Subscriptions.withNamespace(filter));
        client.deleteInstance(Subscriptions.withNamespace(destination));
        assertEquals(filtersBefore, names("CIM_IndicationFilter"));
    }

    @Test
    void theIndicationServiceIsTheIndicationProfilesCentralInstanceWithItsCapabilitiesAndAffectedElements() throws Exception {
        List<CIMInstance> services = all(client.enumerateInstances(Subscriptions.path("CIM_IndicationService"), false, false, false, null));
        assertEquals(1, services.size());
        CIMInstance service = services.get(0);
        assertEquals(3, ((Number) service.getPropertyValue("DeliveryRetryAttempts")).intValue());
        assertEquals(30L, ((Number) service.getPropertyValue("DeliveryRetryInterval")).longValue());
        assertEquals(2, ((Number) service.getPropertyValue("SubscriptionRemovalAction")).intValue());
        assertEquals(Boolean.TRUE, service.getPropertyValue("FilterCreationEnabled"));
        CIMObjectPath servicePath = Subscriptions.withNamespace(service.getObjectPath());

        CIMInstance capabilities = associated(servicePath, "CIM_ElementCapabilities").get(0);
        assertEquals(Boolean.FALSE, capabilities.getPropertyValue("SubscriptionsPersisted"));
        assertEquals(100L, ((Number) capabilities.getPropertyValue("MaxListenerDestinations")).longValue());

        List<CIMObjectPath> hosts = all(client.associatorNames(servicePath, "CIM_HostedService", null, null, null));
        assertEquals(List.of("MSFTSM_ComputerSystem"), hosts.stream().map(CIMObjectPath::getObjectName).toList());

        List<CIMInstance> profiles = associated(servicePath, "CIM_ElementConformsToProfile");
        assertEquals(1, profiles.size(), profiles::toString);
        assertEquals("Indication", profiles.get(0).getPropertyValue("RegisteredName"));
        assertEquals("1.5.0", profiles.get(0).getPropertyValue("RegisteredVersion"));
        assertEquals(11, ((Number) profiles.get(0).getPropertyValue("RegisteredOrganization")).intValue());

        CIMObjectPath filter = subscriptions.filter("affected", "WQL", "SELECT * FROM CIM_AlertIndication");
        List<CIMObjectPath> affected = all(client.associatorNames(servicePath, "CIM_ServiceAffectsElement", null, null, null));
        assertTrue(affected.stream().anyMatch(p -> "affected".equals(p.getKey("Name").getValue())), affected::toString);
        client.deleteInstance(Subscriptions.withNamespace(filter));
    }

    @Test
    void aSubscriptionsStateInfoAndDurationAreWritableAndItLinksItsFilterAndDestination() throws Exception {
        CIMObjectPath filter = subscriptions.filter("writable", "WQL", "SELECT * FROM CIM_InstCreation", "root/cimv2");
        CIMObjectPath destination = subscriptions.destination("writable", "http://127.0.0.1:5990/");
        CIMObjectPath s = Subscriptions.withNamespace(subscriptions.subscription(filter, destination,
                Subscriptions.text("SubscriptionInfo", "made by a test"), Subscriptions.u16("OnFatalErrorPolicy", 4)));
        CIMInstance made = client.getInstance(s, false, false, null);
        assertEquals(2, ((Number) made.getPropertyValue("SubscriptionState")).intValue());
        assertEquals(4, ((Number) made.getPropertyValue("OnFatalErrorPolicy")).intValue());
        assertEquals("made by a test", made.getPropertyValue("SubscriptionInfo"));

        client.modifyInstance(new CIMInstance(s, new CIMProperty<?>[] {Subscriptions.u16("SubscriptionState", 4),
                Subscriptions.text("SubscriptionInfo", "paused"),
                new CIMProperty<>("SubscriptionDuration", CIMDataType.UINT64_T,
                        new org.metricshub.wbem.javax.cim.UnsignedInteger64("3600"))}), null);
        CIMInstance paused = client.getInstance(s, false, false, null);
        assertEquals(4, ((Number) paused.getPropertyValue("SubscriptionState")).intValue());
        assertEquals("paused", paused.getPropertyValue("SubscriptionInfo"));
        assertTrue(((Number) paused.getPropertyValue("SubscriptionTimeRemaining")).longValue() <= 3600);
        assertCimError(4, () -> client.modifyInstance(new CIMInstance(s, new CIMProperty<?>[] {
                Subscriptions.u16("SubscriptionState", 0)}), new String[] {"SubscriptionState"}));

        assertEquals(List.of("writable"), all(client.associatorNames(Subscriptions.withNamespace(filter), "CIM_IndicationSubscription",
                null, null, null)).stream().map(p -> String.valueOf(p.getKey("Name").getValue())).toList());
        client.deleteInstance(s);
        client.deleteInstance(Subscriptions.withNamespace(filter));
        client.deleteInstance(Subscriptions.withNamespace(destination));
    }
}
