package org.iscsismis.console;

import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import org.iscsismis.cim.CimClass;
import org.iscsismis.cim.CimInstance;
import org.iscsismis.cim.CimValue;
import org.iscsismis.cim.ObjectPath;
import org.iscsismis.operation.ParamValue;
import org.iscsismis.operation.RefusingResponseSink;
import org.iscsismis.operation.ResponseSink;

/** The response sinks the console hands the dispatcher: each takes the one kind of result its operation gives. */
final class Sinks {

    private Sinks() {
    }

    /** Instances of EnumerateInstances, Associators or GetInstance, one at a time as they are produced. */
    static ResponseSink instances(Consumer<CimInstance> consumer) {
        return new RefusingResponseSink() {
            @Override
            public void instance(CimInstance instance) {
                consumer.accept(instance);
            }

            @Override
            public void namedInstance(CimInstance instance) {
                consumer.accept(instance);
            }

            @Override
            public void objectWithPath(CimInstance instance) {
                consumer.accept(instance);
            }
        };
    }

    /** Paths of EnumerateInstanceNames or AssociatorNames. */
    static ResponseSink names(Consumer<ObjectPath> consumer) {
        return new RefusingResponseSink() {
            @Override
            public void instanceName(ObjectPath path) {
                consumer.accept(path);
            }

            @Override
            public void objectPath(ObjectPath path) {
                consumer.accept(path);
            }
        };
    }

    /** The class of GetClass. */
    static ResponseSink classes(Consumer<CimClass> consumer) {
        return new RefusingResponseSink() {
            @Override
            public void cimClass(CimClass cimClass) {
                consumer.accept(cimClass);
            }
        };
    }

    /** The return value and OUT parameters of InvokeMethod. */
    static ResponseSink methodResult(BiConsumer<CimValue, List<ParamValue>> consumer) {
        return new RefusingResponseSink() {
            @Override
            public void methodResult(CimValue returnValue, List<ParamValue> outParameters) {
                consumer.accept(returnValue, outParameters);
            }
        };
    }
}
