package org.iscsismis.provider.job;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.iscsismis.cim.CimException;
import org.iscsismis.cim.CimInstance;
import org.iscsismis.cim.CimNamespace;
import org.iscsismis.cim.CimStatus;
import org.iscsismis.cim.ObjectPath;

/**
 * One job of the {@link JobService}: its identity, what it touches, and its live state. State changes are
 * synchronized on the job; the work runs without the lock. Client state requests ({@link #requestStateChange}) are
 * serialized by a second lock, so that the work's own {@link JobControl} calls, which may take a while, never hold
 * the state lock a finishing work needs.
 */
public final class Job {

    /** A consistent copy of the job's state, for its CIM instance and errors. */
    record View(Job job, JobState state, int percent, Instant submitted, Instant started, Instant finished,
            Instant lastChange, boolean deleteOnCompletion, Duration timeBeforeRemoval, Throwable error, Instant now) {
    }

    private final String instanceId;
    private final CimNamespace namespace;
    private final ObjectPath path;
    private final ObjectPath owner;
    private final List<AffectedElement> affected;
    private final String description;
    private final Clock clock;
    private final Instant submitted;
    private final Object requests = new Object();

    private JobState state = JobState.NEW;
    private int percent;
    private Instant started;
    private Instant finished;
    private Instant lastChange;
    private boolean deleteOnCompletion;
    private Duration timeBeforeRemoval;
    private Throwable error;
    private volatile boolean cancelled;
    private Future<?> future;
    private CompletableFuture<?> followed;
    private JobControl control = new JobControl() { };
    private JobListener listener;
    /** Told once the job reaches a final state, outside the job's lock (the service records it). */
    private volatile Consumer<Job> onFinish = j -> { };
    /** Orders what is recorded of this job: a snapshot is taken and saved under it, so the last one saved wins. */
    final Object logLock = new Object();
    /** Set (under {@link #logLock}) once the job is removed: nothing more is recorded of it. */
    boolean removed;

    Job(String instanceId, ObjectPath path, ObjectPath owner, List<AffectedElement> affected, String description,
            Clock clock, boolean deleteOnCompletion, Duration timeBeforeRemoval) {
        this(instanceId, path, owner, affected, description, clock, clock.instant(), deleteOnCompletion, timeBeforeRemoval);
    }

    private Job(String instanceId, ObjectPath path, ObjectPath owner, List<AffectedElement> affected, String description,
            Clock clock, Instant submitted, boolean deleteOnCompletion, Duration timeBeforeRemoval) {
        this.instanceId = instanceId;
        this.namespace = path.namespace();
        this.path = path;
        this.owner = owner;
        this.affected = List.copyOf(affected);
        this.description = description;
        this.clock = clock;
        this.submitted = submitted;
        this.lastChange = submitted;
        this.deleteOnCompletion = deleteOnCompletion;
        this.timeBeforeRemoval = timeBeforeRemoval;
    }

    public String instanceId() {
        return instanceId;
    }

    public CimNamespace namespace() {
        return namespace;
    }

    /** The path of the job's CIM_ConcreteJob (or subclass) instance, with namespace. */
    public ObjectPath path() {
        return path;
    }

    /** The element that started the job (CIM_OwningJobElement.OwningElement), or null. */
    public ObjectPath owner() {
        return owner;
    }

    /** The elements the job works on and how (CIM_AffectedJobElement.AffectedElement and ElementEffects). */
    public List<AffectedElement> affected() {
        return affected;
    }

    public String description() {
        return description;
    }

    public synchronized JobState state() {
        return state;
    }

    public synchronized int percentComplete() {
        return percent;
    }

    /** The failure of a job in state Exception, else null. */
    public synchronized Throwable error() {
        return error;
    }

    public synchronized boolean deleteOnCompletion() {
        return deleteOnCompletion;
    }

    public synchronized Duration timeBeforeRemoval() {
        return timeBeforeRemoval;
    }

    synchronized void setDeleteOnCompletion(boolean value) {
        deleteOnCompletion = value;
    }

    synchronized void setTimeBeforeRemoval(Duration value) {
        timeBeforeRemoval = value;
    }

    synchronized void setFuture(Future<?> f) {
        future = f;
    }

    /** True if finished, DeleteOnCompletion and TimeBeforeRemoval has passed since the end at {@code now}. */
    synchronized boolean expired(Instant now) {
        return finished != null && deleteOnCompletion && !now.isBefore(finished.plus(timeBeforeRemoval));
    }

    /** When the job reached its final state, or null while it has not. */
    synchronized Instant finishedAt() {
        return finished;
    }

    synchronized View view() {
        return new View(this, state, percent, submitted, started, finished, lastChange, deleteOnCompletion,
                timeBeforeRemoval, error, clock.instant());
    }

    /**
     * A job kept from before a restart, in a final state: as it ended, or, if it had not ended, in state Exception
     * with an error saying the restart interrupted it (finished now, so its TimeBeforeRemoval counts from now).
     */
    static Job restored(JobRecord r, Clock clock) {
        Job job = new Job(r.instanceId(), r.path(), r.owner(), r.affected(), r.description(), clock, r.submitted(),
                r.deleteOnCompletion(), r.timeBeforeRemoval());
        job.percent = r.percentComplete();
        job.started = r.started();
        if (r.state().isFinal() && r.finished() != null) {
            job.state = r.state();
            job.finished = r.finished();
            if (r.state() == JobState.EXCEPTION) {
                job.error = new CimException(CimStatus.fromCode(r.errorCode() == null ? CimStatus.FAILED.code() : r.errorCode()),
                        r.errorDescription() == null ? "failed" : r.errorDescription());
            }
        } else {
            job.state = JobState.EXCEPTION;
            job.finished = clock.instant();
            job.error = new JobFailure("Interrupted by a restart of the server before it finished",
                    JobFailure.SOFTWARE_ERROR, JobFailure.UNKNOWN_CAUSE,
                    List.of("Check the state of the affected elements and start the operation again if needed"));
        }
        job.lastChange = job.finished;
        return job;
    }

    /** What a {@link JobLog} keeps of the job now. */
    synchronized JobRecord record() {
        return new JobRecord(instanceId, path, owner, affected, description, state, percent, submitted, started, finished,
                deleteOnCompletion, timeBeforeRemoval, state == JobState.EXCEPTION ? JobInstance.errorCode(error) : null,
                state == JobState.EXCEPTION ? JobInstance.errorDescription(error) : null);
    }

    void onFinish(Consumer<Job> hook) {
        onFinish = hook;
    }

    // ------------------------------------------------------------------ life cycle

    void run(JobWork work) {
        synchronized (this) {
            if (state != JobState.NEW) {
                return;
            }
            started = clock.instant();
            change(JobState.RUNNING, started);
        }
        try {
            work.run(progress());
            end(null);
        } catch (Throwable t) {
            end(t);
            if (t instanceof Error e && !(t instanceof AssertionError)) {
                throw e;
            }
        }
    }

    /** Starts following {@code work} on the caller's thread; the job finishes when the work's stage does. */
    void follow(FollowedWork work) {
        synchronized (this) {
            control = work;
            started = clock.instant();
            change(JobState.RUNNING, started);
        }
        CompletableFuture<?> stage;
        try {
            stage = work.follow(progress()).toCompletableFuture();
        } catch (RuntimeException e) {
            stage = CompletableFuture.failedFuture(e);
        }
        synchronized (this) {
            followed = stage;
        }
        stage.whenComplete((result, failure) -> end(failure instanceof CompletionException && failure.getCause() != null
                ? failure.getCause() : failure));
    }

    /** The work ended by itself: Completed, or Exception with {@code failure}; nothing if the job was stopped meanwhile. */
    private void end(Throwable failure) {
        synchronized (this) {
            if (state != JobState.RUNNING && state != JobState.SUSPENDED) {
                return;
            }
            if (failure == null) {
                percent = 100;
                finish(JobState.COMPLETED);
            } else {
                error = failure;
                finish(JobState.EXCEPTION);
            }
        }
        onFinish.accept(this);
    }

    /**
     * RequestStateChange: Start (resume a suspended job), Suspend, Terminate (the work stops cleanly, see
     * {@link JobControl#terminate}), Kill (the job stops following at once); Service is not supported.
     */
    StateChangeReturn requestStateChange(RequestedJobState requested) {
        synchronized (requests) {
            return switch (requested) {
                case START -> suspendOrResume(JobState.SUSPENDED, JobState.RUNNING);
                case SUSPEND -> suspendOrResume(JobState.RUNNING, JobState.SUSPENDED);
                case TERMINATE -> stop(JobState.TERMINATED);
                case KILL -> stop(JobState.KILLED);
                case SERVICE -> StateChangeReturn.NOT_SUPPORTED;
            };
        }
    }

    private StateChangeReturn suspendOrResume(JobState from, JobState to) {
        JobControl work;
        synchronized (this) {
            work = control;
            if (!work.suspendable()) {
                return StateChangeReturn.NOT_SUPPORTED;
            }
            if (state != from) {
                return StateChangeReturn.INVALID_STATE_TRANSITION;
            }
        }
        boolean done = to == JobState.SUSPENDED ? work.suspend() : work.resume();
        if (!done) {
            return StateChangeReturn.INVALID_STATE_TRANSITION;
        }
        synchronized (this) {
            if (state == from) {
                change(to, clock.instant());
            }
        }
        return StateChangeReturn.COMPLETED_WITH_NO_ERROR;
    }

    /** Terminate or Kill: the job ends in {@code end}, the work's thread is interrupted or its followed stage cancelled. */
    private StateChangeReturn stop(JobState end) {
        JobControl work;
        synchronized (this) {
            if (state.isFinal()) {
                return StateChangeReturn.INVALID_STATE_TRANSITION;
            }
            work = control;
        }
        if (end == JobState.TERMINATED && !work.terminate()) {
            return StateChangeReturn.INVALID_STATE_TRANSITION;
        }
        Future<?> f;
        CompletableFuture<?> stage;
        synchronized (this) {
            if (state.isFinal()) {
                return StateChangeReturn.INVALID_STATE_TRANSITION; // the work finished by itself meanwhile
            }
            cancelled = true;
            if (started == null) {
                started = clock.instant();
            }
            finish(end);
            f = future;
            stage = followed;
        }
        onFinish.accept(this);
        if (f != null) {
            f.cancel(true);
        }
        if (stage != null) {
            stage.cancel(false);
        }
        return StateChangeReturn.COMPLETED_WITH_NO_ERROR;
    }

    private void finish(JobState s) {
        finished = clock.instant();
        change(s, finished);
        notifyAll();
    }

    /**
     * Waits until the job is in a final state (Completed, Terminated, Killed, Exception).
     *
     * @return false if {@code timeout} passed first
     */
    public synchronized boolean awaitFinished(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!state.isFinal()) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            TimeUnit.NANOSECONDS.timedWait(this, left);
        }
        return true;
    }

    private void change(JobState s, Instant at) {
        state = s;
        lastChange = at;
        changed();
    }

    /** Who hears about this job's changes (set once, right after creation). */
    synchronized void listen(JobListener l) {
        listener = l;
    }

    private void changed() {
        if (listener != null) {
            listener.jobChanged(this);
        }
    }

    private JobProgress progress() {
        return new JobProgress() {
            @Override
            public void percent(int p) {
                synchronized (Job.this) {
                    int next = Math.max(percent, Math.max(0, Math.min(100, p)));
                    if (state == JobState.RUNNING && next != percent) {
                        percent = next;
                        changed();
                    }
                }
            }

            @Override
            public boolean isCancelled() {
                return cancelled;
            }

            @Override
            public void workSuspended(boolean suspended) {
                synchronized (Job.this) {
                    if (suspended && state == JobState.RUNNING) {
                        change(JobState.SUSPENDED, clock.instant());
                    } else if (!suspended && state == JobState.SUSPENDED) {
                        change(JobState.RUNNING, clock.instant());
                    }
                }
            }
        };
    }

    /** The job as an instance of its CIM_ConcreteJob class at the clock's current time (what indications carry). */
    public CimInstance instance() {
        return JobInstance.of(view());
    }
}
