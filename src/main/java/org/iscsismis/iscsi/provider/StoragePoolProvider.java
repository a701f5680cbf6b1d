package org.iscsismis.iscsi.provider;

import org.iscsismis.cim.CimInstance;
import org.iscsismis.cim.CimName;
import org.iscsismis.cim.ObjectPath;
import org.iscsismis.iscsi.disk.DiskPool;
import org.iscsismis.iscsi.disk.DiskRegistry;
import org.iscsismis.provider.AbstractInstanceProvider;
import org.iscsismis.provider.ProviderContext;
import org.iscsismis.provider.ResultSink;

/** {@code MSISCSITARGET_StoragePool}: one read-only instance per {@link DiskPool}, capacity read live. */
public final class StoragePoolProvider extends AbstractInstanceProvider {

    private final DiskRegistry disks;

    public StoragePoolProvider(DiskRegistry disks) {
        this.disks = disks;
    }

    @Override
    public CimInstance getInstance(ProviderContext context, ObjectPath path) {
        String poolId = StorageElements.poolId(path);
        DiskPool pool = poolId == null ? null : disks.pools().stream().filter(p -> p.id().equals(poolId)).findFirst().orElse(null);
        if (pool == null) {
            throw StorageElements.notFound(path);
        }
        return StorageElements.pool(pool, context.namespace());
    }

    @Override
    public void enumerateInstances(ProviderContext context, CimName className, ResultSink<CimInstance> sink) {
        for (DiskPool pool : disks.pools()) {
            sink.deliver(StorageElements.pool(pool, context.namespace()));
        }
    }
}
