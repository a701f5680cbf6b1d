package org.iscsismis.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.iscsismis.cim.CimDateTime;
import org.iscsismis.cim.CimInstance;
import org.iscsismis.cim.CimNamespace;
import org.iscsismis.cim.ObjectPath;
import org.iscsismis.provider.job.AffectedElement;
import org.iscsismis.provider.job.ElementEffect;
import org.iscsismis.provider.job.Job;
import org.iscsismis.provider.job.JobRecord;
import org.iscsismis.provider.job.JobService;
import org.iscsismis.provider.job.JobState;
import org.iscsismis.provider.job.MutableClock;
import org.iscsismis.repository.CimRepository;
import org.iscsismis.server.PackagedSchema;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Jobs kept in a data directory: finished ones come back as they ended, running ones ended as interrupted. */
class JobJournalTest {

    private static final CimNamespace ISCSI = CimNamespace.of("root/cimv2/storage/iscsitarget");
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static CimRepository repo;

    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-02T03:04:05Z"));
    private final ObjectPath owner = ObjectPath.builder("MSISCSITARGET_StorageConfigurationService").namespace(ISCSI)
            .key("CreationClassName", "MSISCSITARGET_StorageConfigurationService").key("Name", "SCS")
            .key("SystemCreationClassName", "MSISCSITARGET_ComputerSystem").key("SystemName", "host").build();
    private final ObjectPath volume = ObjectPath.builder("MSISCSITARGET_StorageVolume").namespace(ISCSI)
            .key("CreationClassName", "MSISCSITARGET_StorageVolume").key("DeviceID", "V1")
            .key("SystemCreationClassName", "MSISCSITARGET_ComputerSystem").key("SystemName", "host").build();

    @TempDir
    Path dir;

    @BeforeAll
    static void loadSchema() {
        repo = PackagedSchema.load();
    }

    /** One run of a server's jobs on the data directory. */
    private final class Run implements AutoCloseable {
        final DataStore store;
        final JobService jobs = new JobService(repo, clock, 2, 16);

        Run() {
            this(java.nio.channels.FileChannel::open);
        }

        Run(Journal.Channels device) {
            store = DataStore.open(dir, 0, device);
            store.recoverJobs(jobs);
        }

        ObjectPath start(String description, CompletableFuture<Void> work) {
            return jobs.startFollowing(ISCSI, owner, List.of(AffectedElement.of(volume, ElementEffect.CREATE,
                    ElementEffect.EXCLUSIVE_USE)), description, progress -> work);
        }

        Job job(ObjectPath path) {
            return jobs.find(path);
        }

        @Override
        public void close() {
            jobs.close();
            store.close();
        }
    }

    @Test
    void runningJobsComeBackInterruptedAndFinishedOnesAsTheyEnded() throws Exception {
        ObjectPath running;
        ObjectPath completed;
        ObjectPath failed;
        Instant restart;
        try (Run run = new Run()) {
            running = run.start("Clone V1", new CompletableFuture<>());
            CompletableFuture<Void> done = new CompletableFuture<>();
            completed = run.start("Create V2", done);
            done.complete(null);
            assertTrue(run.job(completed).awaitFinished(WAIT));
            failed = run.start("Create V3", CompletableFuture.failedFuture(new IllegalStateException("pool full")));
            assertTrue(run.job(failed).awaitFinished(WAIT));
            run.jobs.setDeleteOnCompletion(run.job(completed), false);
            clock.advance(Duration.ofMinutes(1));
            restart = clock.instant();
        }
        try (Run run = new Run()) {
            Job interrupted = run.job(running);
            assertNotNull(interrupted, "the running job is listed after the restart");
            assertEquals(JobState.EXCEPTION, interrupted.state());
            CimInstance i = interrupted.instance();
            assertEquals(10, ((Number) i.value("JobState").value()).intValue());
            assertEquals(List.of(6, 17), ((List<?>) i.value("OperationalStatus").value()).stream()
                    .map(o -> ((Number) o).intValue()).toList());
            assertEquals(1, ((Number) i.value("ErrorCode").value()).intValue());
            assertTrue(i.value("ErrorDescription").value().toString().contains("Interrupted by a restart of the server"),
                    i.value("ErrorDescription").value().toString());
            assertEquals(List.of(AffectedElement.of(volume, ElementEffect.CREATE, ElementEffect.EXCLUSIVE_USE)),
                    interrupted.affected());
            assertEquals(owner, interrupted.owner());

            Job ok = run.job(completed);
            assertEquals(JobState.COMPLETED, ok.state());
            assertEquals(100, ok.percentComplete());
            assertFalse(ok.deleteOnCompletion(), "a client's DeleteOnCompletion is kept");
            Job bad = run.job(failed);
            assertEquals(JobState.EXCEPTION, bad.state());
            assertEquals("pool full", bad.instance().value("ErrorDescription").value());

            ObjectPath fresh = run.start("Create V4", new CompletableFuture<>());
            assertEquals("ISCSISMIS:JOB:4", fresh.key("InstanceID").asString(), "numbering continues past the kept jobs");
            run.jobs.kill(run.job(fresh), true);
        }
        clock.advance(JobService.DEFAULT_TIME_BEFORE_REMOVAL.minusSeconds(1));
        try (Run run = new Run()) {
            assertEquals(restart, ((CimDateTime) run.job(running).instance().value("TimeOfLastStateChange").value())
                    .toInstant(), "the interruption was recorded when first found, not found again at each start");
            assertNull(run.job(failed), "a failed job is gone once its TimeBeforeRemoval has passed");
            ObjectPath next = run.start("Create V5", new CompletableFuture<>());
            assertEquals("ISCSISMIS:JOB:5", next.key("InstanceID").asString(),
                    "the number of a removed job is not handed out again");
        }
    }

    @Test
    void aJobChangeTheJournalCannotRecordIsRefusedAndNotMade() throws Exception {
        FailingChannels device = new FailingChannels();
        ObjectPath kept;
        ObjectPath stopped;
        try (Run run = new Run(device)) {
            kept = run.start("Create V1", CompletableFuture.completedFuture(null));
            Job job = run.job(kept);
            assertTrue(job.awaitFinished(WAIT));
            stopped = run.start("Clone V1", new CompletableFuture<>());
            device.full = true;
            assertTrue(run.jobs.kill(run.job(stopped), false)); // its end cannot be recorded: it ends anyway, no exception
            assertTrue(run.job(stopped).state().isFinal());
            assertThrows(JournalWriteException.class, () -> run.jobs.setDeleteOnCompletion(job, false));
            assertTrue(job.deleteOnCompletion());
            assertThrows(JournalWriteException.class, () -> run.jobs.setTimeBeforeRemoval(job, Duration.ofHours(1)));
            assertEquals(JobService.DEFAULT_TIME_BEFORE_REMOVAL, job.timeBeforeRemoval());
            assertThrows(JournalWriteException.class, () -> run.jobs.remove(job));
            assertNotNull(run.job(kept), "a job whose deletion was refused is still listed");
            JournalWriteException e = assertThrows(JournalWriteException.class,
                    () -> run.start("Create V2", new CompletableFuture<>()));
            assertTrue(e.description().contains("No space left on device"), e.description());
            assertNull(run.jobs.find("ISCSISMIS:JOB:3"), "a job that could not be recorded is not listed");
            device.full = false;
        }
        try (Run run = new Run()) {
            Job job = run.job(kept);
            assertNotNull(job);
            assertTrue(job.deleteOnCompletion());
            assertEquals(JobService.DEFAULT_TIME_BEFORE_REMOVAL, job.timeBeforeRemoval());
            assertEquals(JobState.EXCEPTION, run.job(stopped).state(), "the job whose end was not recorded shows as interrupted");
        }
    }

    @Test
    void recordsKeepEveryField() {
        JobRecord r = new JobRecord("ISCSISMIS:JOB:7", ObjectPath.builder("MSISCSITARGET_ConcreteJob").namespace(ISCSI)
                .key("InstanceID", "ISCSISMIS:JOB:7").build(), owner,
                List.of(AffectedElement.of(volume, ElementEffect.CREATE), AffectedElement.of(owner)), "Clone \"V1\"",
                JobState.EXCEPTION, 42, Instant.parse("2026-01-02T03:04:05Z"), Instant.parse("2026-01-02T03:04:06Z"),
                Instant.parse("2026-01-02T03:05:06Z"), true, Duration.ofSeconds(300), 4, "bad, \"quoted\" thing");
        assertEquals(r, JobRecords.read(Fields.of(JobRecords.write(r).bytes())));
        JobRecord running = new JobRecord("X", r.path(), null, List.of(), null, JobState.RUNNING, 0, r.submitted(), null,
                null, false, Duration.ZERO, null, null);
        assertEquals(running, JobRecords.read(Fields.of(JobRecords.write(running).bytes())));
    }
}
