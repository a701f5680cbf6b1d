package org.iscsismis.cimxml;

import java.io.OutputStream;
import java.util.List;
import org.iscsismis.cim.CimClass;
import org.iscsismis.cim.CimException;
import org.iscsismis.cim.CimInstance;
import org.iscsismis.cim.CimName;
import org.iscsismis.cim.CimQualifierType;
import org.iscsismis.cim.CimValue;
import org.iscsismis.cim.ObjectPath;
import org.iscsismis.operation.CimRequest;
import org.iscsismis.operation.ParamValue;
import org.iscsismis.operation.ResponseSink;

/** Writes one CIM-XML response message while results arrive. Not thread-safe: one per response. */
public final class CimXmlResponseWriter implements ResponseSink {

    public CimXmlResponseWriter(OutputStream out, String messageId, CimRequest request, String methodName,
                                boolean intrinsic) {
    }

    public boolean hasWrittenResults() {
        throw new UnsupportedOperationException("not yet implemented");
    }

    public void finishSuccess() {
        throw new UnsupportedOperationException("not yet implemented");
    }

    public void finishError(CimException error) {
        throw new UnsupportedOperationException("not yet implemented");
    }

    @Override public void className(CimName name) { throw new UnsupportedOperationException(); }
    @Override public void cimClass(CimClass cimClass) { throw new UnsupportedOperationException(); }
    @Override public void instance(CimInstance instance) { throw new UnsupportedOperationException(); }
    @Override public void namedInstance(CimInstance instance) { throw new UnsupportedOperationException(); }
    @Override public void instanceName(ObjectPath path) { throw new UnsupportedOperationException(); }
    @Override public void objectWithPath(CimInstance instance) { throw new UnsupportedOperationException(); }
    @Override public void objectWithPath(CimClass cimClass, ObjectPath classPath) { throw new UnsupportedOperationException(); }
    @Override public void objectPath(ObjectPath path) { throw new UnsupportedOperationException(); }
    @Override public void qualifierDeclaration(CimQualifierType declaration) { throw new UnsupportedOperationException(); }
    @Override public void propertyValue(CimValue value) { throw new UnsupportedOperationException(); }
    @Override public void methodResult(CimValue returnValue, List<ParamValue> outParameters) { throw new UnsupportedOperationException(); }
    @Override public void pullResult(String enumerationContext, boolean endOfSequence) { throw new UnsupportedOperationException(); }
    @Override public void enumerationCount(Long count) { throw new UnsupportedOperationException(); }
}
