package org.iscsismis.provider.job;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.iscsismis.cim.CimDateTime;
import org.iscsismis.cim.CimException;
import org.iscsismis.cim.CimInstance;
import org.iscsismis.cim.CimNamespace;
import org.iscsismis.cim.CimStatus;
import org.iscsismis.cim.CimType;
import org.iscsismis.cim.CimValue;
import org.iscsismis.cim.ObjectPath;

/**
 * One job of the {@link JobService}: its identity, what it touches, and its live state. State
 * changes are synchronized on the job; the work runs without the lock.
 */
public final class Job {

    private final String instanceId;
    private final CimNamespace namespace;
    private final ObjectPath path;
    private final ObjectPath owner;
    private final List<ObjectPath> affected;
    private final String description;
    private final Clock clock;
    private final Instant submitted;

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
    private JobListener listener;

    Job(String instanceId, ObjectPath path, ObjectPath owner, List<ObjectPath> affected, String description,
            Clock clock, boolean deleteOnCompletion, Duration timeBeforeRemoval) {
        this.instanceId = instanceId;
        this.namespace = path.namespace();
        this.path = path;
        this.owner = owner;
        this.affected = List.copyOf(affected);
        this.description = description;
        this.clock = clock;
        this.submitted = clock.instant();
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

    /** The elements the job works on (CIM_AffectedJobElement.AffectedElement). */
    public List<ObjectPath> affected() {
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
            synchronized (this) {
                if (state == JobState.RUNNING) {
                    percent = 100;
                    finish(JobState.COMPLETED);
                }
            }
        } catch (Throwable t) {
            synchronized (this) {
                if (state == JobState.RUNNING) {
                    error = t;
                    finish(JobState.EXCEPTION);
                }
            }
            if (t instanceof Error e && !(t instanceof AssertionError)) {
                throw e;
            }
        }
    }

    /** Starts following {@code work} on the caller's thread; the job finishes when the work's stage does. */
    void follow(FollowedWork work) {
        synchronized (this) {
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
        stage.whenComplete((result, failure) -> {
            synchronized (this) {
                if (state != JobState.RUNNING) {
                    return; // terminated meanwhile
                }
                if (failure == null) {
                    percent = 100;
                    finish(JobState.COMPLETED);
                } else {
                    error = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
                    finish(JobState.EXCEPTION);
                }
            }
        });
    }

    /**
     * Terminates the job: JobState Terminated, the work's thread interrupted (or the followed stage cancelled).
     *
     * @return false if the job had already finished
     */
    boolean terminate() {
        Future<?> f;
        CompletableFuture<?> stage;
        synchronized (this) {
            if (state.isFinal()) {
                return false;
            }
            cancelled = true;
            if (started == null) {
                started = clock.instant();
            }
            finish(JobState.TERMINATED);
            f = future;
            stage = followed;
        }
        if (f != null) {
            f.cancel(true);
        }
        if (stage != null) {
            stage.cancel(false);
        }
        return true;
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
        };
    }

    // ------------------------------------------------------------------ CIM view

    /** The CIM status code of the failure (CimException's, else FAILED), or 0. */
    synchronized int errorCode() {
        return error == null ? 0 : error instanceof CimException ce ? ce.status().code() : CimStatus.FAILED.code();
    }

    synchronized String errorDescription() {
        if (error == null) {
            return null;
        }
        String m = error instanceof CimException ce ? ce.description() : error.getMessage();
        return m == null ? error.getClass().getSimpleName() : m;
    }

    /** The job as an instance of {@code path.className()} at the clock's current time. */
    public synchronized CimInstance instance() {
        Instant now = clock.instant();
        Duration elapsed = started == null ? null
                : Duration.between(started, finished != null ? finished : now);
        CimInstance.Builder b = CimInstance.builder(path.className()).path(path)
                .property("InstanceID", CimValue.ofString(instanceId))
                .property("Name", CimValue.ofString(description))
                .property("ElementName", CimValue.ofString(description))
                .property("Description", CimValue.ofString(description))
                .property("JobState", CimValue.ofUint16(state.value()))
                .property("JobStatus", CimValue.ofString(state.displayName()))
                .property("PercentComplete", CimValue.ofUint16(percent))
                .property("TimeSubmitted", CimValue.ofDateTime(CimDateTime.ofInstant(submitted, 0)))
                .property("StartTime", started == null ? CimValue.nullOf(CimType.DATETIME)
                        : CimValue.ofDateTime(CimDateTime.ofInstant(started, 0)))
                .property("ElapsedTime", elapsed == null ? CimValue.nullOf(CimType.DATETIME)
                        : CimValue.ofDateTime(CimDateTime.ofInterval(elapsed.isNegative() ? Duration.ZERO : elapsed)))
                .property("TimeOfLastStateChange", CimValue.ofDateTime(CimDateTime.ofInstant(lastChange, 0)))
                .property("DeleteOnCompletion", CimValue.ofBoolean(deleteOnCompletion))
                .property("TimeBeforeRemoval", CimValue.ofDateTime(CimDateTime.ofInterval(timeBeforeRemoval)))
                .property("JobRunTimes", CimValue.ofUint32(1))
                .property("Owner", owner == null ? CimValue.nullOf(CimType.STRING) : CimValue.ofString(owner.toString()));
        if (error != null) {
            b.property("ErrorCode", CimValue.ofUint16(errorCode()))
                    .property("ErrorDescription", CimValue.ofString(errorDescription()));
        }
        return b.build();
    }
}
