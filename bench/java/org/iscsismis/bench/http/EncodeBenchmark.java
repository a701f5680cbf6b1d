package org.iscsismis.bench.http;

import java.io.ByteArrayInputStream;
import java.io.OutputStream;
import org.iscsismis.bench.CountingOutputStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import org.iscsismis.cim.CimNamespace;
import org.iscsismis.cimxml.CimXmlRequestReader;
import org.iscsismis.cimxml.CimXmlResponseWriter;
import org.iscsismis.cimxml.ParsedRequest;
import org.iscsismis.cimxml.ReaderLimits;
import org.iscsismis.dispatch.Dispatcher;
import org.iscsismis.repository.CimRepository;

/**
 * The server's own work for one EnumerateInstances response, without HTTP: dispatcher, filter and
 * CIM-XML writer into a byte-counting stream, on one thread. Reports thread CPU time and bytes
 * allocated per response, which a busy machine disturbs far less than HTTP throughput does.
 *
 * <pre>java -cp target/test-classes:target/classes:$(cat target/cp.txt) org.iscsismis.bench.http.EncodeBenchmark [instances] [rounds]</pre>
 */
public final class EncodeBenchmark {

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 40;
        CimRepository repository = new CimRepository();
        repository.createNamespace(CimNamespace.of(BenchWorkload.NAMESPACE), org.iscsismis.repository.StandardQualifiers.declarations());
        Dispatcher dispatcher = new Dispatcher(repository, Clock.systemUTC());
        CimXmlRequestReader reader = new CimXmlRequestReader();
        run(dispatcher, reader, BenchWorkload.createClassBody(), OutputStream.nullOutputStream());
        for (int i = 0; i < n; i++) {
            run(dispatcher, reader, BenchWorkload.createInstanceBody(i), OutputStream.nullOutputStream());
        }
        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long tid = Thread.currentThread().getId();
        String body = BenchWorkload.enumerateInstancesBody();
        long bytes = 0;
        double bestCpu = Double.MAX_VALUE;
        double sumCpu = 0;
        long allocated = 0;
        int measured = 0;
        for (int r = 0; r < rounds; r++) {
            CountingOutputStream out = new CountingOutputStream();
            long cpu0 = threads.getCurrentThreadCpuTime();
            long alloc0 = threads.getThreadAllocatedBytes(tid);
            run(dispatcher, reader, body, out);
            long cpu = threads.getCurrentThreadCpuTime() - cpu0;
            long alloc = threads.getThreadAllocatedBytes(tid) - alloc0;
            bytes = out.count();
            if (r >= rounds / 2) {
                bestCpu = Math.min(bestCpu, cpu / 1e6);
                sumCpu += cpu / 1e6;
                allocated += alloc;
                measured++;
            }
        }
        System.out.printf("EnumerateInstances of %d: %d bytes; CPU per response: best %.1f ms, mean %.1f ms; allocated %.1f MB per response%n",
                n, bytes, bestCpu, sumCpu / measured, allocated / 1e6 / measured);
    }

    private static void run(Dispatcher dispatcher, CimXmlRequestReader reader, String body, OutputStream out) throws Exception {
        ParsedRequest parsed = reader.read(new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)), ReaderLimits.DEFAULT);
        CimXmlResponseWriter writer = new CimXmlResponseWriter(out, parsed.messageId(), parsed.request(), parsed.methodName(),
                parsed.intrinsic());
        dispatcher.execute(parsed.request(), writer);
        writer.finishSuccess();
    }
}
