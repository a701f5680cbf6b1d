package org.iscsismis.dispatch;

import static org.iscsismis.dispatch.StorageFixture.NS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import org.iscsismis.cim.CimInstance;
import org.iscsismis.cim.ObjectPath;
import org.iscsismis.operation.AssociatorsRequest;
import org.iscsismis.operation.EnumerateInstancesRequest;
import org.iscsismis.operation.EnumerationCountRequest;
import org.iscsismis.operation.OpenAssociatorInstancePathsRequest;
import org.iscsismis.operation.OpenAssociatorInstancesRequest;
import org.iscsismis.operation.OpenEnumerateInstancesRequest;
import org.iscsismis.operation.OpenReferenceInstancePathsRequest;
import org.iscsismis.operation.OpenReferenceInstancesRequest;
import org.iscsismis.operation.PullInstancePathsRequest;
import org.iscsismis.operation.PullInstancesWithPathRequest;
import org.iscsismis.operation.ReferenceNamesRequest;
import org.iscsismis.operation.ReferencesRequest;
import org.iscsismis.operation.AssociatorNamesRequest;
import org.iscsismis.testing.storage.StorageModel;
import org.junit.jupiter.api.Test;

/** Pulled enumerations whose results come from providers (buffered at Open) equal the traditional operations. */
class PullThroughProvidersTest {

    private final StorageFixture f = new StorageFixture();
    private final ObjectPath pool = StorageModel.path(StorageModel.POOL, "P1");

    /** Items of the Open answer and of PullInstancesWithPath (or PullInstancePaths) batches of one, until the end. */
    private List<Object> pullAll(RecordingSink open, boolean paths) {
        List<Object> all = new ArrayList<>(items(open, paths));
        RecordingSink s = open;
        while (!s.endOfSequence) {
            String ctx = s.all("pullResult", String.class).get(0);
            s = f.run(paths ? new PullInstancePathsRequest(NS, ctx, 1) : new PullInstancesWithPathRequest(NS, ctx, 1));
            assertTrue(items(s, paths).size() <= 1);
            all.addAll(items(s, paths));
        }
        assertEquals(0, f.dispatcher.openEnumerationContexts());
        return all;
    }

    private static List<?> items(RecordingSink s, boolean paths) {
        return paths ? s.all("objectPath", ObjectPath.class) : s.all("objectWithPath", CimInstance.class);
    }

    @Test
    void providerServedInstancesArePulledOneByOne() {
        RecordingSink open = f.run(OpenEnumerateInstancesRequest.builder(NS, StorageModel.DISK).maxObjectCount(1).build());
        assertFalse(open.endOfSequence);
        String ctx = open.all("pullResult", String.class).get(0);
        assertEquals(2L, f.run(new EnumerationCountRequest(NS, ctx)).only("enumerationCount", Long.class));
        List<CimInstance> traditional = f.run(EnumerateInstancesRequest.of(NS, StorageModel.DISK)).all("namedInstance", CimInstance.class);
        assertEquals(3, traditional.size());
        assertEquals(new HashSet<Object>(traditional), new HashSet<>(pullAll(open, false)));
    }

    @Test
    void associationVariantsEqualTheTraditionalOperations() {
        assertEquals(new HashSet<Object>(f.run(AssociatorsRequest.of(NS, pool)).all("objectWithPath", CimInstance.class)),
                new HashSet<>(pullAll(f.run(OpenAssociatorInstancesRequest.builder(NS, pool).maxObjectCount(1).build()), false)));
        assertEquals(new HashSet<Object>(f.run(AssociatorNamesRequest.of(NS, pool)).all("objectPath", ObjectPath.class)),
                new HashSet<>(pullAll(f.run(OpenAssociatorInstancePathsRequest.builder(NS, pool).maxObjectCount(1).build()), true)));
        List<CimInstance> references = f.run(ReferencesRequest.of(NS, pool)).all("objectWithPath", CimInstance.class);
        assertEquals(3, references.size(), "two disks in the pool and the pool dependency");
        assertEquals(new HashSet<Object>(references),
                new HashSet<>(pullAll(f.run(OpenReferenceInstancesRequest.builder(NS, pool).maxObjectCount(1).build()), false)));
        assertEquals(new HashSet<Object>(f.run(ReferenceNamesRequest.of(NS, pool)).all("objectPath", ObjectPath.class)),
                new HashSet<>(pullAll(f.run(OpenReferenceInstancePathsRequest.builder(NS, pool).maxObjectCount(1).build()), true)));
    }
}
