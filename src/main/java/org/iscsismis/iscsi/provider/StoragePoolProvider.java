package org.iscsismis.iscsi.provider;

import org.iscsismis.cim.CimInstance;
import org.iscsismis.cim.CimName;
import org.iscsismis.cim.ObjectPath;
import org.iscsismis.iscsi.disk.DiskPool;
import org.iscsismis.iscsi.disk.DiskRegistry;
import org.iscsismis.provider.AbstractInstanceProvider;
import org.iscsismis.provider.MethodArguments;
import org.iscsismis.provider.MethodProvider;
import org.iscsismis.provider.MethodResult;
import org.iscsismis.provider.ProviderContext;
import org.iscsismis.provider.ResultSink;

/**
 * {@code MSISCSITARGET_StoragePool}: one read-only instance per {@link DiskPool}, capacity read live; its size
 * methods are {@link PoolSizes}.
 */
public final class StoragePoolProvider extends AbstractInstanceProvider implements MethodProvider {

    private final DiskRegistry disks;

    public StoragePoolProvider(DiskRegistry disks) {
        this.disks = disks;
    }

    @Override
    public CimInstance getInstance(ProviderContext context, ObjectPath path) {
        return StorageElements.pool(find(path), context.namespace());
    }

    private DiskPool find(ObjectPath path) {
        DiskPool pool = StorageElements.findPool(disks, StorageElements.poolId(path));
        if (pool == null) {
            throw StorageElements.notFound(path);
        }
        return pool;
    }

    @Override
    public void enumerateInstances(ProviderContext context, CimName className, ResultSink<CimInstance> sink) {
        for (DiskPool pool : disks.pools()) {
            sink.deliver(StorageElements.pool(pool, context.namespace()));
        }
    }

    @Override
    public MethodResult invokeMethod(ProviderContext context, ObjectPath target, CimName methodName, MethodArguments in) {
        if (target.isClassPath()) {
            throw notSupported("Method " + methodName + " on the class", target.className());
        }
        return PoolSizes.invoke(find(target), methodName, in);
    }
}
