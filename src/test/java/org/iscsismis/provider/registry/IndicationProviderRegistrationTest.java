package org.iscsismis.provider.registry;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.Consumer;
import org.iscsismis.cim.CimClass;
import org.iscsismis.cim.CimInstance;
import org.iscsismis.cim.CimName;
import org.iscsismis.cim.CimNamespace;
import org.iscsismis.cim.CimType;
import org.iscsismis.provider.AbstractInstanceProvider;
import org.iscsismis.provider.IndicationProvider;
import org.iscsismis.provider.ProviderContext;
import org.iscsismis.repository.CimRepository;
import org.iscsismis.repository.StandardQualifiers;
import org.iscsismis.testing.storage.StorageModel;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A provider that only raises indications can be registered, for an indication class only. */
class IndicationProviderRegistrationTest {

    private static final CimNamespace NS = CimNamespace.of("root/store");
    private static final CimName ALERT = CimName.of("Test_Alert");

    private ProviderRegistry registry;

    private static final class Alerts implements IndicationProvider {
        @Override
        public void enableIndications(ProviderContext context, Consumer<CimInstance> publisher) {
        }

        @Override
        public void disableIndications(ProviderContext context) {
        }
    }

    private static final class DisksWithAlerts extends AbstractInstanceProvider implements IndicationProvider {
        @Override
        public void enableIndications(ProviderContext context, Consumer<CimInstance> publisher) {
        }

        @Override
        public void disableIndications(ProviderContext context) {
        }
    }

    @BeforeEach
    void setUp() {
        CimRepository repo = new CimRepository();
        CimNamespace hosts = CimNamespace.of("root/hosts");
        repo.createNamespace(NS, StandardQualifiers.declarations());
        repo.createNamespace(hosts, StandardQualifiers.declarations());
        StorageModel.createClasses(repo, NS, hosts);
        repo.createClass(NS, CimClass.builder(ALERT).qualifier("Indication").property("Message", CimType.STRING).build());
        registry = new ProviderRegistry(repo);
    }

    @Test
    void anIndicationProviderServesAnIndicationClass() {
        Alerts alerts = new Alerts();
        registry.register(NS, ALERT, alerts);
        assertSame(alerts, registry.provider(NS, ALERT));
    }

    @Test
    void anIndicationOnlyProviderIsRefusedForAnOrdinaryClass() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> registry.register(NS, StorageModel.DISK, new Alerts()));
        assertTrue(e.getMessage().contains("not an indication"), e.getMessage());
        assertNull(registry.provider(NS, StorageModel.DISK));
    }

    @Test
    void anInstanceProviderThatAlsoRaisesIndicationsServesItsClass() {
        DisksWithAlerts disks = new DisksWithAlerts();
        registry.register(NS, StorageModel.DISK, disks);
        registry.register(NS, ALERT, disks);
        assertSame(disks, registry.provider(NS, ALERT));
    }
}
