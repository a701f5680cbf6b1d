package org.iscsismis.testing.storage;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.iscsismis.cim.CimInstance;
import org.iscsismis.cim.CimName;
import org.iscsismis.cim.CimValue;
import org.iscsismis.provider.AbstractAssociationProvider;
import org.iscsismis.provider.AssociationEnds;
import org.iscsismis.provider.AssociationQuery;
import org.iscsismis.provider.ProviderContext;
import org.iscsismis.provider.ResultSink;

/** Test_DiskInPool: links between pools (repository) and disks (DiskProvider); References only, the rest derived. */
public final class DiskInPoolProvider extends AbstractAssociationProvider {

    private record Link(String pool, String disk) {
    }

    private final List<Link> links = new CopyOnWriteArrayList<>();

    void link(String pool, String disk) {
        links.add(new Link(pool, disk));
    }

    @Override
    public void references(ProviderContext context, CimName associationClass, AssociationQuery query, ResultSink<CimInstance> sink) {
        for (Link l : links) {
            CimInstance i = CimInstance.builder(StorageModel.DISK_IN_POOL)
                    .property("GroupComponent", CimValue.ofReference(StorageModel.path(context.namespace(), StorageModel.POOL, l.pool())))
                    .property("PartComponent", CimValue.ofReference(StorageModel.path(context.namespace(), StorageModel.DISK, l.disk())))
                    .build();
            if (AssociationEnds.refersTo(i, context.namespace(), query)) {
                sink.deliver(i);
            }
        }
    }
}
