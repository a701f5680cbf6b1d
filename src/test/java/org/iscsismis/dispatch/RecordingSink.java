package org.iscsismis.dispatch;

import java.util.ArrayList;
import java.util.List;
import org.iscsismis.cim.CimClass;
import org.iscsismis.cim.CimInstance;
import org.iscsismis.cim.CimName;
import org.iscsismis.cim.CimQualifierType;
import org.iscsismis.cim.CimValue;
import org.iscsismis.cim.ObjectPath;
import org.iscsismis.operation.ParamValue;
import org.iscsismis.operation.ResponseSink;

/** A sink that records every call as "kind" + object, in order. */
class RecordingSink implements ResponseSink {

    record Call(String kind, Object value) {
    }

    final List<Call> calls = new ArrayList<>();
    /** The OUT parameters of the last methodResult. */
    List<ParamValue> outParameters;
    /** EndOfSequence of the last pullResult, null before one. */
    Boolean endOfSequence;

    <T> List<T> all(String kind, Class<T> type) {
        List<T> out = new ArrayList<>();
        for (Call c : calls) {
            if (c.kind().equals(kind)) {
                out.add(type.cast(c.value()));
            }
        }
        return out;
    }

    <T> T only(String kind, Class<T> type) {
        if (calls.size() != 1 || !calls.get(0).kind().equals(kind)) {
            throw new AssertionError("expected exactly one " + kind + ", got " + calls);
        }
        return type.cast(calls.get(0).value());
    }

    @Override
    public void className(CimName name) {
        calls.add(new Call("className", name));
    }

    @Override
    public void cimClass(CimClass cimClass) {
        calls.add(new Call("cimClass", cimClass));
    }

    @Override
    public void instance(CimInstance instance) {
        calls.add(new Call("instance", instance));
    }

    @Override
    public void namedInstance(CimInstance instance) {
        calls.add(new Call("namedInstance", instance));
    }

    @Override
    public void instanceName(ObjectPath path) {
        calls.add(new Call("instanceName", path));
    }

    @Override
    public void objectWithPath(CimInstance instance) {
        calls.add(new Call("objectWithPath", instance));
    }

    @Override
    public void objectWithPath(CimClass cimClass, ObjectPath classPath) {
        calls.add(new Call("objectWithPathClass", cimClass));
    }

    @Override
    public void objectPath(ObjectPath path) {
        calls.add(new Call("objectPath", path));
    }

    @Override
    public void qualifierDeclaration(CimQualifierType declaration) {
        calls.add(new Call("qualifierDeclaration", declaration));
    }

    @Override
    public void propertyValue(CimValue value) {
        calls.add(new Call("propertyValue", value));
    }

    @Override
    public void methodResult(CimValue returnValue, List<ParamValue> outParameters) {
        calls.add(new Call("methodResult", returnValue));
        this.outParameters = outParameters;
    }

    @Override
    public void pullResult(String enumerationContext, boolean endOfSequence) {
        this.endOfSequence = endOfSequence;
        calls.add(new Call("pullResult", enumerationContext));
    }

    @Override
    public void enumerationCount(Long count) {
        calls.add(new Call("enumerationCount", count));
    }

    @Override
    public void queryResultClass(CimClass resultClass) {
        calls.add(new Call("queryResultClass", resultClass));
    }
}
