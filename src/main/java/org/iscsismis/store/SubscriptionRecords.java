package org.iscsismis.store;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Arrays;
import org.iscsismis.cim.CimNamespace;
import org.iscsismis.indication.SubscriptionLog;
import org.iscsismis.operation.CreateInstanceRequest;

/**
 * A kept filter, listener destination or subscription as a journal value: its creator's name and its start time
 * (ISO-8601, empty for none), each as modified UTF-8 with a length, then the instance as the CIM-XML CreateInstance
 * request a client could have sent (as {@link RepositoryRecords} writes it).
 */
final class SubscriptionRecords {

    /** The namespace written into the request; the instance is read back without it. */
    private static final CimNamespace INTEROP = CimNamespace.of("root/interop");

    private final RepositoryRecords requests = RepositoryRecords.create();

    byte[] write(SubscriptionLog.Kept kept) {
        ByteArrayOutputStream buf = new ByteArrayOutputStream(512);
        try (DataOutputStream out = new DataOutputStream(buf)) {
            out.writeUTF(kept.creator() == null ? "" : kept.creator());
            out.writeUTF(kept.started() == null ? "" : kept.started().toString());
            out.write(requests.request(RepositoryRecords.CREATED, new CreateInstanceRequest(INTEROP, kept.instance().withPath(null))));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return buf.toByteArray();
    }

    SubscriptionLog.Kept read(byte[] value) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(value))) {
            String creator = in.readUTF();
            String started = in.readUTF();
            byte[] request = Arrays.copyOfRange(value, value.length - in.available(), value.length);
            CreateInstanceRequest r = (CreateInstanceRequest) requests.request(request);
            return new SubscriptionLog.Kept(r.newInstance(), creator, started.isEmpty() ? null : Instant.parse(started));
        } catch (IOException e) {
            throw new IllegalStateException("unreadable subscription record: " + e.getMessage(), e);
        }
    }
}
