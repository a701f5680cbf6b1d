package org.iscsismis.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
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
import org.iscsismis.operation.EnumerateInstancesRequest;
import org.iscsismis.repository.CimRepository;
import org.iscsismis.repository.StandardQualifiers;
import org.junit.jupiter.api.Test;

/**
 * Deleting or modifying a stored instance gives its encoded copy's bytes back at once, while the old instance is still
 * referenced (as by a response in flight): no collection is needed before its replacement can be kept.
 */
class ForgetChangedInstancesTest {

    private static final CimNamespace NS = CimNamespace.of("root/forget");
    private static final CimName ITEM = CimName.of("T_Item");

    private final CimRepository repository = new CimRepository();
    private final EncodedInstances encoded = EncodedInstances.withBudget(1 << 20);

    ForgetChangedInstancesTest() {
        repository.createNamespace(NS, StandardQualifiers.declarations());
        repository.createClass(NS, CimClass.builder("T_Item")
                .property("Id", CimType.STRING, CimQualifier.ofTrue("Key"))
                .property("Name", CimType.STRING).build());
        repository.addInstanceListener(new ForgetChangedInstances(encoded));
    }

    private CimInstance create(String id) {
        return repository.createInstance(NS, CimInstance.builder("T_Item")
                .path(ObjectPath.builder("T_Item").key("Id", id).build()).property("Id", id).property("Name", "item " + id).build());
    }

    /** Writes every stored instance as an enumeration does, twice: the second time keeps their encodings. */
    private void enumerateTwice() {
        for (int round = 0; round < 2; round++) {
            CimXmlResponseWriter w = new CimXmlResponseWriter(new ByteArrayOutputStream(), "1",
                    EnumerateInstancesRequest.of(NS, ITEM), "EnumerateInstances", true, null, encoded);
            repository.instances(NS, ITEM, true).forEach(w::namedInstance);
            w.finishSuccess();
        }
    }

    @Test
    void deletedAndModifiedInstancesGiveTheirBytesBack() {
        long empty = encoded.usedBytes();
        CimInstance a = create("a");
        CimInstance b = create("b");
        enumerateTwice();
        long two = encoded.usedBytes();
        assertTrue(two > empty, "both instances were kept");

        CimInstance deleted = repository.deleteInstance(NS, a.path());
        long one = encoded.usedBytes();
        assertTrue(one < two, "the deleted instance's bytes came back");

        CimInstance before = repository.instances(NS, ITEM, true).findFirst().orElseThrow();
        repository.modifyInstance(NS, before.withProperty(CimProperty.of("Name", CimValue.ofString("renamed"))), List.of());
        assertTrue(encoded.usedBytes() < one, "the modified instance's old bytes came back");

        enumerateTwice();
        assertEquals(one, encoded.usedBytes(), "the modified instance is kept anew, in as many bytes");
        assertEquals(a.path(), deleted.path(), "the old objects are still referenced here");
        assertEquals(b.path(), before.path());
    }
}
