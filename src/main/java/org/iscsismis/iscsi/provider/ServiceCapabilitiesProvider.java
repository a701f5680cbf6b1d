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
import org.iscsismis.replication.ReplicationEngine;

/**
 * The three service capabilities ({@link ServiceCapabilities}), one read-only instance per class, and the
 * GetSupported* methods of MSISCSITARGET_ReplicationServiceCapabilities ({@link ReplicationCapabilityMethods}).
 * Registered once per class.
 */
public final class ServiceCapabilitiesProvider extends AbstractInstanceProvider implements MethodProvider {

    /** The classes served, with their one instance. */
    static final List<CimName> CLASSES = List.of(SystemElements.REPLICATION_SERVICE_CAPABILITIES,
            SystemElements.STORAGE_REPLICATION_CAPABILITIES, SystemElements.CONFIGURATION_CAPABILITIES);

    private final ReplicationCapabilities capabilities;
    private final ReplicationCapabilityMethods replicationMethods;

    public ServiceCapabilitiesProvider(ReplicationEngine engine) {
        this.capabilities = new ReplicationCapabilities(engine.table());
        this.replicationMethods = new ReplicationCapabilityMethods(capabilities, new SynchronizationSupport(engine, capabilities));
    }

    private Function<CimNamespace, CimInstance> builder(CimName className) {
        if (className.equals(SystemElements.REPLICATION_SERVICE_CAPABILITIES)) {
            return ns -> ServiceCapabilities.replicationService(ns, capabilities);
        }
        if (className.equals(SystemElements.STORAGE_REPLICATION_CAPABILITIES)) {
            return ServiceCapabilities::storageReplication;
        }
        if (className.equals(SystemElements.CONFIGURATION_CAPABILITIES)) {
            return ServiceCapabilities::storageConfiguration;
        }
        return null;
    }

    @Override
    public CimInstance getInstance(ProviderContext context, ObjectPath path) {
        Function<CimNamespace, CimInstance> builder = builder(path.className());
        CimInstance instance = builder == null ? null : builder.apply(context.namespace());
        if (instance == null || !instance.path().equals(context.local(path))) {
            throw StorageElements.notFound(path);
        }
        return instance;
    }

    @Override
    public void enumerateInstances(ProviderContext context, CimName className, ResultSink<CimInstance> sink) {
        Function<CimNamespace, CimInstance> builder = builder(className);
        if (builder != null) {
            sink.deliver(builder.apply(context.namespace()));
        }
    }

    @Override
    public MethodResult invokeMethod(ProviderContext context, ObjectPath target, CimName methodName, MethodArguments in) {
        if (!target.isClassPath()) {
            getInstance(context, target);
        }
        if (!target.className().equals(SystemElements.REPLICATION_SERVICE_CAPABILITIES)) {
            throw notSupported("Method " + methodName, target.className());
        }
        return replicationMethods.invoke(context, methodName, in);
    }
}
