package org.iscsismis.iscsi.provider;

import java.util.List;

import org.iscsismis.cim.CimInstance;
import org.iscsismis.cim.CimName;
import org.iscsismis.cim.CimNamespace;
import org.iscsismis.cim.CimType;
import org.iscsismis.cim.CimValue;
import org.iscsismis.cim.ObjectPath;
import org.iscsismis.provider.AbstractInstanceProvider;
import org.iscsismis.provider.MethodArguments;
import org.iscsismis.provider.MethodProvider;
import org.iscsismis.provider.MethodResult;
import org.iscsismis.provider.ProviderContext;
import org.iscsismis.provider.ResultSink;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A service of the target system that has exactly one instance (its path from {@link SystemElements}), read-only,
 * and extrinsic methods. A method call on any other path is CIM_ERR_NOT_FOUND. A {@link MethodRefusal} becomes its
 * return code (its reason is logged at debug level); a declared method the subclass does not implement answers 1
 * (Not Supported), which every method of these services has in its value map.
 */
abstract class ServiceProvider extends AbstractInstanceProvider implements MethodProvider {

    private static final Logger LOG = LoggerFactory.getLogger(ServiceProvider.class);

    private final CimName className;
    private final String elementName;
    private final String description;

    ServiceProvider(CimName className, String elementName, String description) {
        this.className = className;
        this.elementName = elementName;
        this.description = description;
    }

    abstract ObjectPath path(CimNamespace ns);

    /** The method's result, or null if this service does not implement the method. */
    abstract MethodResult call(ProviderContext context, ObjectPath service, CimName method, CallArguments args);

    @Override
    public CimInstance getInstance(ProviderContext context, ObjectPath path) {
        requireOurs(context, path);
        return instance(context.namespace());
    }

    @Override
    public void enumerateInstances(ProviderContext context, CimName className, ResultSink<CimInstance> sink) {
        sink.deliver(instance(context.namespace()));
    }

    @Override
    public final MethodResult invokeMethod(ProviderContext context, ObjectPath target, CimName methodName, MethodArguments in) {
        ObjectPath service = requireOurs(context, target);
        try {
            MethodResult result = call(context, service, methodName, new CallArguments(in, context.namespace()));
            return result != null ? result : ReturnCode.NOT_SUPPORTED.result();
        } catch (MethodRefusal r) {
            LOG.debug("{}.{} refused ({}): {}", className, methodName, r.result().returnValue(), r.getMessage());
            return r.result();
        }
    }

    private ObjectPath requireOurs(ProviderContext context, ObjectPath path) {
        ObjectPath ours = path(context.namespace());
        if (!context.local(path).equals(ours)) {
            throw StorageElements.notFound(path);
        }
        return ours;
    }

    private CimInstance instance(CimNamespace ns) {
        ObjectPath path = path(ns);
        CimInstance.Builder b = CimInstance.builder(className).path(path);
        for (var key : path.keys()) {
            b.property(key.name().toString(), key.value());
        }
        return b.property("ElementName", elementName)
                .property("Caption", elementName)
                .property("Description", description)
                .property("OperationalStatus", CimValue.of(CimType.UINT16.asArray(), List.of(2))) // OK
                .property("HealthState", CimValue.ofUint16(5)) // OK
                .property("EnabledState", CimValue.ofUint16(2)) // Enabled
                .property("RequestedState", CimValue.ofUint16(12)) // Not Applicable
                .property("EnabledDefault", CimValue.ofUint16(2)) // Enabled
                .property("Started", CimValue.ofBoolean(true))
                .build();
    }
}
