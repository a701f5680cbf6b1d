package org.iscsismis.server;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.iscsismis.cim.CimClass;
import org.iscsismis.cim.CimException;
import org.iscsismis.cim.CimMethod;
import org.iscsismis.cim.CimName;
import org.iscsismis.cim.CimNamespace;
import org.iscsismis.cim.CimQualifier;
import org.iscsismis.cim.CimQualifierType;
import org.iscsismis.cim.CimStatus;
import org.iscsismis.client.CimXmlClient;
import org.iscsismis.mof.MofSchemaContext;

/**
 * The schema of a running server as a {@link MofSchemaContext}: qualifier types and classes are
 * fetched with GetQualifier / GetClass when the compiler first asks for them, and cached (absent
 * ones too). Classes are fetched with LocalOnly=true and without propagated qualifiers, i.e. as
 * declared, which is what the compiler expects.
 *
 * <p>NOT_FOUND and INVALID_NAMESPACE answer null (the MOF must then declare the element); any
 * other failure propagates (a {@link CimException} or a client exception) and ends the load.
 */
final class RemoteSchemaContext implements MofSchemaContext {

    private final CimXmlClient client;
    private final Map<String, Optional<CimQualifierType>> qualifiers = new HashMap<>();
    private final Map<String, Optional<CimClass>> classes = new HashMap<>();
    private int requests;

    RemoteSchemaContext(CimXmlClient client) {
        this.client = client;
    }

    /** GetClass / GetQualifier requests sent so far. */
    int requests() {
        return requests;
    }

    private static String key(CimNamespace ns, CimName name) {
        return ns + ":" + name;
    }

    @Override
    public CimQualifierType qualifierType(CimNamespace namespace, CimName name) {
        return qualifiers.computeIfAbsent(key(namespace, name), k -> {
            requests++;
            try {
                return Optional.of(client.getQualifier(namespace, name));
            } catch (CimException e) {
                return absent(e);
            }
        }).orElse(null);
    }

    @Override
    public CimClass cimClass(CimNamespace namespace, CimName name) {
        return classes.computeIfAbsent(key(namespace, name), k -> {
            requests++;
            try {
                return Optional.of(asDeclared(client.getClass(namespace, name, true, true, false)));
            } catch (CimException e) {
                return absent(e);
            }
        }).orElse(null);
    }

    private static <T> Optional<T> absent(CimException e) {
        if (e.status() == CimStatus.NOT_FOUND || e.status() == CimStatus.INVALID_NAMESPACE) {
            return Optional.empty();
        }
        throw e;
    }

    /** The class without propagated qualifiers (LocalOnly=true already dropped propagated properties and methods). */
    static CimClass asDeclared(CimClass c) {
        return c.withQualifiers(local(c.qualifiers()))
                .withProperties(c.properties().stream().filter(p -> !p.propagated())
                        .map(p -> p.withQualifiers(local(p.qualifiers())).withClassOrigin(null, false)).toList())
                .withMethods(c.methods().stream().filter(m -> !m.propagated()).map(RemoteSchemaContext::localMethod).toList());
    }

    private static CimMethod localMethod(CimMethod m) {
        return m.withQualifiers(local(m.qualifiers()))
                .withParameters(m.parameters().stream().map(p -> p.withQualifiers(local(p.qualifiers()))).toList())
                .withClassOrigin(null, false);
    }

    private static List<CimQualifier> local(List<CimQualifier> qs) {
        return qs.stream().filter(q -> !q.propagated()).toList();
    }
}
