package org.iscsismis.provider.job;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.iscsismis.cim.CimException;
import org.iscsismis.cim.CimName;
import org.iscsismis.cim.CimNamespace;
import org.iscsismis.cim.CimStatus;
import org.iscsismis.cim.ObjectPath;
import org.iscsismis.repository.CimRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Jobs for long-running methods, the SMI-S Job Control way: a method provider calls
 * {@link #start} and returns 4096 ("Method Parameters Checked - Job Started") with the returned path
 * as OUT parameter {@code Job}. The work runs on a bounded executor (daemon threads, started on
 * demand); the job's CIM_ConcreteJob instance (or the namespace's subclass of it, see
 * {@link JobProviders#servedClass}) is live, and served with its associations by the providers
 * {@link JobProviders} registers.
 *
 * <p>Times come from the injected clock. A finished job with DeleteOnCompletion is removed
 * TimeBeforeRemoval after it finished; expiry is checked lazily, on each access, so no timer thread
 * is needed and tests step a clock instead of sleeping.
 *
 * <pre>{@code
 * ObjectPath job = context.jobs().start(context.namespace(), target,
 *         List.of(AffectedElement.of(volume, ElementEffect.CREATE)), "Create volume",
 *         progress -> { ...; progress.percent(50); ... });
 * return MethodResult.of(CimValue.ofUint32(JobService.JOB_STARTED)).with("Job", CimValue.ofReference(job));
 * }</pre>
 *
 * Thread-safe.
 */
public final class JobService implements AutoCloseable {

    /** The method return value "Method Parameters Checked - Job Started". */
    public static final long JOB_STARTED = 4096;
    /** CIM_ConcreteJob.TimeBeforeRemoval's default: 5 minutes. */
    public static final Duration DEFAULT_TIME_BEFORE_REMOVAL = Duration.ofMinutes(5);
    public static final int DEFAULT_THREADS = 4;
    public static final int DEFAULT_QUEUE = 1024;
    /** Finished jobs kept at most, by default (see {@link #JobService(CimRepository, Clock, int, int, int)}). */
    public static final int DEFAULT_MAX_FINISHED = 1000;

    static final CimName CONCRETE_JOB = CimName.of("CIM_ConcreteJob");
    private static final String ID_PREFIX = "ISCSISMIS:JOB:";
    private static final AtomicInteger POOLS = new AtomicInteger();
    private static final Logger LOG = LoggerFactory.getLogger(JobService.class);

    private final CimRepository repository;
    private final Clock clock;
    private final ThreadPoolExecutor executor;
    private final Map<String, Job> jobs = new ConcurrentHashMap<>();
    private final AtomicLong counter = new AtomicLong();
    private final int maxFinished;
    private volatile JobListener listener;
    private volatile JobLog log;

    public JobService(CimRepository repository, Clock clock) {
        this(repository, clock, DEFAULT_THREADS, DEFAULT_QUEUE);
    }

    /** A service running at most {@code threads} jobs at once, with at most {@code queue} waiting. */
    public JobService(CimRepository repository, Clock clock, int threads, int queue) {
        this(repository, clock, threads, queue, DEFAULT_MAX_FINISHED);
    }

    /**
     * A service that also keeps at most {@code maxFinished} finished jobs: beyond that, the ones that finished
     * first are removed early, whatever their DeleteOnCompletion (memory stays bounded when clients keep jobs).
     */
    public JobService(CimRepository repository, Clock clock, int threads, int queue, int maxFinished) {
        this.repository = Objects.requireNonNull(repository, "repository must not be null");
        this.clock = Objects.requireNonNull(clock, "clock must not be null");
        if (threads < 1 || queue < 1 || maxFinished < 1) {
            throw new IllegalArgumentException("threads, queue and maxFinished must be positive");
        }
        this.maxFinished = maxFinished;
        int pool = POOLS.incrementAndGet();
        AtomicInteger n = new AtomicInteger();
        this.executor = new ThreadPoolExecutor(threads, threads, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(queue), r -> {
            Thread t = new Thread(r, "job-" + pool + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        executor.allowCoreThreadTimeOut(true);
    }

    public Clock clock() {
        return clock;
    }

    /** Sets the one listener told about the jobs started from now on (the indication service's); null: none. */
    public void setListener(JobListener l) {
        listener = l;
    }

    /** Sets where jobs are kept across restarts (the data directory's); null: nowhere. */
    public void setLog(JobLog l) {
        log = l;
    }

    /**
     * Brings back the jobs kept before a restart (after {@link #setLog}): finished ones as they ended, unfinished
     * ones ended in state Exception with an error saying a restart interrupted them (and recorded so). Jobs whose
     * namespace or class the schema no longer has are dropped. Numbering continues past {@code lastNumber} and
     * past every kept job, so no InstanceID is handed out twice.
     */
    public void restore(Collection<JobRecord> kept, long lastNumber) {
        long last = lastNumber;
        for (JobRecord r : kept) {
            CimNamespace ns = r.path().namespace();
            if (ns == null || !repository.hasNamespace(ns) || !repository.hasClass(ns, r.path().className())) {
                LOG.warn("Job {} is not restored: the schema has no class {} in namespace {}", r.instanceId(),
                        r.path().className(), ns);
                JobLog l = log;
                if (l != null) {
                    l.removed(r.instanceId(), Math.max(last, number(r.instanceId())));
                }
                continue;
            }
            Job job = Job.restored(r, clock);
            track(job);
            jobs.put(job.instanceId(), job);
            if (!r.state().isFinal()) {
                save(job);
            }
            last = Math.max(last, number(r.instanceId()));
        }
        long highest = last;
        counter.accumulateAndGet(highest, Math::max);
        purge();
    }

    /**
     * Starts a job: JobState New, then Running when a thread takes it, then Completed (work returned),
     * Exception (work threw) or Terminated (RequestStateChange). DeleteOnCompletion is true and
     * TimeBeforeRemoval 5 minutes (both writable through ModifyInstance or the setters here).
     *
     * @param namespace   where the job instance lives (must have CIM_ConcreteJob)
     * @param owner       the element whose method started the job (CIM_OwningJobElement), or null
     * @param affected    the elements the job works on, and how (CIM_AffectedJobElement)
     * @param description Name, ElementName and Description of the job
     * @return the path of the job instance, with namespace (OUT parameter {@code Job})
     * @throws CimException FAILED if the namespace has no job class or too many jobs are waiting
     */
    public ObjectPath start(CimNamespace namespace, ObjectPath owner, List<AffectedElement> affected, String description,
            JobWork work) {
        Objects.requireNonNull(work, "work must not be null");
        Job job = register(namespace, owner, affected, description);
        try {
            job.setFuture(executor.submit(() -> job.run(work)));
        } catch (RejectedExecutionException e) {
            drop(job);
            throw new CimException(CimStatus.FAILED, "Too many jobs waiting; try again later");
        }
        return job.path();
    }

    /** A new job in state New, listed under its InstanceID. */
    private Job register(CimNamespace namespace, ObjectPath owner, List<AffectedElement> affected, String description) {
        Objects.requireNonNull(namespace, "namespace must not be null");
        CimName cls = jobClass(namespace);
        String id = ID_PREFIX + counter.incrementAndGet();
        ObjectPath path = ObjectPath.builder(cls).namespace(namespace).key("InstanceID", id).build();
        List<AffectedElement> touched = new ArrayList<>();
        for (AffectedElement a : affected == null ? List.<AffectedElement>of() : affected) {
            touched.add(a.withElement(absolute(a.element(), namespace)));
        }
        Job job = new Job(id, path, owner == null ? null : absolute(owner, namespace), touched,
                description == null ? id : description, clock, true, DEFAULT_TIME_BEFORE_REMOVAL);
        purge();
        track(job);
        jobs.put(id, job);
        try {
            save(job);
        } catch (RuntimeException e) {
            jobs.remove(id, job);
            LOG.error("Job {} could not be recorded", id, e);
            throw e instanceof CimException c ? c
                    : new CimException(CimStatus.FAILED, "The job could not be recorded in the data directory: " + e.getMessage());
        }
        JobListener l = listener;
        if (l != null) {
            job.listen(l);
            l.jobCreated(job);
        }
        return job;
    }

    /**
     * Starts a job that follows work running elsewhere ({@link FollowedWork}): Running at once, with no thread of
     * this service held while it runs, so such jobs are never queued behind each other. Otherwise as
     * {@link #start(CimNamespace, ObjectPath, List, String, JobWork)}.
     */
    public ObjectPath startFollowing(CimNamespace namespace, ObjectPath owner, List<AffectedElement> affected, String description,
            FollowedWork work) {
        Objects.requireNonNull(work, "work must not be null");
        Job job = register(namespace, owner, affected, description);
        job.follow(work);
        return job.path();
    }

    /** The class of job instances in {@code namespace}. */
    CimName jobClass(CimNamespace namespace) {
        if (!repository.hasNamespace(namespace) || !repository.hasClass(namespace, CONCRETE_JOB)) {
            throw new CimException(CimStatus.FAILED, "Namespace " + namespace + " has no class " + CONCRETE_JOB + " for jobs");
        }
        return JobProviders.servedClass(repository, namespace, CONCRETE_JOB);
    }

    /** The live job with this InstanceID, or null (unknown or expired). */
    public Job find(String instanceId) {
        Job j = instanceId == null ? null : jobs.get(instanceId);
        if (j != null && j.expired(clock.instant())) {
            drop(j);
            return null;
        }
        return j;
    }

    /** The live job named by {@code path} (its InstanceID key, namespace and class), or null. */
    public Job find(ObjectPath path) {
        if (path == null || path.key("InstanceID") == null || path.key("InstanceID").isNull()) {
            return null;
        }
        Job j = find(path.key("InstanceID").asString());
        return j != null && (path.namespace() == null || j.namespace().equals(path.namespace()))
                && j.path().className().equals(path.className()) ? j : null;
    }

    /** The live jobs of {@code namespace}, expired ones removed first. */
    public List<Job> jobs(CimNamespace namespace) {
        purge();
        List<Job> out = new ArrayList<>();
        for (Job j : jobs.values()) {
            if (j.namespace().equals(namespace)) {
                out.add(j);
            }
        }
        out.sort((a, b) -> Long.compare(number(a), number(b)));
        return out;
    }

    /** Removes the expired jobs, then the earliest finished ones beyond the most kept. */
    public void purge() {
        var now = clock.instant();
        List<Job> finished = new ArrayList<>();
        for (Job j : jobs.values()) {
            if (j.expired(now)) {
                drop(j);
            } else if (j.finishedAt() != null) {
                finished.add(j);
            }
        }
        if (finished.size() > maxFinished) {
            finished.sort(Comparator.comparing(Job::finishedAt).thenComparingLong(JobService::number));
            finished.subList(0, finished.size() - maxFinished).forEach(this::drop);
        }
    }

    /** Terminates a job (RequestStateChange Terminate); false if it had already finished or its work cannot stop now. */
    public boolean terminate(Job job) {
        return requestStateChange(job, RequestedJobState.TERMINATE) == StateChangeReturn.COMPLETED_WITH_NO_ERROR;
    }

    /** RequestStateChange of a job: see {@link JobControl} for what each state asks of the work. */
    public StateChangeReturn requestStateChange(Job job, RequestedJobState requested) {
        return job.requestStateChange(requested);
    }

    /**
     * KillJob: kills a job and, with {@code delete}, removes it at once.
     *
     * @return false if the job had already finished (nothing changed)
     */
    public boolean kill(Job job, boolean delete) {
        boolean killed = job.requestStateChange(RequestedJobState.KILL) == StateChangeReturn.COMPLETED_WITH_NO_ERROR;
        if (killed && delete) {
            drop(job);
        }
        return killed;
    }

    /**
     * Removes a finished job (DeleteInstance).
     *
     * @throws CimException FAILED if the job has not finished
     */
    public void remove(Job job) {
        if (!job.state().isFinal()) {
            throw new CimException(CimStatus.FAILED, "Job " + job.instanceId() + " is " + job.state().displayName()
                    + "; terminate or kill it before deleting it");
        }
        drop(job, true);
    }

    /** Sets DeleteOnCompletion; if the log cannot record it, the job keeps its old value and the failure is thrown. */
    public void setDeleteOnCompletion(Job job, boolean value) {
        boolean old = job.deleteOnCompletion();
        job.setDeleteOnCompletion(value);
        saveOrUndo(job, () -> job.setDeleteOnCompletion(old));
    }

    public void setTimeBeforeRemoval(Job job, Duration value) {
        if (value == null || value.isNegative()) {
            throw new IllegalArgumentException("TimeBeforeRemoval must be a non-negative interval");
        }
        Duration old = job.timeBeforeRemoval();
        job.setTimeBeforeRemoval(value);
        saveOrUndo(job, () -> job.setTimeBeforeRemoval(old));
    }

    private void saveOrUndo(Job job, Runnable undo) {
        try {
            save(job);
        } catch (RuntimeException e) {
            undo.run();
            throw e;
        }
    }

    /**
     * Stops taking jobs and interrupts the running ones. The log hears nothing more: jobs still running stay recorded
     * as running, and come back interrupted after the restart.
     */
    @Override
    public void close() {
        log = null;
        executor.shutdownNow();
    }

    // ------------------------------------------------------------------ the log

    /**
     * A job of this service: the log hears when it finishes. An end that cannot be recorded is logged, not thrown:
     * the work has ended (or been stopped) either way, and after a restart the job shows as interrupted.
     */
    private void track(Job job) {
        job.onFinish(j -> {
            try {
                save(j);
            } catch (RuntimeException e) {
                LOG.warn("The end of job {} could not be recorded; after a restart it shows as interrupted: {}",
                        j.instanceId(), e.getMessage());
            }
        });
    }

    /** Records the job as it is now (nothing once it is removed, or without a log). */
    private void save(Job job) {
        JobLog l = log;
        if (l == null) {
            return;
        }
        synchronized (job.logLock) {
            if (!job.removed) {
                l.saved(job.record());
            }
        }
    }

    /** Removes the job from the live ones and from the log. */
    private void drop(Job job) {
        drop(job, false);
    }

    /**
     * Removes the job from the live ones and from the log; {@code refusable} (a client's DeleteInstance): if the log
     * cannot record the removal, the job stays and the failure is thrown, else it goes and may show again after a
     * restart.
     */
    private void drop(Job job, boolean refusable) {
        if (!jobs.remove(job.instanceId(), job)) {
            return;
        }
        JobLog l = log;
        synchronized (job.logLock) {
            job.removed = true;
            if (l != null) {
                try {
                    l.removed(job.instanceId(), counter.get());
                } catch (RuntimeException e) {
                    if (refusable) {
                        job.removed = false;
                        jobs.put(job.instanceId(), job);
                        throw e;
                    }
                    LOG.warn("The removal of job {} could not be recorded; it may show again after a restart", job.instanceId(), e);
                }
            }
        }
    }

    private static long number(Job j) {
        return number(j.instanceId());
    }

    /** The number in a job's InstanceID (0 for one this service did not hand out). */
    private static long number(String instanceId) {
        if (!instanceId.startsWith(ID_PREFIX)) {
            return 0;
        }
        try {
            return Long.parseLong(instanceId.substring(ID_PREFIX.length()));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static ObjectPath absolute(ObjectPath p, CimNamespace ns) {
        ObjectPath q = p.host() == null ? p : p.withHost(null);
        return q.namespace() == null ? q.withNamespace(ns) : q;
    }
}
