package org.iscsismis.dispatch;

import static org.iscsismis.repository.Fixtures.assertCimError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.iscsismis.cim.CimDateTime;
import org.iscsismis.cim.CimException;
import org.iscsismis.cim.CimInstance;
import org.iscsismis.cim.CimName;
import org.iscsismis.cim.CimNamespace;
import org.iscsismis.cim.CimStatus;
import org.iscsismis.cim.CimValue;
import org.iscsismis.cim.ObjectPath;
import org.iscsismis.operation.AssociatorNamesRequest;
import org.iscsismis.operation.AssociatorsRequest;
import org.iscsismis.operation.EnumerateInstancesRequest;
import org.iscsismis.operation.GetInstanceRequest;
import org.iscsismis.operation.InvokeMethodRequest;
import org.iscsismis.operation.ModifyInstanceRequest;
import org.iscsismis.operation.ParamValue;
import org.iscsismis.operation.ReferenceNamesRequest;
import org.iscsismis.provider.job.AffectedElement;
import org.iscsismis.provider.job.ElementEffect;
import org.iscsismis.provider.job.Job;
import org.iscsismis.provider.job.JobProviders;
import org.iscsismis.provider.job.JobService;
import org.iscsismis.provider.job.JobState;
import org.iscsismis.provider.job.MutableClock;
import org.iscsismis.provider.job.StateChangeReturn;
import org.iscsismis.provider.registry.ProviderRegistry;
import org.iscsismis.repository.CimRepository;
import org.iscsismis.server.PackagedSchema;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The job service and its providers through the dispatcher, on the packaged schema and a stepped clock. */
class JobServiceTest {

    static final CimNamespace ISCSI = CimNamespace.of("root/cimv2/storage/iscsitarget");
    static final CimNamespace CIMV2 = CimNamespace.of("root/cimv2");
    static final Duration WAIT = Duration.ofSeconds(10);
    static final Instant T0 = Instant.parse("2026-01-02T03:04:05Z");

    private static CimRepository repo;
    private static ProviderRegistry registry;

    private final MutableClock clock = new MutableClock(T0);
    private final JobService jobs;
    private final Dispatcher dispatcher;

    private final ObjectPath owner = ObjectPath.builder("MSISCSITARGET_StorageConfigurationService").namespace(ISCSI)
            .key("CreationClassName", "MSISCSITARGET_StorageConfigurationService").key("Name", "SCS")
            .key("SystemCreationClassName", "MSISCSITARGET_ComputerSystem").key("SystemName", "host").build();
    private final ObjectPath volume = ObjectPath.builder("MSISCSITARGET_StorageVolume").namespace(ISCSI)
            .key("CreationClassName", "MSISCSITARGET_StorageVolume").key("DeviceID", "V1")
            .key("SystemCreationClassName", "MSISCSITARGET_ComputerSystem").key("SystemName", "host").build();

    @BeforeAll
    static void loadSchema() {
        repo = PackagedSchema.load();
        registry = new ProviderRegistry(repo);
        JobProviders.register(repo, registry);
    }

    JobServiceTest() {
        jobs = new JobService(repo, clock, 2, 16);
        dispatcher = new Dispatcher(repo, registry, clock, jobs);
    }

    @AfterEach
    void close() {
        jobs.close();
    }

    private RecordingSink run(org.iscsismis.operation.CimRequest r) {
        RecordingSink sink = new RecordingSink();
        dispatcher.execute(r, sink);
        return sink;
    }

    private CimInstance get(ObjectPath job) {
        return run(GetInstanceRequest.of(job.namespace(), job)).only("instance", CimInstance.class);
    }

    private long invoke(ObjectPath job, String method, ParamValue... params) {
        RecordingSink s = run(new InvokeMethodRequest(job.namespace(), job, CimName.of(method), List.of(params)));
        return s.only("methodResult", CimValue.class).asLong();
    }

    private static CimDateTime time(Instant i) {
        return CimDateTime.ofInstant(i, 0);
    }

    private static Object v(CimInstance i, String property) {
        CimValue value = i.value(property);
        return value == null ? null : value.value();
    }

    @Test
    void theNamespaceSubclassIsServed() {
        assertEquals("MSISCSITARGET_ConcreteJob", registry.providers(ISCSI).keySet().stream().map(CimName::toString)
                .filter(n -> n.endsWith("ConcreteJob")).findFirst().orElseThrow());
        assertNotNull(registry.provider(ISCSI, CimName.of("MSISCSITARGET_AffectedJobElement")));
        assertNotNull(registry.provider(ISCSI, CimName.of("CIM_OwningJobElement")));
        assertNotNull(registry.provider(CIMV2, CimName.of("CIM_ConcreteJob")));
        ObjectPath a = jobs.start(ISCSI, owner, List.of(AffectedElement.of(volume)), "a", p -> { });
        ObjectPath b = jobs.start(CIMV2, null, List.of(), "b", p -> { });
        assertEquals("MSISCSITARGET_ConcreteJob", a.className().toString());
        assertEquals("CIM_ConcreteJob", b.className().toString());
    }

    @Test
    void aJobRunsReportsProgressCompletesAndIsRemovedAfterTimeBeforeRemoval() throws Exception {
        CountDownLatch atForty = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ObjectPath path = jobs.start(ISCSI, owner, List.of(AffectedElement.of(volume)), "Create volume V1", p -> {
            p.percent(40);
            p.percent(25); // work that grew meanwhile: what was shown is not taken back
            atForty.countDown();
            assertTrue(release.await(WAIT.toSeconds(), TimeUnit.SECONDS));
        });
        CimInstance submitted = get(path);
        assertEquals(time(T0), v(submitted, "TimeSubmitted"));
        assertEquals(Boolean.TRUE, v(submitted, "DeleteOnCompletion"));
        assertEquals(CimDateTime.ofInterval(Duration.ofMinutes(5)), v(submitted, "TimeBeforeRemoval"));

        assertTrue(atForty.await(WAIT.toSeconds(), TimeUnit.SECONDS));
        clock.advance(Duration.ofSeconds(10));
        CimInstance running = get(path);
        assertEquals(4, ((Number) v(running, "JobState")).intValue(), "Running");
        assertEquals(40, ((Number) v(running, "PercentComplete")).intValue());
        assertEquals(time(T0), v(running, "StartTime"));
        assertEquals(time(T0), v(running, "TimeOfLastStateChange"));
        assertEquals(CimDateTime.ofInterval(Duration.ofSeconds(10)), v(running, "ElapsedTime"));
        assertEquals("Create volume V1", v(running, "ElementName"));

        release.countDown();
        Job job = jobs.find(path);
        assertTrue(job.awaitFinished(WAIT));
        clock.advance(Duration.ofSeconds(5));
        CimInstance done = get(path);
        assertEquals(7, ((Number) v(done, "JobState")).intValue(), "Completed");
        assertEquals(100, ((Number) v(done, "PercentComplete")).intValue());
        assertEquals(time(T0.plusSeconds(10)), v(done, "TimeOfLastStateChange"));
        assertEquals(CimDateTime.ofInterval(Duration.ofSeconds(10)), v(done, "ElapsedTime"), "stops at the end");

        // enumerated through the base class too (DeepInheritance)
        assertEquals(1, run(EnumerateInstancesRequest.of(ISCSI, CimName.of("CIM_ConcreteJob"))).all("namedInstance", CimInstance.class).size()
                + run(EnumerateInstancesRequest.of(ISCSI, CimName.of("CIM_ConcreteJob"))).all("instance", CimInstance.class).size());

        clock.advance(Duration.ofMinutes(5).minusSeconds(6));
        get(path);
        clock.advance(Duration.ofSeconds(1));
        assertCimError(CimStatus.NOT_FOUND, () -> get(path));
        assertTrue(jobs.jobs(ISCSI).isEmpty());
    }

    @Test
    void aJobWithoutDeleteOnCompletionStays() throws Exception {
        ObjectPath path = jobs.start(ISCSI, null, List.of(), "keep", p -> { });
        CimInstance modified = CimInstance.builder(path.className()).path(path)
                .property("DeleteOnCompletion", CimValue.ofBoolean(false)).build();
        run(ModifyInstanceRequest.builder(ISCSI, modified).propertyList(List.of(CimName.of("DeleteOnCompletion"))).build());
        assertTrue(jobs.find(path).awaitFinished(WAIT));
        clock.advance(Duration.ofDays(2));
        assertEquals(Boolean.FALSE, v(get(path), "DeleteOnCompletion"));
    }

    @Test
    void terminateCancelsTheWork() throws Exception {
        CountDownLatch running = new CountDownLatch(1);
        CountDownLatch interrupted = new CountDownLatch(1);
        ObjectPath path = jobs.start(ISCSI, owner, List.of(AffectedElement.of(volume)), "long", p -> {
            running.countDown();
            try {
                new CountDownLatch(1).await(WAIT.toSeconds(), TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                assertTrue(p.isCancelled());
                interrupted.countDown();
                throw e;
            }
        });
        assertTrue(running.await(WAIT.toSeconds(), TimeUnit.SECONDS));
        assertEquals(StateChangeReturn.NOT_SUPPORTED.code(), invoke(path, "RequestStateChange",
                ParamValue.of("RequestedState", CimValue.ofUint16(3))), "Suspend is not supported");
        assertEquals(StateChangeReturn.TIMEOUT_PARAMETER_NOT_SUPPORTED.code(), invoke(path, "RequestStateChange",
                ParamValue.of("RequestedState", CimValue.ofUint16(4)),
                ParamValue.of("TimeoutPeriod", CimValue.ofDateTime(CimDateTime.ofInterval(Duration.ofSeconds(1))))));
        clock.advance(Duration.ofSeconds(3));
        assertEquals(0, invoke(path, "RequestStateChange", ParamValue.of("RequestedState", CimValue.ofUint16(4))));
        assertTrue(interrupted.await(WAIT.toSeconds(), TimeUnit.SECONDS));
        CimInstance i = get(path);
        assertEquals(8, ((Number) v(i, "JobState")).intValue(), "Terminated");
        assertEquals(time(T0.plusSeconds(3)), v(i, "TimeOfLastStateChange"));
        assertEquals(JobState.TERMINATED, jobs.find(path).state());
        assertEquals(StateChangeReturn.INVALID_STATE_TRANSITION.code(), invoke(path, "RequestStateChange",
                ParamValue.of("RequestedState", CimValue.ofUint16(4))));
        assertEquals(List.of(10), v(i, "OperationalStatus"), "Stopped");
        // DMTF GetError: a job a client stopped (OperationalStatus not OK) has a CIM_Error saying so
        RecordingSink e = run(new InvokeMethodRequest(ISCSI, path, CimName.of("GetError"), List.of()));
        assertEquals(0, e.only("methodResult", CimValue.class).asLong());
        CimInstance error = (CimInstance) e.outParameters.get(0).value().value();
        assertEquals("ISMIS-JOB-STOPPED", error.value("MessageID").asString());
        assertEquals(2, error.value("PerceivedSeverity").asLong(), "Information");
    }

    @Test
    void followedJobsHoldNoThreadSoMoreThanThePoolRunAtOnce() throws Exception {
        // the service has 2 threads: 5 followed jobs are all Running at once, each finishing with its own stage
        List<CompletableFuture<String>> stages = new ArrayList<>();
        List<ObjectPath> paths = new ArrayList<>();
        for (int n = 0; n < 5; n++) {
            CompletableFuture<String> stage = new CompletableFuture<>();
            stages.add(stage);
            paths.add(jobs.startFollowing(ISCSI, owner, List.of(AffectedElement.of(volume)), "follow " + n, p -> {
                p.percent(40);
                return stage;
            }));
        }
        for (ObjectPath path : paths) {
            CimInstance i = get(path);
            assertEquals(4, ((Number) v(i, "JobState")).intValue(), "Running");
            assertEquals(40, ((Number) v(i, "PercentComplete")).intValue());
        }
        stages.get(0).complete("done");
        assertTrue(jobs.find(paths.get(0)).awaitFinished(WAIT));
        assertEquals(JobState.COMPLETED, jobs.find(paths.get(0)).state());
        assertEquals(100, ((Number) v(get(paths.get(0)), "PercentComplete")).intValue());

        stages.get(1).completeExceptionally(new CimException(CimStatus.FAILED, "the pair went Broken"));
        assertTrue(jobs.find(paths.get(1)).awaitFinished(WAIT));
        assertEquals("the pair went Broken", v(get(paths.get(1)), "ErrorDescription"));
        assertEquals(10, ((Number) v(get(paths.get(1)), "JobState")).intValue(), "Exception");

        assertEquals(0, invoke(paths.get(2), "RequestStateChange", ParamValue.of("RequestedState", CimValue.ofUint16(4))));
        assertTrue(stages.get(2).isCancelled(), "terminating a followed job cancels its stage");
        assertEquals(8, ((Number) v(get(paths.get(2)), "JobState")).intValue(), "Terminated");
        stages.get(3).complete("late");
        stages.get(4).complete("late");
        assertTrue(jobs.find(paths.get(4)).awaitFinished(WAIT));
        assertEquals(JobState.TERMINATED, jobs.find(paths.get(2)).state(), "a terminated job stays terminated");
    }

    @Test
    void failureIsExceptionWithAnError() throws Exception {
        ObjectPath path = jobs.start(ISCSI, owner, List.of(AffectedElement.of(volume)), "fails", p -> {
            p.percent(30);
            throw new CimException(CimStatus.FAILED, "pool exhausted");
        });
        assertTrue(jobs.find(path).awaitFinished(WAIT));
        CimInstance i = get(path);
        assertEquals(10, ((Number) v(i, "JobState")).intValue(), "Exception");
        assertEquals(30, ((Number) v(i, "PercentComplete")).intValue());
        assertEquals("pool exhausted", v(i, "ErrorDescription"));
        assertEquals(1, ((Number) v(i, "ErrorCode")).intValue());

        RecordingSink s = run(new InvokeMethodRequest(ISCSI, path, CimName.of("GetError"), List.of()));
        assertEquals(0, s.only("methodResult", CimValue.class).asLong());
        Map<String, CimValue> out = new HashMap<>();
        s.outParameters.forEach(p -> out.put(p.name().toString(), p.value()));
        CimInstance error = (CimInstance) out.get("Error").value();
        assertEquals("CIM_Error", error.className().toString());
        assertEquals("pool exhausted", error.value("Message").asString());
        assertEquals(1, error.value("CIMStatusCode").asLong());
        assertEquals("CIM_ERR_FAILED", error.value("CIMStatusCodeDescription").asString());
    }

    @Test
    void associationsLinkTheJobToWhatItTouchesAndItsOwner() throws Exception {
        ObjectPath path = jobs.start(ISCSI, owner, List.of(AffectedElement.of(volume, ElementEffect.CREATE)), "assoc", p -> { });
        assertTrue(jobs.find(path).awaitFinished(WAIT));

        List<ObjectPath> touched = run(AssociatorNamesRequest.builder(ISCSI, path)
                .assocClass(CimName.of("CIM_AffectedJobElement")).build()).all("objectPath", ObjectPath.class);
        assertEquals(List.of(volume), touched.stream().map(p -> p.withHost(null)).toList());

        List<ObjectPath> owners = run(AssociatorNamesRequest.builder(ISCSI, path)
                .assocClass(CimName.of("CIM_OwningJobElement")).build()).all("objectPath", ObjectPath.class);
        assertEquals(List.of(owner), owners.stream().map(p -> p.withHost(null)).toList());

        // from the affected element back to the job, as instances
        List<CimInstance> back = run(AssociatorsRequest.builder(ISCSI, volume)
                .assocClass(CimName.of("CIM_AffectedJobElement")).build()).all("objectWithPath", CimInstance.class);
        assertEquals(1, back.size());
        assertEquals("assoc", back.get(0).value("ElementName").asString());

        List<ObjectPath> refs = run(ReferenceNamesRequest.builder(ISCSI, path)
                .resultClass(CimName.of("CIM_AffectedJobElement")).build()).all("objectPath", ObjectPath.class);
        assertEquals(1, refs.size());
        assertEquals("MSISCSITARGET_AffectedJobElement", refs.get(0).className().toString());

        List<CimInstance> all = run(EnumerateInstancesRequest.of(ISCSI, CimName.of("CIM_AffectedJobElement")))
                .all("namedInstance", CimInstance.class);
        assertEquals(1, all.size());
        assertEquals(List.of(5), all.get(0).value("ElementEffects").values().stream().map(v -> ((Number) v).intValue()).toList(),
                "Create");
    }

    @Test
    void unknownJobsAreNotFound() {
        ObjectPath path = ObjectPath.builder("MSISCSITARGET_ConcreteJob").namespace(ISCSI).key("InstanceID", "nope").build();
        assertCimError(CimStatus.NOT_FOUND, () -> get(path));
        assertNull(jobs.find(path));
        assertFalse(jobs.jobs(ISCSI).iterator().hasNext());
    }
}
