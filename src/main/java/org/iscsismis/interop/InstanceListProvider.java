package org.iscsismis.interop;

import java.util.List;
import java.util.function.Supplier;
import org.iscsismis.cim.CimException;
import org.iscsismis.cim.CimInstance;
import org.iscsismis.cim.CimName;
import org.iscsismis.cim.CimStatus;
import org.iscsismis.cim.ObjectPath;
import org.iscsismis.provider.AbstractInstanceProvider;
import org.iscsismis.provider.ProviderContext;
import org.iscsismis.provider.ResultSink;

/**
 * Serves the instances a supplier describes, read anew on every call (cheap: the interop elements are few and
 * immutable, and the namespace list changes when namespaces are created). GetInstance finds an instance by path;
 * everything else answers NOT_SUPPORTED, as the elements describe the server rather than store data.
 */
class InstanceListProvider extends AbstractInstanceProvider {

    private final Supplier<List<CimInstance>> instances;

    InstanceListProvider(Supplier<List<CimInstance>> instances) {
        this.instances = instances;
    }

    @Override
    public CimInstance getInstance(ProviderContext context, ObjectPath path) {
        ObjectPath wanted = Values.comparable(path, context.namespace());
        for (CimInstance i : instancesOf(context, path.className())) {
            if (Values.comparable(i.path(), context.namespace()).equals(wanted)) {
                return i;
            }
        }
        throw new CimException(CimStatus.NOT_FOUND, "no instance " + path);
    }

    @Override
    public void enumerateInstances(ProviderContext context, CimName className, ResultSink<CimInstance> sink) {
        for (CimInstance i : instancesOf(context, className)) {
            sink.deliver(i);
        }
    }

    /** The supplied instances (each with its full path) of exactly {@code className}. */
    final List<CimInstance> instancesOf(ProviderContext context, CimName className) {
        return instances.get().stream().filter(i -> i.className().equals(className)).toList();
    }
}
