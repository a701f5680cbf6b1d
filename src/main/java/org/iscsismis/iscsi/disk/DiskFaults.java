package org.iscsismis.iscsi.disk;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * Fault injection for one disk: fail reads, fail writes, go offline, add latency. Changes are visible to I/O
 * that starts afterwards and are announced to listeners (the replication engine reacts to a target going bad
 * or coming back).
 */
public final class DiskFaults {

    /** Which kind of I/O a check is for. */
    public enum IoKind { READ, WRITE }

    private final String diskId;
    private final Pauser pauser;
    private volatile boolean failReads;
    private volatile boolean failWrites;
    private volatile boolean offline;
    private volatile Duration latency = Duration.ZERO;
    private final List<Consumer<DiskFaults>> listeners = new CopyOnWriteArrayList<>();
    private final List<Consumer<DiskFaults>> latencyListeners = new CopyOnWriteArrayList<>();

    DiskFaults(String diskId, Pauser pauser) {
        this.diskId = diskId;
        this.pauser = pauser;
    }

    public DiskFaults failReads(boolean on) {
        failReads = on;
        changed();
        return this;
    }

    public DiskFaults failWrites(boolean on) {
        failWrites = on;
        changed();
        return this;
    }

    public DiskFaults offline(boolean on) {
        offline = on;
        changed();
        return this;
    }

    public DiskFaults latency(Duration delay) {
        latency = Objects.requireNonNull(delay);
        for (Consumer<DiskFaults> l : latencyListeners) {
            l.accept(this);
        }
        return this;
    }

    /** Clear every fault and the latency. */
    public DiskFaults clear() {
        failReads = false;
        failWrites = false;
        offline = false;
        changed();
        return latency(Duration.ZERO);
    }

    public boolean isOffline() {
        return offline;
    }

    public boolean failsReads() {
        return failReads;
    }

    public boolean failsWrites() {
        return failWrites;
    }

    /** True when some fault makes the disk unusable for I/O of any kind. */
    public boolean isHealthy() {
        return !offline && !failReads && !failWrites;
    }

    public Duration latency() {
        return latency;
    }

    /** Called with this object after any fault flag changes (not for latency). */
    public void addListener(Consumer<DiskFaults> listener) {
        listeners.add(listener);
    }

    public void removeListener(Consumer<DiskFaults> listener) {
        listeners.remove(listener);
    }

    /**
     * Called with this object after the latency is set (to the same value too). Apart from the fault flags' listeners:
     * latency slows I/O but fails none, so what reacts to failures (the engine breaking and recovering pairs) never
     * hears of it.
     */
    public void addLatencyListener(Consumer<DiskFaults> listener) {
        latencyListeners.add(listener);
    }

    public void removeLatencyListener(Consumer<DiskFaults> listener) {
        latencyListeners.remove(listener);
    }

    public String diskId() {
        return diskId;
    }

    /** Throw if the disk refuses this kind of I/O, then wait out the injected latency. */
    void check(IoKind kind) {
        if (offline) {
            throw new DiskIoException(diskId, "disk " + diskId + " is offline");
        }
        if (kind == IoKind.READ && failReads) {
            throw new DiskIoException(diskId, "injected read failure on disk " + diskId);
        }
        if (kind == IoKind.WRITE && failWrites) {
            throw new DiskIoException(diskId, "injected write failure on disk " + diskId);
        }
        Duration d = latency;
        if (!d.isZero()) {
            pauser.pause(d);
        }
    }

    private void changed() {
        for (Consumer<DiskFaults> l : listeners) {
            l.accept(this);
        }
    }
}
