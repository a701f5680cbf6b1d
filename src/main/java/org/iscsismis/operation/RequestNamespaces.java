package org.iscsismis.operation;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.Objects;
import org.iscsismis.cim.CimNamespace;
import org.iscsismis.cim.ObjectPath;

/**
 * Re-addresses a request to another namespace, for namespaces known under two names ({@code interop} for
 * {@code root/interop}): the dispatcher then sees one spelling only, so paths, provider routing and association
 * matching never meet the alias.
 *
 * <p>Every request is a record whose {@code namespace} component is the target namespace; the rewrite copies the
 * record with that component replaced, and with the namespace of any {@link ObjectPath} component that named the
 * old namespace replaced too. Being generic over the record components, it needs no change when a request record
 * is added.
 */
public final class RequestNamespaces {

    private RequestNamespaces() {
    }

    /** {@code request} addressed to {@code namespace} ({@code request} itself if it already is). */
    public static CimRequest retarget(CimRequest request, CimNamespace namespace) {
        Objects.requireNonNull(namespace, "namespace must not be null");
        CimNamespace old = request.namespace();
        if (old.equals(namespace) && old.toString().equals(namespace.toString())) {
            return request;
        }
        RecordComponent[] components = request.getClass().getRecordComponents();
        Class<?>[] types = new Class<?>[components.length];
        Object[] values = new Object[components.length];
        try {
            for (int i = 0; i < components.length; i++) {
                types[i] = components[i].getType();
                values[i] = retargeted(components[i].getAccessor().invoke(request), old, namespace);
            }
            Constructor<?> canonical = request.getClass().getDeclaredConstructor(types);
            return (CimRequest) canonical.newInstance(values);
        } catch (InvocationTargetException e) {
            throw new IllegalStateException("cannot copy " + request.getClass().getSimpleName(), e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot copy " + request.getClass().getSimpleName(), e);
        }
    }

    private static Object retargeted(Object value, CimNamespace old, CimNamespace namespace) {
        if (value instanceof CimNamespace ns && ns.equals(old)) {
            return namespace;
        }
        if (value instanceof ObjectPath path && old.equals(path.namespace())) {
            return path.withNamespace(namespace);
        }
        return value;
    }
}
