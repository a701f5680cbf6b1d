package org.iscsismis.iscsi.provider;

import java.util.List;
import java.util.function.Function;

import org.iscsismis.cim.CimInstance;
import org.iscsismis.cim.CimName;
import org.iscsismis.cim.CimNamespace;
import org.iscsismis.cim.ObjectPath;
import org.iscsismis.provider.AbstractInstanceProvider;
import org.iscsismis.provider.MethodArguments;
import org.iscsismis.provider.MethodProvider;
import org.iscsismis.provider.MethodResult;
import org.iscsismis.provider.ProviderContext;
import org.iscsismis.provider.ResultSink;

/**
 * A read-only class whose instances are computed on every call from live state (a list built first, then delivered:
 * no lock is held while the sink runs). CreateInstance, ModifyInstance and DeleteInstance answer
 * CIM_ERR_NOT_SUPPORTED (the base's defaults): such objects change only through the methods of their service. An
 * extrinsic method the class declares (RequestStateChange, EnableDevice, Reset, ...) answers 1 (Not Supported) on an
 * existing instance: nothing of the kind can be done to these objects.
 */
final class ComputedInstances extends AbstractInstanceProvider implements MethodProvider {

    private final Function<CimNamespace, List<CimInstance>> instances;

    ComputedInstances(Function<CimNamespace, List<CimInstance>> instances) {
        this.instances = instances;
    }

    /** A class with no instances at all (nothing of that kind exists on this target). */
    static ComputedInstances none() {
        return new ComputedInstances(ns -> List.of());
    }

    @Override
    public CimInstance getInstance(ProviderContext context, ObjectPath path) {
        ObjectPath wanted = context.local(path);
        for (CimInstance i : instances.apply(context.namespace())) {
            if (i.path().equals(wanted)) {
                return i;
            }
        }
        throw StorageElements.notFound(path);
    }

    @Override
    public void enumerateInstances(ProviderContext context, CimName className, ResultSink<CimInstance> sink) {
        for (CimInstance i : instances.apply(context.namespace())) {
            sink.deliver(i);
        }
    }

    @Override
    public MethodResult invokeMethod(ProviderContext context, ObjectPath target, CimName methodName, MethodArguments in) {
        getInstance(context, target); // CIM_ERR_NOT_FOUND for an instance that does not exist
        return ReturnCode.NOT_SUPPORTED.result();
    }

    @Override
    public void enumerateInstanceNames(ProviderContext context, CimName className, ResultSink<ObjectPath> sink) {
        for (CimInstance i : instances.apply(context.namespace())) {
            sink.deliver(i.path());
        }
    }
}
