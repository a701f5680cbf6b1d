package org.iscsismis.iscsi.provider;

import java.util.List;
import java.util.function.Function;

import org.iscsismis.cim.CimInstance;
import org.iscsismis.cim.CimName;
import org.iscsismis.cim.CimNamespace;
import org.iscsismis.cim.ObjectPath;
import org.iscsismis.provider.InstanceListProvider;
import org.iscsismis.provider.MethodArguments;
import org.iscsismis.provider.MethodProvider;
import org.iscsismis.provider.MethodResult;
import org.iscsismis.provider.ProviderContext;

/**
 * A read-only class whose instances are computed on every call from live state (a list built first, then delivered:
 * no lock is held while the sink runs). CreateInstance, ModifyInstance and DeleteInstance answer
 * CIM_ERR_NOT_SUPPORTED (the base's, ending with why): such objects change only through the methods of their service. An
 * extrinsic method the class declares (RequestStateChange, EnableDevice, Reset, ...) answers 1 (Not Supported) on an
 * existing instance: nothing of the kind can be done to these objects.
 */
final class ComputedInstances extends InstanceListProvider implements MethodProvider {

    private final Function<CimNamespace, List<CimInstance>> instances;

    ComputedInstances(Function<CimNamespace, List<CimInstance>> instances) {
        super("it changes only through the methods of its service");
        this.instances = instances;
    }

    /** A class with no instances at all (nothing of that kind exists on this target). */
    static ComputedInstances none() {
        return new ComputedInstances(ns -> List.of());
    }

    @Override
    protected List<CimInstance> instances(ProviderContext context, CimName className) {
        return instances.apply(context.namespace());
    }

    @Override
    public MethodResult invokeMethod(ProviderContext context, ObjectPath target, CimName methodName, MethodArguments in) {
        getInstance(context, target); // CIM_ERR_NOT_FOUND for an instance that does not exist
        return ReturnCode.NOT_SUPPORTED.result();
    }
}
