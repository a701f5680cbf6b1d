package org.iscsismis.indication;

import java.util.List;
import org.iscsismis.cim.CimName;

/** The classes the indication service serves in the interop namespace (DSP1054), all CIM classes. */
public final class IndicationNames {

    public static final CimName FILTER = CimName.of("CIM_IndicationFilter");
    public static final CimName DESTINATION = CimName.of("CIM_ListenerDestinationCIMXML");
    public static final CimName SUBSCRIPTION = CimName.of("CIM_IndicationSubscription");
    public static final CimName SERVICE = CimName.of("CIM_IndicationService");
    public static final CimName CAPABILITIES = CimName.of("CIM_IndicationServiceCapabilities");
    public static final CimName ELEMENT_CAPABILITIES = CimName.of("CIM_ElementCapabilities");
    public static final CimName SERVICE_AFFECTS_ELEMENT = CimName.of("CIM_ServiceAffectsElement");

    /** Every class served: a schema lacking one cannot have the indication service. */
    public static final List<CimName> CLASSES = List.of(FILTER, DESTINATION, SUBSCRIPTION, SERVICE, CAPABILITIES,
            ELEMENT_CAPABILITIES, SERVICE_AFFECTS_ELEMENT);

    private IndicationNames() {
    }
}
