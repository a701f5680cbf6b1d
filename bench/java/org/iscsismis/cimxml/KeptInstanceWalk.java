package org.iscsismis.cimxml;

import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;
import org.iscsismis.cim.CimInstance;
import org.iscsismis.cim.CimName;
import org.iscsismis.cim.CimNamespace;
import org.iscsismis.cim.KeyBinding;
import org.iscsismis.cim.ObjectPath;
import org.iscsismis.operation.EnumerateInstancesRequest;

/**
 * What handing stored instances to the writer in batches saves: an EnumerateInstances answer of {@code Bench_Item}
 * instances kept as encoded bytes, written from a {@link ConcurrentHashMap} as the repository holds them, once one
 * instance at a time ({@code namedInstance}) and once in batches ({@code namedInstances}), alternating, into a stream
 * that discards. The walk is bound by memory reads (a few per instance: the map's node, the instance, its kept
 * encoding, the kept bytes), which a batch lets overlap. Prints the fastest and the median answer of each over the
 * later two thirds of the rounds; the fastest is the figure a busy machine disturbs least.
 *
 * <pre>java -cp target/test-classes:target/classes:$(cat target/cp.txt) org.iscsismis.cimxml.KeptInstanceWalk [instances] [rounds] [batch]</pre>
 */
public final class KeptInstanceWalk {

    private static final OutputStream DISCARD = new OutputStream() {
        @Override
        public void write(int b) {
        }

        @Override
        public void write(byte[] b, int off, int len) {
        }
    };

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 300;
        int batchSize = args.length > 2 ? Integer.parseInt(args[2]) : 32;
        ConcurrentHashMap<String, CimInstance> store = new ConcurrentHashMap<>();
        List<byte[]> between = new ArrayList<>(); // other objects between the instances, as in a heap that has lived
        for (int i = 0; i < n; i++) {
            CimInstance item = WriterComparison.benchItem(i);
            ObjectPath path = ObjectPath.of(CimNamespace.of("root/cimv2"), item.className(), List.of(
                    new KeyBinding(CimName.of("InstanceID"), item.value("InstanceID"))));
            store.put(path.canonical(), item.withPath(path));
            between.add(new byte[256]);
        }
        between.clear();
        System.gc();
        EncodedInstances kept = EncodedInstances.withBudget(32L << 20);
        EnumerateInstancesRequest request = EnumerateInstancesRequest.of(CimNamespace.of("root/cimv2"), CimName.of("Bench_Item"));
        CimInstance[] batch = new CimInstance[batchSize];
        long[][] nanos = new long[2][rounds];
        for (int r = 0; r < rounds; r++) {
            for (int mode = 0; mode < 2; mode++) {
                long start = System.nanoTime();
                CimXmlResponseWriter w = new CimXmlResponseWriter(DISCARD, "1", request, "EnumerateInstances", true, null, kept);
                Iterator<CimInstance> it = store.values().iterator();
                if (mode == 0) {
                    while (it.hasNext()) {
                        w.namedInstance(local(it.next()));
                    }
                } else {
                    while (it.hasNext()) {
                        int k = 0;
                        while (k < batchSize && it.hasNext()) {
                            batch[k++] = local(it.next());
                        }
                        w.namedInstances(batch, k);
                    }
                }
                w.finishSuccess();
                nanos[mode][r] = System.nanoTime() - start;
            }
        }
        String[] names = {"one at a time", "batches of " + batchSize};
        for (int mode = 0; mode < 2; mode++) {
            long[] later = Arrays.copyOfRange(nanos[mode], rounds / 3, rounds);
            Arrays.sort(later);
            System.out.printf(Locale.ROOT, "%-16s fastest %6.2f ms  median %6.2f ms per answer of %d%n", names[mode],
                    later[0] / 1e6, later[later.length / 2] / 1e6, n);
        }
    }

    /** The instance as an enumeration hands it over: its path reduced to class and keys. */
    private static CimInstance local(CimInstance stored) {
        return stored.withPath(stored.path().withoutHostAndNamespace());
    }
}
