package org.iscsismis.e2e;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.metricshub.wbem.javax.cim.CIMDataType;
import org.metricshub.wbem.javax.cim.CIMInstance;
import org.metricshub.wbem.javax.cim.CIMObjectPath;
import org.metricshub.wbem.javax.cim.CIMProperty;
import org.metricshub.wbem.javax.cim.UnsignedInteger16;
import org.metricshub.wbem.javax.wbem.WBEMException;
import org.metricshub.wbem.javax.wbem.client.WBEMClient;

/** Creates filters, listener destinations and subscriptions in the interop namespace as a client does (CreateInstance). */
final class Subscriptions {

    static final String INTEROP = "root/interop";

    private final WBEMClient client;

    Subscriptions(WBEMClient client) {
        this.client = client;
    }

    static CIMObjectPath path(String className) {
        return new CIMObjectPath(null, null, null, INTEROP, className, null);
    }

    static CIMProperty<String> text(String name, String value) {
        return new CIMProperty<>(name, CIMDataType.STRING_T, value);
    }

    static CIMProperty<UnsignedInteger16> u16(String name, int value) {
        return new CIMProperty<>(name, CIMDataType.UINT16_T, new UnsignedInteger16(value));
    }

    CIMObjectPath filter(String name, String language, String query, String... sourceNamespaces) throws WBEMException {
        List<CIMProperty<?>> p = new ArrayList<>(List.of(text("Name", name), text("Query", query), text("QueryLanguage", language)));
        if (sourceNamespaces.length > 0) {
            p.add(new CIMProperty<>("SourceNamespaces", CIMDataType.STRING_ARRAY_T, sourceNamespaces));
        }
        return client.createInstance(new CIMInstance(path("CIM_IndicationFilter"), p.toArray(CIMProperty<?>[]::new)));
    }

    CIMObjectPath destination(String name, URI url) throws WBEMException {
        return destination(name, url.toString());
    }

    CIMObjectPath destination(String name, String url) throws WBEMException {
        return client.createInstance(new CIMInstance(path("CIM_ListenerDestinationCIMXML"),
                new CIMProperty<?>[] {text("Name", name), text("Destination", url)}));
    }

    CIMObjectPath subscription(CIMObjectPath filter, CIMObjectPath destination, CIMProperty<?>... more) throws WBEMException {
        List<CIMProperty<?>> p = new ArrayList<>(List.of(
                new CIMProperty<>("Filter", new CIMDataType("CIM_IndicationFilter"), withNamespace(filter), true, false, null),
                new CIMProperty<>("Handler", new CIMDataType("CIM_ListenerDestination"), withNamespace(destination), true, false, null)));
        p.addAll(List.of(more));
        return client.createInstance(new CIMInstance(path("CIM_IndicationSubscription"), p.toArray(CIMProperty<?>[]::new)));
    }

    /** Filter, destination and subscription in one go. */
    CIMObjectPath subscribe(String name, String language, String query, URI listener, String... sourceNamespaces) throws WBEMException {
        return subscription(filter(name, language, query, sourceNamespaces), destination(name, listener));
    }

    static CIMObjectPath withNamespace(CIMObjectPath p) {
        return p.getNamespace() == null || p.getNamespace().isEmpty()
                ? new CIMObjectPath(null, null, null, INTEROP, p.getObjectName(), p.getKeys()) : p;
    }
}
