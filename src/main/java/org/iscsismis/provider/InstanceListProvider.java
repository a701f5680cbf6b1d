package org.iscsismis.provider;

import java.util.List;
import java.util.function.Supplier;
import org.iscsismis.cim.CimException;
import org.iscsismis.cim.CimInstance;
import org.iscsismis.cim.CimName;
import org.iscsismis.cim.CimNamespace;
import org.iscsismis.cim.CimStatus;
import org.iscsismis.cim.ObjectPath;

/**
 * Serves, read-only, instances that are computed rather than stored: the list is built anew on every call (from a
 * supplier, or by a subclass from live state), so it is never stale and no lock is held while a sink runs.
 * GetInstance finds an instance with {@link #sameInstance}; CreateInstance, ModifyInstance and
 * DeleteInstance answer CIM_ERR_NOT_SUPPORTED, saying where the instances come from.
 *
 * <p>One provider may serve several classes: each call delivers only the instances of the class asked for.
 */
public class InstanceListProvider extends AbstractInstanceProvider {

    private final Supplier<List<CimInstance>> instances;
    private final String origin;

    /**
     * @param instances every instance served (each with its full path), read on every call
     * @param origin    why the instances cannot be written, ending the NOT_SUPPORTED description
     *                  (e.g. "they describe the server")
     */
    public InstanceListProvider(Supplier<List<CimInstance>> instances, String origin) {
        this.instances = instances;
        this.origin = origin;
    }

    /** For subclasses that override {@link #instances(ProviderContext, CimName)}. */
    protected InstanceListProvider(String origin) {
        this(List::of, origin);
    }

    /**
     * The instances served of {@code className}, each with its full path; instances of other classes in the list are
     * ignored (by default the supplier's whole list: one provider may serve several classes).
     */
    protected List<CimInstance> instances(ProviderContext context, CimName className) {
        return instances.get();
    }

    /** The instances of exactly {@code className}. */
    protected final List<CimInstance> instancesOf(ProviderContext context, CimName className) {
        return instances(context, className).stream().filter(i -> i.className().equals(className)).toList();
    }

    @Override
    public CimInstance getInstance(ProviderContext context, ObjectPath path) {
        for (CimInstance i : instancesOf(context, path.className())) {
            if (sameInstance(i.path(), path, context.namespace())) {
                return i;
            }
        }
        throw new CimException(CimStatus.NOT_FOUND, "no instance " + path);
    }

    /**
     * True if {@code requested} names the instance served at {@code served}. A path without a namespace is in the
     * request's {@code namespace}; the rest is {@link ObjectPath}'s identity: the host never counts, names fold case,
     * keys compare by value whatever their order (numbers across widths, strings case-sensitively), and references
     * recursively, a reference without a namespace being in the namespace of the path that holds it. So a client's
     * spelling of a key, with or without host and namespace, finds the instance as the server wrote it.
     */
    public static boolean sameInstance(ObjectPath served, ObjectPath requested, CimNamespace namespace) {
        return inNamespace(served, namespace).equals(inNamespace(requested, namespace));
    }

    private static ObjectPath inNamespace(ObjectPath path, CimNamespace namespace) {
        return path.namespace() == null ? path.withNamespace(namespace) : path;
    }

    @Override
    public void enumerateInstances(ProviderContext context, CimName className, ResultSink<CimInstance> sink) {
        for (CimInstance i : instancesOf(context, className)) {
            sink.deliver(i);
        }
    }

    @Override
    public void enumerateInstanceNames(ProviderContext context, CimName className, ResultSink<ObjectPath> sink) {
        for (CimInstance i : instancesOf(context, className)) {
            sink.deliver(i.path());
        }
    }

    @Override
    public ObjectPath createInstance(ProviderContext context, CimInstance newInstance) {
        throw readOnly("CreateInstance", newInstance.className());
    }

    @Override
    public void modifyInstance(ProviderContext context, CimInstance modified, List<CimName> propertyList) {
        throw readOnly("ModifyInstance", modified.className());
    }

    @Override
    public void deleteInstance(ProviderContext context, ObjectPath path) {
        throw readOnly("DeleteInstance", path.className());
    }

    private CimException readOnly(String operation, CimName className) {
        return new CimException(CimStatus.NOT_SUPPORTED, operation + " is not supported for " + className + ": " + origin);
    }
}
