package org.iscsismis.bench.dispatch;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.iscsismis.cim.CimClass;
import org.iscsismis.cim.CimInstance;
import org.iscsismis.cim.CimName;
import org.iscsismis.cim.CimNamespace;
import org.iscsismis.cim.CimQualifierType;
import org.iscsismis.cim.CimValue;
import org.iscsismis.cim.ObjectPath;
import org.iscsismis.dispatch.Dispatcher;
import org.iscsismis.operation.EnumerateInstancesRequest;
import org.iscsismis.operation.GetInstanceRequest;
import org.iscsismis.operation.ParamValue;
import org.iscsismis.operation.ResponseSink;
import org.iscsismis.provider.AbstractInstanceProvider;
import org.iscsismis.provider.ProviderContext;
import org.iscsismis.provider.ResultSink;
import org.iscsismis.provider.job.JobService;
import org.iscsismis.provider.registry.ProviderRegistry;
import org.iscsismis.repository.CimRepository;
import org.iscsismis.repository.StandardQualifiers;
import org.iscsismis.testing.storage.StorageModel;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.Blackhole;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * The dispatcher's cost per provider call with and without the provider timeout (no HTTP): GetInstance of
 * one provider instance, and EnumerateInstances of 1 000 provider instances (one watch per call, two
 * monitor entries per delivered instance). Run: see docs/benchmarks.md, "Provider timeout overhead".
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class ProviderTimeoutBenchmark {

    private static final CimNamespace NS = CimNamespace.of("root/bench");

    @Param({"0", "30000"})
    public long timeoutMs;

    private Dispatcher dispatcher;
    private GetInstanceRequest get;
    private EnumerateInstancesRequest enumerate;

    /** Test_Disk instances D0..D999 from a list. */
    private static final class Disks extends AbstractInstanceProvider {
        private final List<CimInstance> all = java.util.stream.IntStream.range(0, 1000)
                .mapToObj(i -> CimInstance.builder(StorageModel.DISK).property("Id", "D" + i).property("Name", "disk " + i)
                        .property("Size", CimValue.ofUint64(i)).build()).toList();

        @Override
        public CimInstance getInstance(ProviderContext context, ObjectPath path) {
            return all.get(Integer.parseInt(path.key("Id").asString().substring(1)));
        }

        @Override
        public void enumerateInstances(ProviderContext context, CimName className, ResultSink<CimInstance> sink) {
            all.forEach(sink::deliver);
        }
    }

    @Setup
    public void setUp() {
        CimRepository repo = new CimRepository();
        CimNamespace hosts = CimNamespace.of("root/benchhosts");
        repo.createNamespace(NS, StandardQualifiers.declarations());
        repo.createNamespace(hosts, StandardQualifiers.declarations());
        StorageModel.createClasses(repo, NS, hosts);
        ProviderRegistry registry = new ProviderRegistry(repo);
        registry.register(NS, StorageModel.DISK, new Disks());
        Clock clock = Clock.systemUTC();
        dispatcher = new Dispatcher(repo, registry, clock, new JobService(repo, clock), Duration.ofMillis(timeoutMs));
        get = GetInstanceRequest.of(NS, StorageModel.path(StorageModel.DISK, "D7"));
        enumerate = EnumerateInstancesRequest.of(NS, StorageModel.DISK);
    }

    @TearDown
    public void tearDown() {
        dispatcher.close();
        dispatcher.jobs().close();
    }

    @Benchmark
    public void getInstance(Blackhole bh) {
        dispatcher.execute(get, new Discard(bh));
    }

    @Benchmark
    public void enumerate1000(Blackhole bh) {
        dispatcher.execute(enumerate, new Discard(bh));
    }

    public static void main(String[] args) throws Exception {
        new Runner(new OptionsBuilder().include(ProviderTimeoutBenchmark.class.getSimpleName()).forks(1)
                .warmupIterations(3).warmupTime(org.openjdk.jmh.runner.options.TimeValue.seconds(1))
                .measurementIterations(5).measurementTime(org.openjdk.jmh.runner.options.TimeValue.seconds(1))
                .jvmArgs("-Xmx256m").build()).run();
    }

    /** Consumes every result. */
    private record Discard(Blackhole bh) implements ResponseSink {
        @Override public void className(CimName name) { bh.consume(name); }
        @Override public void cimClass(CimClass cimClass) { bh.consume(cimClass); }
        @Override public void instance(CimInstance instance) { bh.consume(instance); }
        @Override public void namedInstance(CimInstance instance) { bh.consume(instance); }
        @Override public void instanceName(ObjectPath path) { bh.consume(path); }
        @Override public void objectWithPath(CimInstance instance) { bh.consume(instance); }
        @Override public void objectWithPath(CimClass cimClass, ObjectPath classPath) { bh.consume(cimClass); }
        @Override public void objectPath(ObjectPath path) { bh.consume(path); }
        @Override public void qualifierDeclaration(CimQualifierType declaration) { bh.consume(declaration); }
        @Override public void propertyValue(CimValue value) { bh.consume(value); }
        @Override public void methodResult(CimValue returnValue, List<ParamValue> outParameters) { bh.consume(returnValue); }
        @Override public void pullResult(String enumerationContext, boolean endOfSequence) { bh.consume(endOfSequence); }
        @Override public void enumerationCount(Long count) { bh.consume(count); }
    }
}
