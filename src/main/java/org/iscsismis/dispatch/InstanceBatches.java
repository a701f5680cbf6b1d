package org.iscsismis.dispatch;

import java.util.Iterator;
import java.util.function.UnaryOperator;
import org.iscsismis.cim.CimInstance;

/**
 * Hands the instances of a walk of the repository to a sink in batches (ResponseSink's {@code namedInstances},
 * {@code objectsWithPath}): a writer then looks up what it kept of a whole batch at once, so that the memory reads of
 * many instances overlap instead of each waiting for the one before.
 */
final class InstanceBatches {

    /** Instances per batch: enough for the reads to overlap, few enough to stay in the processor's caches. */
    static final int SIZE = 32;

    /** Where a batch goes: the first {@code count} of {@code batch}, which is reused for the next batch. */
    interface Target {
        void accept(CimInstance[] batch, int count);
    }

    private InstanceBatches() {
    }

    /** Every instance {@code instances} yields, each as {@code each} makes it, to {@code target}, in order. */
    static void drain(Iterator<CimInstance> instances, UnaryOperator<CimInstance> each, Target target) {
        CimInstance[] batch = new CimInstance[SIZE];
        while (instances.hasNext()) {
            int n = 0;
            while (n < SIZE && instances.hasNext()) {
                batch[n++] = each.apply(instances.next());
            }
            target.accept(batch, n);
        }
    }
}
