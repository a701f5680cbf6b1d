package org.iscsismis.store;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.iscsismis.cim.CimNamespace;
import org.iscsismis.cimxml.CimXmlClientCodec;
import org.iscsismis.cimxml.CimXmlException;
import org.iscsismis.cimxml.CimXmlRequestReader;
import org.iscsismis.cimxml.ParsedRequest;
import org.iscsismis.cimxml.ReaderLimits;
import org.iscsismis.operation.CimRequest;

/**
 * One repository change as a journal value: a letter saying what happened ({@link #CREATED} since the schema,
 * {@link #REPLACED} something the schema had, {@link #DELETED} something the schema had, {@link #STANDARD} for a namespace holding the standard qualifier
 * declarations), then either the CIM-XML
 * request document that makes the thing as it is now (CreateClass, SetQualifier, CreateInstance: the same codec as
 * the wire, so a record says exactly what a client could have sent) or, for a namespace or a deleted qualifier or
 * class, its name in UTF-8.
 */
final class RepositoryRecords {

    static final byte CREATED = 'C';
    static final byte REPLACED = 'R';
    static final byte DELETED = 'D';
    /** A namespace created since the schema with the standard qualifier declarations (one record for them all). */
    static final byte STANDARD = 'S';

    /** Bounds for reading our own records back (checksummed; only the journal's record size bounds them). */
    private static final ReaderLimits LIMITS = new ReaderLimits(64, Long.MAX_VALUE, Journal.MAX_RECORD, Journal.MAX_RECORD);

    private final CimXmlClientCodec codec = new CimXmlClientCodec();
    private final CimXmlRequestReader reader = new CimXmlRequestReader();

    private RepositoryRecords() {
    }

    static RepositoryRecords create() {
        return new RepositoryRecords();
    }

    byte[] request(byte op, CimRequest request) {
        return join(op, codec.encode(request, "journal"));
    }

    static byte[] name(byte op, Object name) {
        return join(op, name.toString().getBytes(StandardCharsets.UTF_8));
    }

    static byte op(byte[] value) {
        return value == null || value.length == 0 ? 0 : value[0];
    }

    static String name(byte[] value) {
        return new String(value, 1, value.length - 1, StandardCharsets.UTF_8);
    }

    /** The request a record holds. */
    CimRequest request(byte[] value) {
        try {
            ParsedRequest parsed = reader.read(new ByteArrayInputStream(value, 1, value.length - 1), LIMITS);
            if (parsed.error() != null) {
                throw parsed.error();
            }
            return parsed.request();
        } catch (CimXmlException e) {
            throw new IllegalStateException("unreadable repository record: " + e.getMessage(), e);
        }
    }

    static CimNamespace namespace(byte[] value) {
        return CimNamespace.of(name(value));
    }

    private static byte[] join(byte op, byte[] body) {
        byte[] out = Arrays.copyOf(new byte[] {op}, body.length + 1);
        System.arraycopy(body, 0, out, 1, body.length);
        return out;
    }
}
