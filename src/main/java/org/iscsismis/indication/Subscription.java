package org.iscsismis.indication;

import java.time.Duration;
import java.time.Instant;
import org.iscsismis.cim.CimDateTime;
import org.iscsismis.cim.CimInstance;
import org.iscsismis.cim.CimProperty;
import org.iscsismis.cim.CimType;
import org.iscsismis.cim.CimValue;
import org.iscsismis.cim.ObjectPath;
import org.iscsismis.provider.Requester;

/**
 * A CIM_IndicationSubscription: which filter's indications go to which destination, and its live state
 * (SubscriptionState, SubscriptionInfo, SubscriptionDuration, the last indication produced for it). State changes
 * are synchronized on the subscription; the filter, destination and policy never change.
 */
final class Subscription {

    private final ObjectPath path;
    private final Filter filter;
    private final Destination destination;
    private final CimInstance created;
    private final OnFatalErrorPolicy onFatalError;
    private final Instant startTime;
    private final Requester creator;

    private SubscriptionState state;
    private Instant lastStateChange;
    private Long durationSeconds;
    private String info;
    private String lastIndicationId;
    private boolean removed;
    private Instant lastIndicationTime;

    /**
     * @param created the instance as the client created it (typed, class defaults filled in), for the properties that
     *                never change
     * @param creator who created it: its indications are delivered only from namespaces the creator may read
     */
    Subscription(ObjectPath path, Filter filter, Destination destination, CimInstance created, Requester creator,
                 OnFatalErrorPolicy onFatalError, SubscriptionState state, Long durationSeconds, String info, Instant now) {
        this.path = path;
        this.filter = filter;
        this.destination = destination;
        this.created = created;
        this.creator = creator;
        this.onFatalError = onFatalError;
        this.state = state;
        this.durationSeconds = durationSeconds;
        this.info = info;
        this.startTime = now;
        this.lastStateChange = now;
    }

    ObjectPath path() {
        return path;
    }

    Filter filter() {
        return filter;
    }

    Destination destination() {
        return destination;
    }

    /** SubscriptionStartTime: when it was created (before a restart, if it was kept). */
    Instant started() {
        return startTime;
    }

    /** Who created it (not a CIM property: CIM_IndicationSubscription has none for it). */
    Requester creator() {
        return creator;
    }

    /** The policy on a failed delivery; null (not set) behaves as Ignore. */
    OnFatalErrorPolicy onFatalError() {
        return onFatalError;
    }

    synchronized SubscriptionState state() {
        return state;
    }

    /** True while stored and enabled: its deliveries are still wanted. */
    synchronized boolean isLive() {
        return !removed && isEnabled();
    }

    synchronized void markRemoved() {
        removed = true;
    }

    synchronized boolean isEnabled() {
        return state == SubscriptionState.ENABLED || state == SubscriptionState.ENABLED_DEGRADED;
    }

    /** Sets the state; true if it changed. */
    synchronized boolean setState(SubscriptionState s, Instant now) {
        if (s == state) {
            return false;
        }
        state = s;
        lastStateChange = now;
        return true;
    }

    synchronized void setInfo(String text) {
        info = text;
    }

    /** A new SubscriptionDuration, counted from now (null: no end). */
    synchronized void setDuration(Long seconds) {
        durationSeconds = seconds;
    }

    /** True once SubscriptionDuration has passed since the start. */
    synchronized boolean expired(Instant now) {
        return durationSeconds != null && !now.isBefore(startTime.plusSeconds(durationSeconds));
    }

    synchronized void produced(String indicationId, Instant at) {
        lastIndicationId = indicationId;
        lastIndicationTime = at;
    }

    /** The CIM instance as of {@code now}. */
    synchronized CimInstance instance(Instant now) {
        CimInstance i = created.withPath(path)
                .withProperty(CimProperty.of("SubscriptionState", CimValue.ofUint16(state.code())))
                .withProperty(CimProperty.of("TimeOfLastStateChange", time(lastStateChange)))
                .withProperty(CimProperty.of("SubscriptionStartTime", time(startTime)))
                .withProperty(CimProperty.of("SubscriptionInfo", info == null ? CimValue.nullOf(CimType.STRING) : CimValue.ofString(info)))
                .withProperty(CimProperty.of("SubscriptionDuration", durationSeconds == null ? CimValue.nullOf(CimType.UINT64)
                        : CimValue.ofUint64(durationSeconds)))
                .withProperty(CimProperty.of("SubscriptionTimeRemaining", durationSeconds == null ? CimValue.nullOf(CimType.UINT64)
                        : CimValue.ofUint64(Math.max(0, Duration.between(now, startTime.plusSeconds(durationSeconds)).toSeconds()))))
                .withProperty(CimProperty.of("LastIndicationIdentifier", lastIndicationId == null ? CimValue.nullOf(CimType.STRING)
                        : CimValue.ofString(lastIndicationId)))
                .withProperty(CimProperty.of("LastIndicationProductionDateTime", lastIndicationTime == null
                        ? CimValue.nullOf(CimType.DATETIME) : time(lastIndicationTime)));
        return i;
    }

    static CimValue time(Instant t) {
        return CimValue.ofDateTime(CimDateTime.ofInstant(t, 0));
    }

    @Override
    public String toString() {
        return "subscription of filter " + filter.name() + " to " + destination
                + (creator.name().isEmpty() ? "" : " (created by user \"" + creator.name() + "\")");
    }
}
