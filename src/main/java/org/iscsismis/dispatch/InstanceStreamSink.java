package org.iscsismis.dispatch;

import java.util.function.Consumer;
import org.iscsismis.cim.CimInstance;
import org.iscsismis.operation.RefusingResponseSink;

/**
 * A sink that hands each instance of an instance-returning operation (EnumerateInstances,
 * Associators, References) to a consumer as it is delivered, so a query filters a provider's results
 * one at a time instead of collecting them. The operations a query runs produce instances only.
 */
final class InstanceStreamSink extends RefusingResponseSink {

    private final Consumer<CimInstance> consumer;

    InstanceStreamSink(Consumer<CimInstance> consumer) {
        this.consumer = consumer;
    }

    @Override
    public void namedInstance(CimInstance instance) {
        consumer.accept(instance);
    }

    @Override
    public void objectWithPath(CimInstance instance) {
        consumer.accept(instance);
    }
}
