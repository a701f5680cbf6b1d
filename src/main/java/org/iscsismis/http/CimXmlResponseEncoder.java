package org.iscsismis.http;

import java.io.OutputStream;
import java.util.List;
import org.iscsismis.cim.CimClass;
import org.iscsismis.cim.CimException;
import org.iscsismis.cim.CimInstance;
import org.iscsismis.cim.CimName;
import org.iscsismis.cim.CimQualifierType;
import org.iscsismis.cim.CimValue;
import org.iscsismis.cim.ObjectPath;
import org.iscsismis.cimxml.CimXmlResponseWriter;
import org.iscsismis.cimxml.EncodedInstances;
import org.iscsismis.cimxml.ParsedRequest;
import org.iscsismis.operation.ParamValue;

/** {@link ResponseEncoder} over the codec's {@link CimXmlResponseWriter}. */
final class CimXmlResponseEncoder implements ResponseEncoder {

    /** The production factory, encoding every instance anew. */
    static final Factory FACTORY = factory(EncodedInstances.NONE);

    private final CimXmlResponseWriter writer;

    private CimXmlResponseEncoder(OutputStream out, ParsedRequest request, EncodedInstances encoded) {
        this.writer = new CimXmlResponseWriter(out, request.messageId(), request.request(), request.methodName(),
                request.intrinsic(), request.host(), encoded);
    }

    /** The production factory, its writers sharing the instances {@code encoded} keeps. */
    static Factory factory(EncodedInstances encoded) {
        return (out, request) -> new CimXmlResponseEncoder(out, request, encoded);
    }

    @Override public void finishSuccess() { writer.finishSuccess(); }
    @Override public void finishError(CimException error) { writer.finishError(error); }

    @Override public void className(CimName name) { writer.className(name); }
    @Override public void classNames(List<CimName> names) { writer.classNames(names); }
    @Override public void cimClass(CimClass cimClass) { writer.cimClass(cimClass); }
    @Override public void instance(CimInstance instance) { writer.instance(instance); }
    @Override public void namedInstance(CimInstance instance) { writer.namedInstance(instance); }
    @Override public void namedInstances(CimInstance[] instances, int count) { writer.namedInstances(instances, count); }
    @Override public void instanceName(ObjectPath path) { writer.instanceName(path); }
    @Override public void objectWithPath(CimInstance instance) { writer.objectWithPath(instance); }
    @Override public void objectsWithPath(CimInstance[] instances, int count) { writer.objectsWithPath(instances, count); }
    @Override public void objectWithPath(CimClass cimClass, ObjectPath classPath) { writer.objectWithPath(cimClass, classPath); }
    @Override public void objectPath(ObjectPath path) { writer.objectPath(path); }
    @Override public void qualifierDeclaration(CimQualifierType declaration) { writer.qualifierDeclaration(declaration); }
    @Override public void propertyValue(CimValue value) { writer.propertyValue(value); }
    @Override public void methodResult(CimValue returnValue, List<ParamValue> outParameters) { writer.methodResult(returnValue, outParameters); }
    @Override public void pullResult(String enumerationContext, boolean endOfSequence) { writer.pullResult(enumerationContext, endOfSequence); }
    @Override public void enumerationCount(Long count) { writer.enumerationCount(count); }
    @Override public void queryResultClass(CimClass resultClass) { writer.queryResultClass(resultClass); }
}
