package org.iscsismis.provider;

import java.util.List;
import org.iscsismis.cim.CimClass;
import org.iscsismis.cim.CimException;
import org.iscsismis.cim.CimInstance;
import org.iscsismis.cim.CimName;
import org.iscsismis.cim.CimStatus;
import org.iscsismis.cim.ObjectPath;

/**
 * An {@link InstanceProvider} whose operations answer CIM_ERR_NOT_SUPPORTED, except
 * {@link #enumerateInstanceNames}, which maps {@link #enumerateInstances} to paths. Override what
 * the provider supports; a read-only provider overrides {@link #getInstance} and
 * {@link #enumerateInstances} only.
 */
public abstract class AbstractInstanceProvider implements InstanceProvider {

    protected static CimException notSupported(String operation, Object subject) {
        return new CimException(CimStatus.NOT_SUPPORTED, operation + " is not supported for " + subject);
    }

    @Override
    public CimInstance getInstance(ProviderContext context, ObjectPath path) {
        throw notSupported("GetInstance", path.className());
    }

    @Override
    public void enumerateInstances(ProviderContext context, CimName className, ResultSink<CimInstance> sink) {
        throw notSupported("EnumerateInstances", className);
    }

    /** Maps {@link #enumerateInstances} to paths (an instance without a path gets one from its key properties). */
    @Override
    public void enumerateInstanceNames(ProviderContext context, CimName className, ResultSink<ObjectPath> sink) {
        CimClass cls = context.findClass(className);
        enumerateInstances(context, className, i -> sink.deliver(i.path() != null || cls == null ? i.path()
                : i.pathFrom(cls, context.namespace())));
    }

    @Override
    public ObjectPath createInstance(ProviderContext context, CimInstance newInstance) {
        throw notSupported("CreateInstance", newInstance.className());
    }

    @Override
    public void modifyInstance(ProviderContext context, CimInstance modified, List<CimName> propertyList) {
        throw notSupported("ModifyInstance", modified.className());
    }

    @Override
    public void deleteInstance(ProviderContext context, ObjectPath path) {
        throw notSupported("DeleteInstance", path.className());
    }
}
