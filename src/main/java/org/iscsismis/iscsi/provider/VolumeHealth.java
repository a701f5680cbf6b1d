package org.iscsismis.iscsi.provider;

import java.util.ArrayList;
import java.util.List;

import org.iscsismis.iscsi.disk.DiskFaults;
import org.iscsismis.provider.job.OperationalStatus;

/**
 * What a volume's OperationalStatus, StatusDescriptions and HealthState say about its faults (CIM_ManagedSystemElement,
 * DMTF 2.49 value maps). Offline: 13 Lost Communication (the backing store is known but unreachable), HealthState 20
 * Major failure. Reads or writes failing: 6 Error, 20 Major failure. Added latency only: 3 Degraded, 10
 * Degraded/Warning; with an error it is listed second. No fault: 2 OK, 5 OK. Every fault the engine can clear, so none
 * is 25 Critical or 30 Non-recoverable.
 */
record VolumeHealth(List<OperationalStatus> status, List<String> descriptions, HealthState health) {

    /** CIM_ManagedSystemElement.HealthState, the values a volume shows. */
    enum HealthState {
        OK(5),
        DEGRADED_WARNING(10),
        MAJOR_FAILURE(20);

        private final int code;

        HealthState(int code) {
            this.code = code;
        }

        int code() {
            return code;
        }
    }

    /** OperationalStatus as its codes. */
    List<Integer> statusCodes() {
        return status.stream().map(OperationalStatus::code).toList();
    }

    static VolumeHealth of(DiskFaults faults) {
        List<OperationalStatus> status = new ArrayList<>();
        List<String> descriptions = new ArrayList<>();
        HealthState health = HealthState.OK;
        if (faults.isOffline()) {
            status.add(OperationalStatus.LOST_COMMUNICATION);
            descriptions.add("Offline: every read and write fails");
            health = HealthState.MAJOR_FAILURE;
        } else if (faults.failsReads() || faults.failsWrites()) {
            status.add(OperationalStatus.ERROR);
            descriptions.add(faults.failsReads() && faults.failsWrites() ? "Reads and writes fail"
                    : faults.failsReads() ? "Reads fail" : "Writes fail");
            health = HealthState.MAJOR_FAILURE;
        }
        if (!faults.latency().isZero()) {
            status.add(OperationalStatus.DEGRADED);
            descriptions.add("Every I/O waits " + faults.latency().toMillis() + " ms");
            if (health == HealthState.OK) {
                health = HealthState.DEGRADED_WARNING;
            }
        }
        if (status.isEmpty()) {
            status.add(OperationalStatus.OK);
            descriptions.add(OperationalStatus.OK.displayName());
        }
        return new VolumeHealth(List.copyOf(status), List.copyOf(descriptions), health);
    }
}
