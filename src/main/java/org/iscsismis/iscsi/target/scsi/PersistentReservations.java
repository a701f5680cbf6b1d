package org.iscsismis.iscsi.target.scsi;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The persistent reservation state of one logical unit (SPC-4 §5.9): registered reservation keys by initiator port
 * (name and ISID, so a registration outlives a session), the reservation and its holder, the PRgeneration counter.
 * Not kept across restarts (APTPL is not supported). All methods are atomic; refusals are {@link ScsiError}s or a
 * {@code false} meaning RESERVATION CONFLICT.
 */
public final class PersistentReservations {

    /** What a command does to the medium, for the conflict rules of SPC-4 table 63. */
    public enum Access { READ, WRITE, OTHER }

    /** One registration, as READ FULL STATUS reports it. */
    public record Registration(String initiatorPort, long key, boolean holder) {
    }

    private final Map<String, Long> keys = new LinkedHashMap<>();
    private ReservationType type;
    private String holder;
    private int generation;

    /** True if a command of {@code access} from {@code port} must end in RESERVATION CONFLICT. */
    public synchronized boolean conflicts(String port, Access access) {
        if (type == null || access == Access.OTHER || holds(port)) {
            return false;
        }
        if (type.registrantsAccess() && keys.containsKey(port)) {
            return false;
        }
        return access == Access.WRITE || type.exclusiveAccess();
    }

    public synchronized boolean hasReservation() {
        return type != null;
    }

    private boolean holds(String port) {
        return type != null && (type.allRegistrants() ? keys.containsKey(port) : port.equals(holder));
    }

    /**
     * REGISTER (or, with {@code ignoreExisting}, REGISTER AND IGNORE EXISTING KEY).
     *
     * @return false for RESERVATION CONFLICT: the reservation key does not match the port's registration
     */
    public synchronized boolean register(String port, long key, long newKey, boolean ignoreExisting, UnitAttentionSink ua) {
        Long current = keys.get(port);
        if (!ignoreExisting && (current == null ? key != 0 : current != key)) {
            return false;
        }
        if (current == null && newKey == 0) {
            return true;
        }
        if (newKey == 0) {
            unregister(port, ua);
        } else {
            keys.put(port, newKey);
        }
        generation++;
        return true;
    }

    private void unregister(String port, UnitAttentionSink ua) {
        boolean wasHolder = holds(port);
        keys.remove(port);
        if (!wasHolder) {
            return;
        }
        if (type.allRegistrants() && !keys.isEmpty()) {
            return;
        }
        ReservationType released = type;
        clearReservation();
        if (released == ReservationType.WRITE_EXCLUSIVE_REGISTRANTS_ONLY || released == ReservationType.EXCLUSIVE_ACCESS_REGISTRANTS_ONLY) {
            keys.keySet().forEach(p -> ua.raise(p, AdditionalSense.RESERVATIONS_RELEASED));
        }
    }

    /** RESERVE: false for RESERVATION CONFLICT. */
    public synchronized boolean reserve(String port, long key, ReservationType requested) {
        if (!registeredWith(port, key)) {
            return false;
        }
        if (type == null) {
            type = requested;
            holder = port;
            return true;
        }
        return holds(port) && type == requested;
    }

    /** RELEASE: false for RESERVATION CONFLICT; INVALID RELEASE OF PERSISTENT RESERVATION for a type mismatch. */
    public synchronized boolean release(String port, long key, ReservationType requested, UnitAttentionSink ua) {
        if (!registeredWith(port, key)) {
            return false;
        }
        if (type == null || !holds(port)) {
            return true;
        }
        if (type != requested) {
            throw ScsiError.of(AdditionalSense.INVALID_RELEASE_OF_PERSISTENT_RESERVATION, "the reservation is of type "
                    + type + ", not " + requested);
        }
        ReservationType released = type;
        clearReservation();
        if (released.registrantsAccess()) {
            keys.keySet().stream().filter(p -> !p.equals(port)).forEach(p -> ua.raise(p, AdditionalSense.RESERVATIONS_RELEASED));
        }
        return true;
    }

    /** CLEAR: every registration and the reservation go; false for RESERVATION CONFLICT. */
    public synchronized boolean clear(String port, long key, UnitAttentionSink ua) {
        if (!registeredWith(port, key)) {
            return false;
        }
        keys.keySet().stream().filter(p -> !p.equals(port)).forEach(p -> ua.raise(p, AdditionalSense.RESERVATIONS_PREEMPTED));
        keys.clear();
        clearReservation();
        generation++;
        return true;
    }

    /**
     * PREEMPT (and PREEMPT AND ABORT): removes the registrations with key {@code victimKey} and, if that key held the
     * reservation, takes it over with {@code requested}. False for RESERVATION CONFLICT.
     */
    public synchronized boolean preempt(String port, long key, long victimKey, ReservationType requested, UnitAttentionSink ua) {
        if (!registeredWith(port, key)) {
            return false;
        }
        boolean takesReservation;
        List<String> victims = new ArrayList<>();
        if (type != null && type.allRegistrants()) {
            if (victimKey == 0) {
                keys.keySet().stream().filter(p -> !p.equals(port)).forEach(victims::add);
                takesReservation = true;
            } else {
                keys.forEach((p, k) -> { if (k == victimKey) { victims.add(p); } });
                takesReservation = false;
            }
        } else {
            if (victimKey == 0) {
                throw ScsiError.invalidParameter(8, -1, "SERVICE ACTION RESERVATION KEY 0 preempts nothing");
            }
            keys.forEach((p, k) -> { if (k == victimKey) { victims.add(p); } });
            takesReservation = type != null && holder != null && keys.get(holder) == victimKey;
        }
        if (victims.isEmpty() && !takesReservation) {
            return false;
        }
        victims.stream().filter(p -> !p.equals(port)).forEach(p -> {
            keys.remove(p);
            ua.raise(p, AdditionalSense.REGISTRATIONS_PREEMPTED);
        });
        if (takesReservation) {
            type = requested;
            holder = port;
        }
        generation++;
        return true;
    }

    private boolean registeredWith(String port, long key) {
        Long current = keys.get(port);
        return current != null && current == key;
    }

    private void clearReservation() {
        type = null;
        holder = null;
    }

    public synchronized int generation() {
        return generation;
    }

    public synchronized List<Long> keys() {
        return List.copyOf(keys.values());
    }

    /** The reservation's type, or null. */
    public synchronized ReservationType type() {
        return type;
    }

    /** The key READ RESERVATION reports: the holder's, or 0 for an all-registrants reservation. */
    public synchronized long reservationKey() {
        if (type == null || type.allRegistrants()) {
            return 0;
        }
        return keys.getOrDefault(holder, 0L);
    }

    public synchronized List<Registration> registrations() {
        List<Registration> out = new ArrayList<>();
        keys.forEach((p, k) -> out.add(new Registration(p, k, holds(p))));
        return out;
    }

    /** Where unit attentions for other initiator ports go. */
    @FunctionalInterface
    public interface UnitAttentionSink {
        void raise(String initiatorPort, AdditionalSense sense);
    }
}
