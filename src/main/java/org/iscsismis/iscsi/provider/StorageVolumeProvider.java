package org.iscsismis.iscsi.provider;

import org.iscsismis.cim.CimInstance;
import org.iscsismis.cim.CimName;
import org.iscsismis.cim.ObjectPath;
import org.iscsismis.iscsi.disk.DiskRegistry;
import org.iscsismis.iscsi.disk.VirtualDisk;
import org.iscsismis.provider.AbstractInstanceProvider;
import org.iscsismis.provider.ProviderContext;
import org.iscsismis.provider.ResultSink;

/** {@code MSISCSITARGET_StorageVolume}: one read-only instance per {@link VirtualDisk} that is not deleted. */
public final class StorageVolumeProvider extends AbstractInstanceProvider {

    private final DiskRegistry disks;

    public StorageVolumeProvider(DiskRegistry disks) {
        this.disks = disks;
    }

    @Override
    public CimInstance getInstance(ProviderContext context, ObjectPath path) {
        String diskId = StorageElements.diskId(path);
        VirtualDisk disk = diskId == null ? null : disks.findDisk(diskId).filter(d -> !d.isDeleted()).orElse(null);
        if (disk == null) {
            throw StorageElements.notFound(path);
        }
        return StorageElements.volume(disk, context.namespace());
    }

    @Override
    public void enumerateInstances(ProviderContext context, CimName className, ResultSink<CimInstance> sink) {
        for (VirtualDisk disk : disks.disks()) {
            if (!disk.isDeleted()) {
                sink.deliver(StorageElements.volume(disk, context.namespace()));
            }
        }
    }
}
