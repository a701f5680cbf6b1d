package org.iscsismis.indication;

import java.util.ArrayList;
import java.util.List;
import org.iscsismis.cim.CimInstance;
import org.iscsismis.cim.CimName;
import org.iscsismis.cim.CimType;
import org.iscsismis.cim.CimValue;
import org.iscsismis.cim.ObjectPath;

/**
 * The indication service as DSP1054 lays it out: CIM_IndicationService (the Indications profile's central instance,
 * its delivery settings read-only), CIM_IndicationServiceCapabilities tied to it by CIM_ElementCapabilities, and
 * CIM_ServiceAffectsElement from the service to each filter and listener destination (those two associations by the
 * list-backed providers {@link IndicationSetup} registers; all read-only, as their settings come from the server's
 * configuration). CIM_HostedService from the hosting system is served with the Server profile's other hosted services.
 */
final class ServiceElements {

    private final IndicationService service;

    ServiceElements(IndicationService service) {
        this.service = service;
    }

    /** The path of the CIM_IndicationService instance. */
    static ObjectPath servicePath(HostedKeys keys) {
        return keys.path(IndicationNames.SERVICE, keys.systemName() + ":IndicationService");
    }

    private ObjectPath capabilitiesPath() {
        return ObjectPath.builder(IndicationNames.CAPABILITIES).namespace(service.keys().namespace())
                .key("InstanceID", service.keys().systemName() + ":IndicationServiceCapabilities").build();
    }

    /** Every instance, computed from the service's settings and its current filters and destinations. */
    List<CimInstance> all() {
        HostedKeys keys = service.keys();
        IndicationSettings s = service.settings();
        ObjectPath sp = servicePath(keys);
        List<CimInstance> out = new ArrayList<>();
        out.add(HostedKeys.withKeys(CimInstance.builder(IndicationNames.SERVICE)
                .property("ElementName", "Indication service")
                .property("Description", "Delivers CIM-XML indications to subscribed listener destinations")
                .property("Started", CimValue.ofBoolean(true))
                .property("EnabledState", CimValue.ofUint16(2))
                .property("OperationalStatus", CimValue.of(CimType.UINT16.asArray(), List.of(2)))
                .property("HealthState", CimValue.ofUint16(5))
                .property("FilterCreationEnabled", CimValue.ofBoolean(true))
                .property("DeliveryRetryAttempts", CimValue.ofUint16(s.deliveryRetryAttempts()))
                .property("DeliveryRetryInterval", CimValue.ofUint32(seconds(s.deliveryRetryInterval())))
                .property("SubscriptionRemovalAction", CimValue.ofUint16(s.removalAction().code()))
                .property("SubscriptionRemovalTimeInterval", CimValue.ofUint32(seconds(s.removalTimeInterval())))
                .build(), sp));
        ObjectPath cp = capabilitiesPath();
        out.add(CimInstance.builder(IndicationNames.CAPABILITIES).path(cp)
                .property("InstanceID", cp.key("InstanceID"))
                .property("ElementName", "Indication service capabilities")
                .property("FilterCreationEnabledIsSettable", CimValue.ofBoolean(false))
                .property("DeliveryRetryAttemptsIsSettable", CimValue.ofBoolean(false))
                .property("DeliveryRetryIntervalIsSettable", CimValue.ofBoolean(false))
                .property("SubscriptionRemovalActionIsSettable", CimValue.ofBoolean(false))
                .property("SubscriptionRemovalTimeIntervalIsSettable", CimValue.ofBoolean(false))
                .property("MaxListenerDestinations", CimValue.ofUint32(s.maxDestinations()))
                .property("MaxActiveSubscriptions", CimValue.ofUint32(s.maxSubscriptions()))
                .property("SubscriptionsPersisted", CimValue.ofBoolean(service.subscriptionsPersisted()))
                .build());
        out.add(link(IndicationNames.ELEMENT_CAPABILITIES, "ManagedElement", sp, "Capabilities", cp)
                .property("Characteristics", CimValue.of(CimType.UINT16.asArray(), List.of(2))) // Default
                .build());
        List<ObjectPath> affected = new ArrayList<>();
        service.store().filters().forEach(f -> affected.add(f.path()));
        service.store().destinations().forEach(d -> affected.add(d.path()));
        for (ObjectPath p : affected) {
            out.add(link(IndicationNames.SERVICE_AFFECTS_ELEMENT, "AffectedElement", p, "AffectingElement", sp)
                    .property("ElementEffects", CimValue.of(CimType.UINT16.asArray(), List.of(5))) // Manages
                    .build());
        }
        return out;
    }

    private CimInstance.Builder link(CimName cls, String role1, ObjectPath end1, String role2, ObjectPath end2) {
        ObjectPath p = ObjectPath.builder(cls).namespace(service.keys().namespace())
                .key(role1, CimValue.ofReference(end1)).key(role2, CimValue.ofReference(end2)).build();
        return CimInstance.builder(cls).path(p).property(role1, CimValue.ofReference(end1)).property(role2, CimValue.ofReference(end2));
    }

    private static long seconds(java.time.Duration d) {
        return Math.min(0xFFFF_FFFFL, (d.toMillis() + 999) / 1000);
    }
}
