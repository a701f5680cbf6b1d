package org.iscsismis.e2e;

import static org.iscsismis.e2e.ReplicationCalls.REPLICATION_SERVICE;
import static org.iscsismis.e2e.ReplicationCalls.pool;
import static org.iscsismis.e2e.ReplicationCalls.ref;
import static org.iscsismis.e2e.ReplicationCalls.text;
import static org.iscsismis.e2e.ReplicationCalls.u16;
import static org.iscsismis.e2e.ReplicationCalls.volume;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.iscsismis.iscsi.disk.DiskPool;
import org.iscsismis.iscsi.disk.PoolExhaustedException;
import org.iscsismis.iscsi.disk.VirtualDisk;
import org.iscsismis.iscsi.provider.IscsiTarget;
import org.iscsismis.server.ServerConfig;
import org.iscsismis.testing.TestServer;
import org.metricshub.wbem.javax.wbem.client.WBEMClient;
import org.junit.jupiter.api.Test;

/**
 * With storage.medium=heap, disk data lives on the heap, bounded by storage.maxHeapBytes: a mirror that would not fit is refused by
 * CreateElementReplica (4, Failed, nothing created) and a write past the limit fails like a full pool, instead of
 * the replicas filling the heap.
 */
class DiskDataLimitIT {

    private static final int MIB = 1 << 20;

    @Test
    void aMirrorThatWouldNotFitIsRefusedAndAWritePastTheLimitFails() throws Exception {
        ServerConfig config = TestServer.testDefaults().with(ServerConfig.STORAGE_MEDIUM, "heap")
                .with(ServerConfig.STORAGE_MAX_HEAP_BYTES, Integer.toString(2 * MIB));
        try (TestServer server = TestServer.start(config)) {
            IscsiTarget target = server.server().target();
            DiskPool pool = target.disks().createPool("limited", 1L << 30);
            VirtualDisk source = target.disks().createDisk(pool.id(), "big", 4L * MIB, 512);
            source.write(0, new byte[3 * MIB / 2]);
            WBEMClient client = SblimClients.connect(server.url());
            try {
                ReplicationCalls.Answer refused = new ReplicationCalls(client).invoke(REPLICATION_SERVICE, "CreateElementReplica",
                        u16("SyncType", 6), u16("Mode", 2), ref("SourceElement", volume(source.id())),
                        ref("TargetPool", pool(pool.id())), text("ElementName", "too-big"));
                assertEquals(4, refused.returnValue(), refused::toString);
                assertTrue(target.engine().pairs().isEmpty(), "no pair was created");
                assertEquals(1, target.disks().disks().size(), "no target volume was created");
            } finally {
                client.close();
            }
            PoolExhaustedException e = assertThrows(PoolExhaustedException.class, () -> source.write(2L * MIB, new byte[MIB]));
            assertTrue(e.getMessage().contains("in-heap disk data limit of 2097152 bytes"), e.getMessage());
            assertEquals(3L * MIB / 2, source.allocatedBytes(), "the refused write changed nothing");
        }
    }
}
