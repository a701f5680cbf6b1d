package org.iscsismis.iscsi.provider;

import org.iscsismis.cim.CimInstance;
import org.iscsismis.cim.CimName;
import org.iscsismis.cim.ObjectPath;
import org.iscsismis.iscsi.disk.DiskRegistry;
import org.iscsismis.iscsi.disk.VirtualDisk;
import org.iscsismis.iscsi.target.VolumeIdentity;
import org.iscsismis.provider.AbstractInstanceProvider;
import org.iscsismis.provider.ProviderContext;
import org.iscsismis.provider.ResultSink;

/**
 * {@code MSISCSITARGET_StorageVolume}: one read-only instance per {@link VirtualDisk} that is not deleted. Its Name is
 * the NAA identifier the iSCSI target reports for the volume in VPD page 83h ({@link VolumeIdentity}).
 */
public final class StorageVolumeProvider extends AbstractInstanceProvider {

    private final DiskRegistry disks;
    private final VolumeIdentity identity;

    public StorageVolumeProvider(DiskRegistry disks, VolumeIdentity identity) {
        this.disks = disks;
        this.identity = identity;
    }

    @Override
    public CimInstance getInstance(ProviderContext context, ObjectPath path) {
        String diskId = StorageElements.diskId(path);
        VirtualDisk disk = diskId == null ? null : disks.findDisk(diskId).filter(d -> !d.isDeleted()).orElse(null);
        if (disk == null) {
            throw StorageElements.notFound(path);
        }
        return StorageElements.volume(disk, identity, context.namespace());
    }

    @Override
    public void enumerateInstances(ProviderContext context, CimName className, ResultSink<CimInstance> sink) {
        for (VirtualDisk disk : disks.disks()) {
            if (!disk.isDeleted()) {
                sink.deliver(StorageElements.volume(disk, identity, context.namespace()));
            }
        }
    }
}
