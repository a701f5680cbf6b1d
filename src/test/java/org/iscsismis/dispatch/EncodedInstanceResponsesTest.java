package org.iscsismis.dispatch;

import static org.iscsismis.testing.storage.StorageModel.DISK;
import static org.iscsismis.testing.storage.StorageModel.ELEMENT;
import static org.iscsismis.testing.storage.StorageModel.POOL;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.iscsismis.cim.CimClass;
import org.iscsismis.cim.CimInstance;
import org.iscsismis.cim.CimName;
import org.iscsismis.cim.CimNamespace;
import org.iscsismis.cim.CimProperty;
import org.iscsismis.cim.CimQualifier;
import org.iscsismis.cim.CimType;
import org.iscsismis.cim.CimValue;
import org.iscsismis.cim.ObjectPath;
import org.iscsismis.cimxml.CimXmlResponseWriter;
import org.iscsismis.cimxml.EncodedInstances;
import org.iscsismis.operation.CimRequest;
import org.iscsismis.operation.EnumerateInstancesRequest;
import org.iscsismis.operation.ExecQueryRequest;
import org.iscsismis.operation.OpenEnumerateInstancesRequest;
import org.iscsismis.operation.OpenQueryInstancesRequest;
import org.junit.jupiter.api.Test;

/**
 * Every answer written with instances kept as encoded bytes is byte for byte the answer of the writer that encodes
 * every instance, while stored instances are modified, deleted and re-created between the requests, under every
 * filter that changes an instance, for repository and provider-served classes.
 */
class EncodedInstanceResponsesTest {

    private static final CimNamespace NS = StorageFixture.NS;
    private static final CimName TAGGED = CimName.of("Test_Tagged");
    private static final CimName TAGGED_CHILD = CimName.of("Test_TaggedChild");

    private final StorageFixture f = new StorageFixture();
    private final EncodedInstances encoded = EncodedInstances.withBudget(1 << 20);

    EncodedInstanceResponsesTest() {
        // A class whose properties carry qualifiers, a subclass adding one, and a reference-typed property.
        f.repo.createClass(NS, CimClass.builder(TAGGED).superClass(ELEMENT)
                .property(CimProperty.of("Note", CimValue.ofString("none"))
                        .withQualifiers(List.of(CimQualifier.of("Description", CimValue.ofString("a note")))))
                .property("Owner", CimType.reference(POOL))
                .property("Weights", CimType.arrayOf(CimType.Kind.UINT32)).build());
        f.repo.createClass(NS, CimClass.builder(TAGGED_CHILD).superClass(TAGGED).property("Extra", CimType.SINT64).build());
        for (int i = 0; i < 12; i++) {
            f.repo.createInstance(NS, tagged(i, "note <" + i + "> & \"more\"", i % 2 == 0 ? TAGGED : TAGGED_CHILD));
        }
        // Enough bytes that answers pass through the writer's 64 KiB buffer several times: some instances are
        // written across a drain of the buffer.
        for (int i = 100; i < 400; i++) {
            f.repo.createInstance(NS, tagged(i, "é".repeat(i) + i, TAGGED_CHILD));
        }
    }

    private static CimInstance tagged(int i, String note, CimName cls) {
        CimInstance.Builder b = CimInstance.builder(cls).property("Id", "T" + i).property("Name", "tagged " + i)
                .property("Note", note).property("Owner", CimValue.ofReference(ObjectPath.builder(POOL).key("Id", "P1").build()))
                .property("Weights", CimValue.of(CimType.arrayOf(CimType.Kind.UINT32), List.of(1L, 2L, (long) i)));
        if (cls.equals(TAGGED_CHILD)) {
            b.property("Extra", CimValue.of(CimType.SINT64, (long) -i));
        }
        return b.build();
    }

    /** The requests whose answers are compared: default flags and every flag that changes an instance. */
    private static List<CimRequest> requests() {
        List<CimRequest> rs = new ArrayList<>();
        for (CimName cls : List.of(ELEMENT, TAGGED, TAGGED_CHILD, POOL, DISK)) {
            rs.add(EnumerateInstancesRequest.builder(NS, cls).localOnly(false).build());
            rs.add(EnumerateInstancesRequest.of(NS, cls)); // LocalOnly true, the DSP0200 default
            rs.add(EnumerateInstancesRequest.builder(NS, cls).deepInheritance(false).build());
            rs.add(EnumerateInstancesRequest.builder(NS, cls).includeQualifiers(true).build());
            rs.add(EnumerateInstancesRequest.builder(NS, cls).includeClassOrigin(true).build());
            rs.add(EnumerateInstancesRequest.builder(NS, cls).propertyList(List.of(CimName.of("Name"), CimName.of("Note"))).build());
            rs.add(EnumerateInstancesRequest.builder(NS, cls).propertyList(List.of()).build());
            rs.add(new ExecQueryRequest(NS, "WQL", "SELECT * FROM " + cls));
            rs.add(new ExecQueryRequest(NS, "WQL", "SELECT Name FROM " + cls));
            rs.add(OpenEnumerateInstancesRequest.builder(NS, cls).maxObjectCount(1000).build());
            rs.add(OpenEnumerateInstancesRequest.builder(NS, cls).maxObjectCount(1000).propertyList(List.of(CimName.of("Id"))).build());
            rs.add(OpenEnumerateInstancesRequest.builder(NS, cls).maxObjectCount(1000).includeClassOrigin(true).build());
            rs.add(OpenEnumerateInstancesRequest.builder(NS, cls).maxObjectCount(1000).filterQueryLanguage("DMTF:FQL")
                    .filterQuery("Id <> 'T3'").build());
        }
        rs.add(new OpenQueryInstancesRequest(NS, "WQL", "SELECT * FROM Test_Tagged", false, null, false, 1000));
        return rs;
    }

    private String answer(CimRequest r, EncodedInstances with) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        CimXmlResponseWriter w = new CimXmlResponseWriter(out, "7", r, r.operationName(), true, "server.example", with);
        f.dispatcher.execute(r, w);
        w.finishSuccess();
        return out.toString(StandardCharsets.UTF_8);
    }

    /** Each request three times (the second sighting of an instance keeps it, the third copies it), against the uncached answer. */
    private void assertSameAnswers(String when) {
        for (CimRequest r : requests()) {
            String expected = answer(r, EncodedInstances.NONE);
            for (int round = 0; round < 3; round++) {
                assertEquals(expected, answer(r, encoded), when + ", round " + round + ": " + r);
            }
        }
    }

    @Test
    void answersEqualTheUncachedWriterThroughModifyDeleteAndCreate() {
        assertSameAnswers("at first");
        long kept = encoded.usedBytes();
        assertTrue(kept > 0, "the repository's instances are kept");

        for (int i = 0; i < 12; i += 3) {
            ObjectPath p = ObjectPath.builder(i % 2 == 0 ? TAGGED : TAGGED_CHILD).key("Id", "T" + i).build();
            f.repo.modifyInstance(NS, tagged(i, "modified " + i, i % 2 == 0 ? TAGGED : TAGGED_CHILD).withPath(p), null);
        }
        f.repo.deleteInstance(NS, ObjectPath.builder(TAGGED_CHILD).key("Id", "T1").build());
        f.repo.deleteInstance(NS, ObjectPath.builder(TAGGED).key("Id", "T2").build());
        assertSameAnswers("after modifying and deleting");
        assertTrue(answer(EnumerateInstancesRequest.of(NS, TAGGED), encoded).contains("<VALUE>modified 3</VALUE>"));

        // Re-created under the same keys, with other values and (T2) another class.
        f.repo.createInstance(NS, tagged(1, "again 1", TAGGED_CHILD));
        f.repo.createInstance(NS, tagged(2, "again 2", TAGGED_CHILD));
        assertSameAnswers("after re-creating");
        String all = answer(EnumerateInstancesRequest.of(NS, TAGGED), encoded);
        assertTrue(all.contains("<VALUE>again 2</VALUE>") && !all.contains("<VALUE>note &lt;2> &amp; \"more\"</VALUE>"), all);
    }

    @Test
    void aCacheWithoutRoomWritesTheSameAnswers() {
        EncodedInstances tiny = EncodedInstances.withBudget(1200);
        for (CimRequest r : requests()) {
            String expected = answer(r, EncodedInstances.NONE);
            for (int round = 0; round < 3; round++) {
                assertEquals(expected, answer(r, tiny), r.toString());
            }
        }
        assertTrue(tiny.usedBytes() <= 1200, "within its budget: " + tiny.usedBytes());
    }
}
