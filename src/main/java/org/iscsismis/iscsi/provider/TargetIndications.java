package org.iscsismis.iscsi.provider;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.iscsismis.cim.CimInstance;
import org.iscsismis.cim.CimNamespace;
import org.iscsismis.cim.CimValue;
import org.iscsismis.iscsi.disk.DiskFaults;
import org.iscsismis.iscsi.disk.DiskPool;
import org.iscsismis.iscsi.disk.DiskRegistry;
import org.iscsismis.iscsi.disk.VirtualDisk;
import org.iscsismis.iscsi.target.VolumeIdentity;
import org.iscsismis.provider.Alert;
import org.iscsismis.provider.IndicationProvider;
import org.iscsismis.provider.InstanceIndications;
import org.iscsismis.provider.ProviderContext;
import org.iscsismis.replication.CopyState;
import org.iscsismis.replication.PairSnapshot;
import org.iscsismis.replication.ReplicationEngine;
import org.iscsismis.replication.ReplicationListener;
import org.iscsismis.replication.Trigger;

/**
 * What changes in the iSCSI target, as indications, while someone is subscribed:
 * <ul>
 * <li>MSISCSITARGET_StorageSynchronized: CIM_InstCreation, CIM_InstModification for every change the engine reports
 *     (CopyState, SyncState, ProgressStatus, Mode ...) and for PercentSynced in steps no finer than the configured
 *     step (100 always), CIM_InstDeletion when the pair goes;</li>
 * <li>MSISCSITARGET_StorageVolume: creation and deletion;</li>
 * <li>MSISCSITARGET_StoragePool: modification when its free space moved by at least the step (of its capacity)
 *     since last indicated, and when it becomes empty or full; checked whenever the pool takes or returns space;</li>
 * <li>CIM_AlertIndication when a pair goes Broken or a disk faults (Major Device Alerts), when a pair's link is cut
 *     and it goes Partitioned (a Major Communications Alert), when latency is added to a disk (a Degraded/Warning
 *     Quality of Service Alert), and when each ends (Information, ProbableCause Previous Alert Cleared).</li>
 * </ul>
 * PreviousInstance is the instance as last indicated. Engine events arrive on the engine's event thread in order;
 * volume and fault events on the thread that caused them.
 */
public final class TargetIndications implements IndicationProvider {

    private final ReplicationEngine engine;
    private final DiskRegistry disks;
    private final VolumeIdentity identity;
    private final int stepPercent;
    private final Map<String, CimInstance> lastPair = new ConcurrentHashMap<>();
    private final Map<String, CimInstance> lastPool = new ConcurrentHashMap<>();
    private final Map<String, Consumer<DiskFaults>> faultWatchers = new ConcurrentHashMap<>();
    private final Map<String, Boolean> diskHealthy = new ConcurrentHashMap<>();
    private final Map<String, Duration> diskLatency = new ConcurrentHashMap<>();
    private final Listener listener = new Listener();
    private volatile Consumer<CimInstance> publisher;
    private volatile CimNamespace ns = StorageElements.NAMESPACE;

    /** @param stepPercent PercentSynced and pool space are indicated in steps no finer than this (percent) */
    public TargetIndications(ReplicationEngine engine, DiskRegistry disks, VolumeIdentity identity, int stepPercent) {
        this.identity = identity;
        this.engine = engine;
        this.disks = disks;
        this.stepPercent = stepPercent;
    }

    @Override
    public synchronized void enableIndications(ProviderContext context, Consumer<CimInstance> publisher) {
        if (!context.namespace().equals(StorageElements.NAMESPACE) || this.publisher != null) {
            return;
        }
        ns = context.namespace();
        for (PairSnapshot p : engine.pairs()) {
            lastPair.put(p.id(), StorageSynchronizedMapping.instance(p, ns));
        }
        for (DiskPool pool : disks.pools()) {
            lastPool.put(pool.id(), StorageElements.pool(pool, ns));
        }
        disks.disks().forEach(this::watch);
        this.publisher = publisher;
        engine.addListener(listener);
        disks.addListener(listener);
    }

    @Override
    public synchronized void disableIndications(ProviderContext context) {
        if (!context.namespace().equals(StorageElements.NAMESPACE) || publisher == null) {
            return;
        }
        engine.removeListener(listener);
        disks.removeListener(listener);
        publisher = null;
        disks.disks().forEach(this::unwatch);
        lastPair.clear();
        lastPool.clear();
    }

    private void publish(CimInstance indication) {
        Consumer<CimInstance> p = publisher;
        if (p != null && indication != null) {
            p.accept(indication);
        }
    }

    // ------------------------------------------------------------------ pairs

    private void pairChanged(PairSnapshot after, boolean progressOnly) {
        CimInstance now = StorageSynchronizedMapping.instance(after, ns);
        CimInstance before = lastPair.get(after.id());
        if (before == null) {
            lastPair.put(after.id(), now);
            return;
        }
        if (progressOnly && !percentStep(percent(before, "PercentSynced"), percent(now, "PercentSynced"))) {
            return;
        }
        CimInstance m = InstanceIndications.modification(before, now);
        if (m != null) {
            lastPair.put(after.id(), now);
            publish(m);
        }
    }

    private boolean percentStep(long was, long is) {
        return is != was && (is == 100 || Math.abs(is - was) >= stepPercent);
    }

    private static long percent(CimInstance i, String property) {
        CimValue v = i.value(property);
        return v == null || v.isNull() ? 0 : v.asLong();
    }

    /** Entering or leaving Partitioned: the link between the pair's ends was cut, or is back. */
    private void partitionedAlert(PairSnapshot before, PairSnapshot after) {
        copyStateAlert(before, after, CopyState.PARTITIONED, Alert.AlertType.COMMUNICATIONS_ALERT,
                Alert.ProbableCause.COMMUNICATIONS_SUBSYSTEM_FAILURE, " is Partitioned: the link between its ends is down",
                "ISMIS-ALERT-PAIR-PARTITIONED", "ISMIS-ALERT-PAIR-LINK-RESTORED");
    }

    private void brokenAlert(PairSnapshot before, PairSnapshot after) {
        copyStateAlert(before, after, CopyState.BROKEN, Alert.AlertType.DEVICE_ALERT, Alert.ProbableCause.LOSS_OF_REDUNDANCY,
                " is Broken" + (after.faultCause() == null ? "" : ": " + after.faultCause()),
                "ISMIS-ALERT-PAIR-BROKEN", "ISMIS-ALERT-PAIR-RECOVERED");
    }

    /** A Major alert ({@code cause}) when the pair enters {@code state}, an Information one (cleared) when it leaves it. */
    private void copyStateAlert(PairSnapshot before, PairSnapshot after, CopyState state, Alert.AlertType type,
                                Alert.ProbableCause cause, String entered, String enteredId, String leftId) {
        boolean was = before.copyState() == state;
        boolean is = after.copyState() == state;
        if (was == is) {
            return;
        }
        String what = "Replication pair " + after.sourceDiskId() + " -> " + after.targetDiskId();
        publish(alert(type, is ? Alert.Severity.MAJOR : Alert.Severity.INFORMATION,
                is ? cause : Alert.ProbableCause.PREVIOUS_ALERT_CLEARED,
                is ? what + entered : what + " has recovered from " + state.displayName() + " (now CopyState "
                        + after.copyState().code() + " " + after.copyState().displayName() + ")",
                StorageSynchronizedMapping.path(after, ns), is ? enteredId : leftId,
                List.of(after.sourceDiskId(), after.targetDiskId())));
    }

    private CimInstance alert(Alert.AlertType type, Alert.Severity severity, Alert.ProbableCause cause, String text,
                              org.iscsismis.cim.ObjectPath element, String messageId, List<String> arguments) {
        return new Alert(type, severity, cause, text, element, StorageElements.SYSTEM_CREATION_CLASS_NAME,
                StorageElements.SYSTEM_NAME, messageId, arguments).instance();
    }

    // ------------------------------------------------------------------ pools, volumes, faults

    /** A pool's free space, indicated when it moved by at least the step (of its capacity) since last indicated, or the pool became empty or full. */
    private void poolChanged(DiskPool pool) {
        CimInstance before = lastPool.get(pool.id());
        if (before == null) {
            lastPool.putIfAbsent(pool.id(), StorageElements.pool(pool, ns));
            return;
        }
        long free = pool.freeBytes();
        long moved = Math.abs(percent(before, "RemainingManagedSpace") - free);
        boolean emptyOrFull = free == pool.capacityBytes() || free == 0;
        if (moved == 0 || (!emptyOrFull && moved * 100 < (long) stepPercent * Math.max(1, pool.capacityBytes()))) {
            return;
        }
        CimInstance now = StorageElements.pool(pool, ns);
        CimInstance m = InstanceIndications.modification(before, now);
        if (m != null && lastPool.replace(pool.id(), before, now)) {
            publish(m);
        }
    }

    private void watch(VirtualDisk disk) {
        diskHealthy.put(disk.id(), disk.faults().isHealthy());
        diskLatency.put(disk.id(), disk.faults().latency());
        faultWatchers.computeIfAbsent(disk.id(), id -> {
            Consumer<DiskFaults> w = f -> faultsChanged(disk, f);
            disk.faults().addListener(w);
            disk.faults().addLatencyListener(w);
            return w;
        });
    }

    private void unwatch(VirtualDisk disk) {
        Consumer<DiskFaults> w = faultWatchers.remove(disk.id());
        if (w != null) {
            disk.faults().removeListener(w);
            disk.faults().removeLatencyListener(w);
        }
        diskHealthy.remove(disk.id());
        diskLatency.remove(disk.id());
    }

    private void faultsChanged(VirtualDisk disk, DiskFaults f) {
        latencyChanged(disk, f.latency());
        boolean healthy = f.isHealthy();
        Boolean was = diskHealthy.put(disk.id(), healthy);
        if (was == null || was == healthy) {
            return;
        }
        String what = f.isOffline() ? "is offline" : f.failsWrites() ? "fails writes" : "fails reads";
        publish(alert(Alert.AlertType.DEVICE_ALERT, healthy ? Alert.Severity.INFORMATION : Alert.Severity.MAJOR,
                healthy ? Alert.ProbableCause.PREVIOUS_ALERT_CLEARED : Alert.ProbableCause.DISK_FAILURE,
                "Volume " + disk.id() + (healthy ? " has recovered from its fault" : " " + what),
                StorageElements.volumePath(disk.id(), ns), healthy ? "ISMIS-ALERT-VOLUME-RECOVERED" : "ISMIS-ALERT-VOLUME-FAULT",
                List.of(disk.id())));
    }

    /** Latency added to a disk (from none) or cleared (to none); a new amount while some is in force is not news. */
    private void latencyChanged(VirtualDisk disk, Duration latency) {
        Duration was = diskLatency.put(disk.id(), latency);
        if (was == null || was.isZero() == latency.isZero()) {
            return;
        }
        boolean slow = !latency.isZero();
        publish(alert(Alert.AlertType.QUALITY_OF_SERVICE_ALERT, slow ? Alert.Severity.DEGRADED_WARNING : Alert.Severity.INFORMATION,
                slow ? Alert.ProbableCause.RESPONSE_TIME_EXCESSIVE : Alert.ProbableCause.PREVIOUS_ALERT_CLEARED,
                "Volume " + disk.id() + (slow ? " answers every I/O " + latency.toMillis() + " ms late" : " no longer has added latency"),
                StorageElements.volumePath(disk.id(), ns), slow ? "ISMIS-ALERT-VOLUME-LATENCY" : "ISMIS-ALERT-VOLUME-LATENCY-CLEARED",
                slow ? List.of(disk.id(), Long.toString(latency.toMillis())) : List.of(disk.id())));
    }

    /** The engine's and the disk registry's events, turned into the above. */
    private final class Listener implements ReplicationListener, DiskRegistry.Listener {
        @Override
        public void pairCreated(PairSnapshot pair) {
            CimInstance now = StorageSynchronizedMapping.instance(pair, ns);
            lastPair.put(pair.id(), now);
            publish(InstanceIndications.creation(now));
        }

        @Override
        public void stateChanged(PairSnapshot before, PairSnapshot after, Trigger trigger) {
            pairChanged(after, false);
            brokenAlert(before, after);
            partitionedAlert(before, after);
        }

        @Override
        public void progress(PairSnapshot pair) {
            pairChanged(pair, true);
        }

        @Override
        public void pairRemoved(PairSnapshot last) {
            lastPair.remove(last.id());
            publish(InstanceIndications.deletion(StorageSynchronizedMapping.instance(last, ns)));
        }

        @Override
        public void diskCreated(VirtualDisk disk) {
            watch(disk);
            publish(InstanceIndications.creation(StorageElements.volume(disk, identity, ns)));
            poolChanged(disk.pool()); // a pool made after indications were enabled gets its baseline here
        }

        @Override
        public void poolSpaceChanged(DiskPool pool) {
            poolChanged(pool);
        }

        @Override
        public void diskDeleted(VirtualDisk disk) {
            unwatch(disk);
            publish(InstanceIndications.deletion(StorageElements.volume(disk, identity, ns)));
        }
    }
}
