package org.iscsismis.iscsi.provider;

import java.time.Duration;
import java.util.Locale;
import java.util.NoSuchElementException;

import org.iscsismis.cim.CimName;
import org.iscsismis.cim.CimNamespace;
import org.iscsismis.cim.ObjectPath;
import org.iscsismis.iscsi.disk.DiskFaults;
import org.iscsismis.provider.MethodResult;
import org.iscsismis.provider.ProviderContext;
import org.iscsismis.replication.ReplicationEngine;

/**
 * {@code ISMIS_FaultInjectionService}, our vendor class: one instance whose methods inject the faults the engine
 * can simulate and clear them. A volume that fails reads or writes or goes offline breaks every pair it belongs to
 * while data flows (CopyState Broken); a cut link partitions its pair (Partitioned); latency slows every I/O of
 * the volume. Clearing the fault lets each pair recover by its CopyRecoveryMode (the engine's rule). Each method
 * answers 0, or 5 (Invalid Parameter) for a reference that is not one of this target's volumes or pairs, or a
 * latency outside 1..5000 ms. WriteBlocks and ReadBlocks give clients without an iSCSI initiator a host's access to
 * a volume's blocks ({@link BlockAccess}).
 *
 * <p>The server registers this provider, and defines the class, only when fault injection is enabled.
 */
public final class FaultInjectionProvider extends ServiceProvider {

    public static final CimName CLASS = CimName.of("ISMIS_FaultInjectionService");
    static final String NAME = "FaultInjectionService";
    static final long MAX_LATENCY_MS = 5000;

    /** ClearVolumeFault's Fault values. */
    private static final int ALL = 0;
    private static final int READ_FAILURE = 2;
    private static final int WRITE_FAILURE = 3;
    private static final int OFFLINE = 4;
    private static final int LATENCY = 5;

    private final ReplicationEngine engine;

    public FaultInjectionProvider(ReplicationEngine engine) {
        super(CLASS, "iSCSI target fault injection",
                "Injects and clears faults of the simulated target's volumes and replication links, for testing clients");
        this.engine = engine;
    }

    static ObjectPath servicePath(CimNamespace ns) {
        return SystemElements.servicePath(CLASS, NAME, ns);
    }

    @Override
    ObjectPath path(CimNamespace ns) {
        return servicePath(ns);
    }

    @Override
    MethodResult call(ProviderContext context, ObjectPath service, CimName method, CallArguments args) {
        switch (method.toString().toLowerCase(Locale.ROOT)) {
            case "failreads" -> faults(args).failReads(true);
            case "failwrites" -> faults(args).failWrites(true);
            case "takeoffline" -> faults(args).offline(true);
            case "addlatency" -> faults(args).latency(latency(args));
            case "clearvolumefault" -> clear(faults(args), args.uint16("Fault"));
            case "cutlink" -> link(args, true);
            case "restorelink" -> link(args, false);
            case "writeblocks" -> {
                return BlockAccess.write(args.volume("Volume", engine.disks(), true), args);
            }
            case "readblocks" -> {
                return BlockAccess.read(args.volume("Volume", engine.disks(), true), args);
            }
            default -> {
                return null;
            }
        }
        return ReturnCode.COMPLETED.result();
    }

    private DiskFaults faults(CallArguments args) {
        return args.volume("Volume", engine.disks(), true).faults();
    }

    private void link(CallArguments args, boolean down) {
        String pairId = args.synchronization("Synchronization", engine).id();
        try {
            engine.setPathDown(pairId, down);
        } catch (NoSuchElementException e) {
            throw MethodRefusal.invalid("the replication pair " + pairId + " no longer exists");
        }
    }

    private static Duration latency(CallArguments args) {
        Long ms = args.uint64("Milliseconds");
        if (ms == null || ms < 1 || ms > MAX_LATENCY_MS) {
            throw MethodRefusal.invalid("Milliseconds must be 1.." + MAX_LATENCY_MS + ", not " + ms);
        }
        return Duration.ofMillis(ms);
    }

    private static void clear(DiskFaults faults, Integer fault) {
        switch (fault == null ? ALL : fault) {
            case ALL -> faults.clear();
            case READ_FAILURE -> faults.failReads(false);
            case WRITE_FAILURE -> faults.failWrites(false);
            case OFFLINE -> faults.offline(false);
            case LATENCY -> faults.latency(Duration.ZERO);
            default -> throw MethodRefusal.invalid("Fault " + fault + " is not in the value map (0, 2, 3, 4, 5)");
        }
    }
}
