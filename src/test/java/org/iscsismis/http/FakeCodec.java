package org.iscsismis.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Properties;
import org.iscsismis.cim.CimClass;
import org.iscsismis.cim.CimException;
import org.iscsismis.cim.CimInstance;
import org.iscsismis.cim.CimName;
import org.iscsismis.cim.CimNamespace;
import org.iscsismis.cim.CimQualifierType;
import org.iscsismis.cim.CimStatus;
import org.iscsismis.cim.CimValue;
import org.iscsismis.cim.ObjectPath;
import org.iscsismis.cimxml.CimXmlException;
import org.iscsismis.cimxml.ParsedRequest;
import org.iscsismis.cimxml.ReaderLimits;
import org.iscsismis.operation.GetClassRequest;
import org.iscsismis.operation.InvokeMethodRequest;
import org.iscsismis.operation.ParamValue;

/**
 * Test doubles for the codec. The fake request body is a properties text instead of CIM-XML:
 * {@code method}, {@code ns}, {@code version} (default 1.0), {@code extrinsic=Class} (an extrinsic
 * call on that class path in {@code ns}), {@code fail=KIND} (the decoder throws that
 * CimXmlException kind), {@code error=STATUS} (a ParsedRequest carrying that CIM error).
 * The fake encoder writes one text line per result, {@code END} on success, {@code ERROR code} on error.
 */
final class FakeCodec {

    private FakeCodec() {
    }

    static String body(String method, String ns, String... extra) {
        StringBuilder sb = new StringBuilder("method=").append(method).append("\nns=").append(ns).append('\n');
        for (String e : extra) {
            sb.append(e).append('\n');
        }
        return sb.toString();
    }

    static final RequestDecoder DECODER = new RequestDecoder() {
        @Override
        public ParsedRequest decode(InputStream body, ReaderLimits limits) throws CimXmlException {
            Properties p = new Properties();
            try {
                p.load(new StringReader(new String(body.readAllBytes(), StandardCharsets.UTF_8)));
            } catch (IOException e) {
                throw new CimXmlException(CimXmlException.Kind.NOT_WELL_FORMED, "cannot read the body: " + e.getMessage(), e);
            }
            if (p.getProperty("fail") != null) {
                throw new CimXmlException(CimXmlException.Kind.valueOf(p.getProperty("fail")), "fake failure");
            }
            String method = p.getProperty("method");
            CimNamespace ns = CimNamespace.of(p.getProperty("ns"));
            String version = p.getProperty("version", "1.0");
            CimException error = p.getProperty("error") == null ? null
                    : new CimException(CimStatus.valueOf(p.getProperty("error")), "fake parameter error");
            String extrinsic = p.getProperty("extrinsic");
            if (extrinsic != null) {
                ObjectPath path = ObjectPath.forClass(ns, CimName.of(extrinsic));
                InvokeMethodRequest request = error != null ? null
                        : new InvokeMethodRequest(ns, path, CimName.of(method), List.of());
                return new ParsedRequest("1001", version, method, false, ns, path, request, error);
            }
            GetClassRequest request = error != null ? null : GetClassRequest.of(ns, CimName.of("CIM_Fake"));
            return new ParsedRequest("1001", version, method, true, ns, null, request, error);
        }

        @Override
        public ObjectPath parseObjectHeader(String header) {
            int colon = header.indexOf(':');
            if (colon < 0) {
                throw new IllegalArgumentException("no namespace in " + header);
            }
            return ObjectPath.forClass(CimNamespace.of(header.substring(0, colon)), CimName.of(header.substring(colon + 1)));
        }
    };

    static final ResponseEncoder.Factory ENCODERS = Encoder::new;

    /** Writes each result as a line padded to about 100 bytes, flushing after each (as an XML writer may). */
    static final class Encoder implements ResponseEncoder {
        private final OutputStream out;

        Encoder(OutputStream out, ParsedRequest request) {
            this.out = out;
        }

        private void line(String text) {
            try {
                out.write((text + "\n").getBytes(StandardCharsets.UTF_8));
                out.flush();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override public void finishSuccess() { line("END"); }
        @Override public void finishError(CimException e) { line("ERROR " + e.status().code() + " " + e.description()); }
        @Override public void className(CimName name) { line(String.format("%-99s", "CLASSNAME " + name)); }
        @Override public void cimClass(CimClass c) { throw new UnsupportedOperationException(); }
        @Override public void instance(CimInstance i) { throw new UnsupportedOperationException(); }
        @Override public void namedInstance(CimInstance i) { throw new UnsupportedOperationException(); }
        @Override public void instanceName(ObjectPath p) { throw new UnsupportedOperationException(); }
        @Override public void objectWithPath(CimInstance i) { throw new UnsupportedOperationException(); }
        @Override public void objectWithPath(CimClass c, ObjectPath p) { throw new UnsupportedOperationException(); }
        @Override public void objectPath(ObjectPath p) { throw new UnsupportedOperationException(); }
        @Override public void qualifierDeclaration(CimQualifierType q) { throw new UnsupportedOperationException(); }
        @Override public void propertyValue(CimValue v) { throw new UnsupportedOperationException(); }
        @Override public void methodResult(CimValue r, List<ParamValue> out) { line("RETURNVALUE " + r.value()); }
        @Override public void pullResult(String c, boolean end) { throw new UnsupportedOperationException(); }
        @Override public void enumerationCount(Long count) { throw new UnsupportedOperationException(); }
    }
}
