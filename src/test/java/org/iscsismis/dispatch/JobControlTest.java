package org.iscsismis.dispatch;

import static org.iscsismis.repository.Fixtures.assertCimError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.iscsismis.cim.CimDateTime;
import org.iscsismis.cim.CimInstance;
import org.iscsismis.cim.CimName;
import org.iscsismis.cim.CimNamespace;
import org.iscsismis.cim.CimStatus;
import org.iscsismis.cim.CimValue;
import org.iscsismis.cim.ObjectPath;
import org.iscsismis.operation.DeleteInstanceRequest;
import org.iscsismis.operation.GetInstanceRequest;
import org.iscsismis.operation.InvokeMethodRequest;
import org.iscsismis.operation.ParamValue;
import org.iscsismis.provider.job.FollowedWork;
import org.iscsismis.provider.job.JobFailure;
import org.iscsismis.provider.job.JobProgress;
import org.iscsismis.provider.job.JobProviders;
import org.iscsismis.provider.job.JobService;
import org.iscsismis.provider.job.JobState;
import org.iscsismis.provider.job.MutableClock;
import org.iscsismis.provider.registry.ProviderRegistry;
import org.iscsismis.repository.CimRepository;
import org.iscsismis.server.PackagedSchema;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Job Control through the dispatcher: OperationalStatus per JobState, RequestStateChange, KillJob, errors, removal. */
class JobControlTest {

    static final CimNamespace ISCSI = CimNamespace.of("root/cimv2/storage/iscsitarget");
    static final Duration WAIT = Duration.ofSeconds(10);

    private static CimRepository repo;
    private static ProviderRegistry registry;

    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-02T03:04:05Z"));
    private final JobService jobs = new JobService(repo, clock, 1, 16, 3);
    private final Dispatcher dispatcher = new Dispatcher(repo, registry, clock, jobs);

    /** Followed work whose controls a test drives: it records calls and answers as told. */
    static final class ControlledWork implements FollowedWork {
        final CompletableFuture<String> stage = new CompletableFuture<>();
        final AtomicReference<JobProgress> progress = new AtomicReference<>();
        final AtomicInteger suspends = new AtomicInteger();
        final AtomicInteger resumes = new AtomicInteger();
        final AtomicInteger terminates = new AtomicInteger();
        volatile boolean canSuspend = true;
        volatile boolean canStopCleanly = true;

        @Override
        public CompletionStage<?> follow(JobProgress p) {
            progress.set(p);
            p.percent(25);
            return stage;
        }

        @Override
        public boolean suspendable() {
            return true;
        }

        @Override
        public boolean suspend() {
            suspends.incrementAndGet();
            return canSuspend;
        }

        @Override
        public boolean resume() {
            resumes.incrementAndGet();
            return true;
        }

        @Override
        public boolean terminate() {
            terminates.incrementAndGet();
            return canStopCleanly;
        }
    }

    @BeforeAll
    static void loadSchema() {
        repo = PackagedSchema.load();
        registry = new ProviderRegistry(repo);
        JobProviders.register(repo, registry);
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
        return run(GetInstanceRequest.of(ISCSI, job)).only("instance", CimInstance.class);
    }

    private int jobState(ObjectPath job) {
        return (int) get(job).value("JobState").asLong();
    }

    private Object status(ObjectPath job) {
        return get(job).value("OperationalStatus").value();
    }

    private long requestState(ObjectPath job, int state) {
        return invoke(job, "RequestStateChange", ParamValue.of("RequestedState", CimValue.ofUint16(state))).returnValue;
    }

    private record Answer(long returnValue, Map<String, CimValue> out) {
    }

    private Answer invoke(ObjectPath job, String method, ParamValue... params) {
        RecordingSink s = run(new InvokeMethodRequest(ISCSI, job, CimName.of(method), List.of(params)));
        Map<String, CimValue> out = new HashMap<>();
        s.outParameters.forEach(p -> out.put(p.name().toString(), p.value()));
        return new Answer(s.only("methodResult", CimValue.class).asLong(), out);
    }

    private ObjectPath follow(ControlledWork work) {
        return jobs.startFollowing(ISCSI, null, List.of(), "controlled", work);
    }

    @Test
    void operationalStatusFollowsTheJobState() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        ObjectPath blocking = jobs.start(ISCSI, null, List.of(), "blocks the one thread", p -> {
            assertTrue(release.await(WAIT.toSeconds(), TimeUnit.SECONDS));
        });
        ObjectPath queued = jobs.start(ISCSI, null, List.of(), "queued", p -> { });
        assertEquals(2, jobState(queued), "New");
        assertEquals(List.of(15), status(queued), "Dormant");
        assertEquals(List.of("Dormant"), get(queued).value("StatusDescriptions").value());
        assertNull(get(queued).value("ErrorCode"));
        release.countDown();
        assertTrue(jobs.find(queued).awaitFinished(WAIT));
        assertEquals(List.of(2, 17), status(queued), "OK, Completed");
        assertEquals(0, get(queued).value("ErrorCode").asLong(), "zero when completed without error");
        assertEquals(List.of(2, 17), status(blocking));

        ControlledWork work = new ControlledWork();
        ObjectPath followed = follow(work);
        assertEquals(List.of(2), status(followed), "Running: OK");
        assertEquals(0, requestState(followed, 3));
        assertEquals(List.of(2, 10), status(followed), "Suspended: OK, Stopped");
        assertEquals(0, requestState(followed, 5));
        assertEquals(List.of(10, 14), status(followed), "Killed: Stopped, Aborted");

        ControlledWork failing = new ControlledWork();
        ObjectPath failed = follow(failing);
        failing.stage.completeExceptionally(new JobFailure("the pair went Broken", JobFailure.HARDWARE_ERROR,
                JobFailure.DISK_FAILURE, List.of("Clear the fault")));
        assertTrue(jobs.find(failed).awaitFinished(WAIT));
        CimInstance exception = get(failed);
        assertEquals(10, exception.value("JobState").asLong(), "Exception");
        assertEquals(List.of(6, 17), exception.value("OperationalStatus").value(), "Error, Completed");
        assertEquals("the pair went Broken", exception.value("ErrorDescription").asString());
        assertEquals(1, exception.value("ErrorCode").asLong(), "CIM_ERR_FAILED");

        ControlledWork stopped = new ControlledWork();
        ObjectPath terminated = follow(stopped);
        assertEquals(0, requestState(terminated, 4));
        assertEquals(List.of(10), status(terminated), "Terminated: Stopped");
    }

    @Test
    void suspendAndStartAskTheWorkAndMoveTheJob() {
        ControlledWork work = new ControlledWork();
        ObjectPath job = follow(work);
        assertEquals(StateChange.INVALID_STATE_TRANSITION, requestState(job, 2), "Start of a running job");
        assertEquals(0, work.resumes.get());

        clock.advance(Duration.ofSeconds(7));
        assertEquals(0, requestState(job, 3));
        assertEquals(1, work.suspends.get());
        assertEquals(JobState.SUSPENDED.value(), jobState(job));
        assertEquals(CimDateTime.ofInstant(clock.instant(), 0), get(job).value("TimeOfLastStateChange").value());
        assertEquals(StateChange.INVALID_STATE_TRANSITION, requestState(job, 3), "Suspend of a suspended job");
        assertEquals(1, work.suspends.get(), "not asked again");

        assertEquals(0, requestState(job, 2));
        assertEquals(1, work.resumes.get());
        assertEquals(JobState.RUNNING.value(), jobState(job));

        work.canSuspend = false;
        assertEquals(StateChange.INVALID_STATE_TRANSITION, requestState(job, 3), "the work cannot suspend now");
        assertEquals(JobState.RUNNING.value(), jobState(job));

        // suspended and resumed by other means: the job follows
        work.progress.get().workSuspended(true);
        assertEquals(JobState.SUSPENDED.value(), jobState(job));
        work.progress.get().workSuspended(false);
        assertEquals(JobState.RUNNING.value(), jobState(job));

        // work that ends while the job is suspended still completes it
        work.canSuspend = true;
        assertEquals(0, requestState(job, 3));
        work.stage.complete("done");
        assertEquals(JobState.COMPLETED.value(), jobState(job));
        assertEquals(StateChange.INVALID_STATE_TRANSITION, requestState(job, 2));
        assertEquals(StateChange.INVALID_STATE_TRANSITION, requestState(job, 4));
        assertEquals(StateChange.INVALID_STATE_TRANSITION, requestState(job, 5));
        assertEquals(0, work.terminates.get(), "a finished job's work is never asked");
    }

    @Test
    void terminateNeedsTheWorkToStopCleanlyAndKillDoesNot() {
        ControlledWork work = new ControlledWork();
        work.canStopCleanly = false;
        ObjectPath job = follow(work);
        assertEquals(StateChange.INVALID_STATE_TRANSITION, requestState(job, 4));
        assertEquals(JobState.RUNNING.value(), jobState(job));
        assertFalse(work.stage.isCancelled());

        assertEquals(0, requestState(job, 5));
        assertEquals(JobState.KILLED.value(), jobState(job));
        assertTrue(work.stage.isCancelled(), "the job stopped following");
        work.stage.complete("late");
        assertEquals(JobState.KILLED.value(), jobState(job), "a killed job stays killed");

        ControlledWork clean = new ControlledWork();
        ObjectPath other = follow(clean);
        assertEquals(0, requestState(other, 4));
        assertEquals(1, clean.terminates.get());
        assertEquals(JobState.TERMINATED.value(), jobState(other));
        assertTrue(clean.stage.isCancelled());
    }

    @Test
    void requestsOutsideWhatTheJobOffersGetHonestCodes() throws Exception {
        ObjectPath plain = jobs.startFollowing(ISCSI, null, List.of(), "cannot suspend", p -> new CompletableFuture<>());
        assertEquals(StateChange.NOT_SUPPORTED, requestState(plain, 3), "Suspend of work that cannot suspend");
        assertEquals(StateChange.NOT_SUPPORTED, requestState(plain, 2), "Start likewise");
        assertEquals(StateChange.NOT_SUPPORTED, requestState(plain, 6), "Service");
        assertEquals(StateChange.INVALID_PARAMETER, requestState(plain, 7), "DMTF Reserved");
        assertEquals(StateChange.INVALID_PARAMETER, requestState(plain, 40000), "Vendor Reserved: none of ours");
        assertEquals(StateChange.INVALID_PARAMETER, invoke(plain, "RequestStateChange").returnValue(), "no RequestedState");
        assertEquals(0, invoke(plain, "RequestStateChange", ParamValue.of("RequestedState", CimValue.ofUint16(4)),
                ParamValue.of("TimeoutPeriod", CimValue.ofDateTime(CimDateTime.ofInterval(Duration.ZERO)))).returnValue(),
                "a zero TimeoutPeriod means no time requirement");
        assertEquals(JobState.TERMINATED.value(), jobState(plain));
    }

    @Test
    void getErrorsDescribesAFailureWithItsCauseAndNothingForAHealthyJob() {
        ControlledWork running = new ControlledWork();
        ObjectPath job = follow(running);
        Answer none = invoke(job, "GetErrors");
        assertEquals(0, none.returnValue());
        assertTrue(none.out().get("Errors").isNull(), "OK: no errors");

        running.stage.completeExceptionally(new JobFailure("the replication pair pair-1 went Partitioned",
                JobFailure.COMMUNICATIONS_ERROR, JobFailure.COMMUNICATIONS_SUBSYSTEM_FAILURE, List.of("Restore the link")));
        Answer errors = invoke(job, "GetErrors");
        assertEquals(0, errors.returnValue());
        List<?> list = (List<?>) errors.out().get("Errors").value();
        assertEquals(1, list.size());
        CimInstance error = (CimInstance) list.get(0);
        assertEquals("CIM_Error", error.className().toString());
        assertEquals(2, error.value("ErrorType").asLong(), "Communications Error");
        assertEquals(7, error.value("ProbableCause").asLong(), "Communications Subsystem Failure");
        assertEquals(List.of("Restore the link"), error.value("RecommendedActions").value());
        assertEquals("the replication pair pair-1 went Partitioned", error.value("Message").asString());
        assertEquals(5, error.value("PerceivedSeverity").asLong(), "Major");
        assertEquals(1, error.value("CIMStatusCode").asLong());
        assertEquals(job.toString(), error.value("ErrorSource").asString());

        Answer single = invoke(job, "GetError");
        assertEquals(error, single.out().get("Error").value(), "GetError returns the same, deprecated, one");
    }

    @Test
    void killJobCanDeleteAndDeleteInstanceRemovesOnlyFinishedJobs() {
        ObjectPath kept = follow(new ControlledWork());
        assertCimError(CimStatus.FAILED, () -> run(new DeleteInstanceRequest(ISCSI, kept)));
        assertEquals(0, invoke(kept, "KillJob", ParamValue.of("DeleteOnKill", CimValue.ofBoolean(false))).returnValue());
        assertEquals(JobState.KILLED.value(), jobState(kept));
        assertEquals(4, invoke(kept, "KillJob", ParamValue.of("DeleteOnKill", CimValue.ofBoolean(false))).returnValue(),
                "Failed: already finished");
        run(new DeleteInstanceRequest(ISCSI, kept));
        assertCimError(CimStatus.NOT_FOUND, () -> get(kept));

        ObjectPath gone = follow(new ControlledWork());
        assertEquals(0, invoke(gone, "KillJob", ParamValue.of("DeleteOnKill", CimValue.ofBoolean(true))).returnValue());
        assertCimError(CimStatus.NOT_FOUND, () -> get(gone));
    }

    @Test
    void onlyTheMostRecentlyFinishedJobsAreKept() {
        // this service keeps 3 finished jobs, whatever DeleteOnCompletion says
        ObjectPath[] paths = new ObjectPath[5];
        for (int n = 0; n < paths.length; n++) {
            ControlledWork w = new ControlledWork();
            paths[n] = follow(w);
            jobs.setDeleteOnCompletion(jobs.find(paths[n]), false);
            clock.advance(Duration.ofSeconds(1));
            w.stage.complete("done");
        }
        follow(new ControlledWork()); // registering a job purges
        assertCimError(CimStatus.NOT_FOUND, () -> get(paths[0]));
        assertCimError(CimStatus.NOT_FOUND, () -> get(paths[1]));
        for (int n = 2; n < paths.length; n++) {
            assertEquals(JobState.COMPLETED.value(), jobState(paths[n]));
        }
    }

    /** RequestStateChange return codes (CIM_ConcreteJob ValueMap). */
    private static final class StateChange {
        static final long NOT_SUPPORTED = 1;
        static final long INVALID_PARAMETER = 5;
        static final long INVALID_STATE_TRANSITION = 4097;
    }
}
