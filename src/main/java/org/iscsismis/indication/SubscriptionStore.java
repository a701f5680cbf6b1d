package org.iscsismis.indication;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.iscsismis.cim.CimClass;
import org.iscsismis.cim.CimException;
import org.iscsismis.cim.CimInstance;
import org.iscsismis.cim.CimName;
import org.iscsismis.cim.CimNamespace;
import org.iscsismis.cim.CimProperty;
import org.iscsismis.cim.CimStatus;
import org.iscsismis.cim.CimType;
import org.iscsismis.cim.CimValue;
import org.iscsismis.cim.ObjectPath;
import org.iscsismis.indication.SubscriptionLog.Kept;
import org.iscsismis.indication.SubscriptionLog.Kind;
import org.iscsismis.provider.AssociationEnds;
import org.iscsismis.provider.Requester;
import org.iscsismis.repository.CimRepository;

/**
 * The filters, listener destinations and subscriptions, in memory and, with a data directory, in its
 * {@link SubscriptionLog}. Every change is checked first, then kept in the log, then made whole; or not at all.
 * Mutations are serialized; the enabled subscriptions are read by the router from an immutable snapshot, republished
 * on every change.
 */
final class SubscriptionStore {

    private final CimRepository repository;
    private final HostedKeys keys;
    private final IndicationSettings settings;
    private final Clock clock;
    private final FilterFactory filters;
    private final DestinationFactory destinations;
    private final Consumer<List<Subscription>> onChange;

    private final Map<String, Filter> filterByName = new LinkedHashMap<>();
    private final Map<String, Destination> destinationByName = new LinkedHashMap<>();
    private final Map<String, Subscription> subscriptionByEnds = new LinkedHashMap<>();
    private volatile List<Subscription> enabled = List.of();
    private SubscriptionLog log = SubscriptionLog.NONE;

    /** @param onChange told the enabled subscriptions after every change (under the store's lock) */
    SubscriptionStore(CimRepository repository, HostedKeys keys, IndicationSettings settings, Clock clock,
                      Consumer<List<Subscription>> onChange) {
        this.repository = repository;
        this.keys = keys;
        this.settings = settings;
        this.clock = clock;
        this.filters = new FilterFactory(repository, keys, filterByName::containsKey);
        this.destinations = new DestinationFactory(repository, keys, destinationByName::containsKey);
        this.onChange = onChange;
    }

    /** Every change is kept in {@code log} from now on (after what it kept has been restored). */
    synchronized void keepIn(SubscriptionLog log) {
        this.log = log;
    }

    synchronized boolean persisted() {
        return log != SubscriptionLog.NONE;
    }

    /** The enabled subscriptions (an immutable snapshot). */
    List<Subscription> enabled() {
        return enabled;
    }

    // ------------------------------------------------------------------ filters and destinations

    synchronized Filter createFilter(CimInstance given, Requester creator) {
        Filter f = filters.create(given, creator);
        if (filterByName.containsKey(f.name())) {
            throw new CimException(CimStatus.ALREADY_EXISTS, "Filter " + f.name() + " already exists");
        }
        limit(filterByName.size(), settings.maxFilters(), "filters");
        log.saved(Kind.FILTER, f.name(), new Kept(f.instance(), creator.name(), null));
        filterByName.put(f.name(), f);
        return f;
    }

    synchronized Destination createDestination(CimInstance given) {
        Destination d = destinations.create(given);
        if (destinationByName.containsKey(d.name())) {
            throw new CimException(CimStatus.ALREADY_EXISTS, "Listener destination " + d.name() + " already exists");
        }
        limit(destinationByName.size(), settings.maxDestinations(), "listener destinations");
        String password = ClientInstances.text(ClientInstances.typed(repository.getClass(keys.namespace(), given.className()), given),
                "password");
        log.saved(Kind.DESTINATION, d.name(), new Kept(ClientInstances.withText(d.instance(), "password", password), "", null));
        destinationByName.put(d.name(), d);
        return d;
    }

    synchronized List<Filter> filters() {
        return List.copyOf(filterByName.values());
    }

    synchronized List<Destination> destinations() {
        return List.copyOf(destinationByName.values());
    }

    synchronized Filter filter(ObjectPath path) {
        Filter f = filterByName.get(HostedKeys.name(path));
        if (f == null || !samePath(f.path(), path)) {
            throw new CimException(CimStatus.NOT_FOUND, "No indication filter " + path);
        }
        return f;
    }

    synchronized Destination destination(ObjectPath path) {
        Destination d = destinationByName.get(HostedKeys.name(path));
        if (d == null || !samePath(d.path(), path)) {
            throw new CimException(CimStatus.NOT_FOUND, "No listener destination " + path);
        }
        return d;
    }

    /** Deletes a filter; CIM_ERR_FAILED while a subscription refers to it (DSP1054). */
    synchronized void deleteFilter(ObjectPath path) {
        Filter f = filter(path);
        refuseWhileSubscribed(subscriptionsOf(s -> s.filter() == f), "Filter " + f.name());
        log.removed(Kind.FILTER, f.name());
        filterByName.remove(f.name());
    }

    /** Deletes a destination; CIM_ERR_FAILED while a subscription refers to it. */
    synchronized Destination deleteDestination(ObjectPath path) {
        Destination d = destination(path);
        refuseWhileSubscribed(subscriptionsOf(s -> s.destination() == d), "Listener destination " + d.name());
        log.removed(Kind.DESTINATION, d.name());
        destinationByName.remove(d.name());
        return d;
    }

    private static void refuseWhileSubscribed(List<Subscription> subscriptions, String what) {
        if (!subscriptions.isEmpty()) {
            throw new CimException(CimStatus.FAILED, what + " is referenced by " + subscriptions.size()
                    + " subscription(s); delete the subscriptions first");
        }
    }

    // ------------------------------------------------------------------ subscriptions

    /**
     * @throws CimException ACCESS_DENIED if {@code creator} may not read one of the filter's source namespaces
     */
    synchronized Subscription createSubscription(CimInstance given, Requester creator) {
        return createSubscription(given, creator, clock.instant());
    }

    /** @param started its SubscriptionStartTime: now, or when it was first created (restored after a restart) */
    synchronized Subscription createSubscription(CimInstance given, Requester creator, Instant started) {
        CimClass cls = repository.getClass(keys.namespace(), given.className());
        CimInstance typed = ClientInstances.typed(cls, given);
        Filter filter = filterByName.get(referencedName(typed, "Filter", IndicationNames.FILTER));
        if (filter == null) {
            throw dangling(typed, "Filter", "indication filter");
        }
        Destination destination = destinationByName.get(referencedName(typed, "Handler", IndicationNames.DESTINATION));
        if (destination == null) {
            throw dangling(typed, "Handler", "listener destination");
        }
        for (CimNamespace source : filter.queries().keySet()) {
            if (!creator.mayRead(source)) {
                throw new CimException(CimStatus.ACCESS_DENIED, "Subscription: filter " + filter.name() + " looks at namespace "
                        + source + ", which " + creator.described() + " may not read; a subscription delivers only what its "
                        + "creator may read");
            }
        }
        String ends = ends(filter, destination);
        if (subscriptionByEnds.containsKey(ends)) {
            throw new CimException(CimStatus.ALREADY_EXISTS, "Filter " + filter.name() + " is already subscribed to "
                    + destination.name());
        }
        SubscriptionState state = settableState(ClientInstances.number(typed, "SubscriptionState"));
        Long policy = ClientInstances.number(typed, "OnFatalErrorPolicy");
        OnFatalErrorPolicy onFatal = policy == null ? null : Coded.of(OnFatalErrorPolicy.class, policy, "OnFatalErrorPolicy");
        if (onFatal == OnFatalErrorPolicy.OTHER) {
            throw new CimException(CimStatus.NOT_SUPPORTED, "OnFatalErrorPolicy 1 (Other) is not supported; use 2 Ignore, 3 Disable or 4 Remove");
        }
        Long repeat = ClientInstances.number(typed, "RepeatNotificationPolicy");
        if (repeat != null && Coded.of(RepeatNotificationPolicy.class, repeat, "RepeatNotificationPolicy") != RepeatNotificationPolicy.NONE) {
            throw new CimException(CimStatus.NOT_SUPPORTED, "RepeatNotificationPolicy " + repeat
                    + " is not supported; this server delivers every indication (2 None)");
        }
        Long duration = positiveDuration(ClientInstances.number(typed, "SubscriptionDuration"));
        limit(subscriptionByEnds.size(), settings.maxSubscriptions(), "subscriptions");
        ObjectPath path = ObjectPath.builder(cls.name()).namespace(keys.namespace())
                .key("Filter", CimValue.ofReference(filter.path()))
                .key("Handler", CimValue.ofReference(destination.path())).build();
        Subscription s = new Subscription(path, filter, destination, typed, creator, onFatal, state, duration,
                ClientInstances.text(typed, "SubscriptionInfo"), started);
        log.saved(Kind.SUBSCRIPTION, ends, kept(s, s.instance(started)));
        subscriptionByEnds.put(ends, s);
        changed();
        return s;
    }

    synchronized List<Subscription> subscriptions() {
        return List.copyOf(subscriptionByEnds.values());
    }

    synchronized Subscription subscription(ObjectPath path) {
        Subscription s = subscriptionByEnds.get(referencedName(path.key("Filter")) + "\u0000" + referencedName(path.key("Handler")));
        if (s == null) {
            throw new CimException(CimStatus.NOT_FOUND, "No indication subscription " + path);
        }
        return s;
    }

    /** ModifyInstance: SubscriptionState (2 or 4), SubscriptionInfo and SubscriptionDuration; other properties are read-only. */
    synchronized void modifySubscription(ObjectPath path, CimInstance modified, List<CimName> propertyList) {
        Subscription s = subscription(path);
        CimClass cls = repository.getClass(keys.namespace(), path.className());
        CimInstance typed = ClientInstances.typed(cls, modified);
        SubscriptionState state = taken(modified, propertyList, "SubscriptionState")
                ? settableState(ClientInstances.number(typed, "SubscriptionState")) : null;
        boolean takeDuration = taken(modified, propertyList, "SubscriptionDuration");
        Long duration = takeDuration ? positiveDuration(ClientInstances.number(typed, "SubscriptionDuration")) : null;
        boolean takeInfo = taken(modified, propertyList, "SubscriptionInfo");
        String info = ClientInstances.text(typed, "SubscriptionInfo");
        CimInstance next = s.instance(clock.instant());
        if (state != null) {
            next = next.withProperty(CimProperty.of("SubscriptionState", CimValue.ofUint16(state.code())));
        }
        if (takeDuration) {
            next = next.withProperty(CimProperty.of("SubscriptionDuration",
                    duration == null ? CimValue.nullOf(CimType.UINT64) : CimValue.ofUint64(duration)));
        }
        if (takeInfo) {
            next = next.withProperty(CimProperty.of("SubscriptionInfo",
                    info == null ? CimValue.nullOf(CimType.STRING) : CimValue.ofString(info)));
        }
        log.saved(Kind.SUBSCRIPTION, ends(s.filter(), s.destination()), kept(s, next));
        if (state != null) {
            s.setState(state, clock.instant());
        }
        if (takeDuration) {
            s.setDuration(duration);
        }
        if (takeInfo) {
            s.setInfo(info);
        }
        changed();
    }

    private static boolean taken(CimInstance modified, List<CimName> propertyList, String name) {
        return propertyList == null ? modified.property(name) != null : propertyList.contains(CimName.of(name));
    }

    synchronized void deleteSubscription(ObjectPath path) {
        remove(subscription(path));
    }

    /** Removes {@code s} if it is still stored; true if it was. */
    synchronized boolean remove(Subscription s) {
        String ends = ends(s.filter(), s.destination());
        if (subscriptionByEnds.get(ends) == s) {
            log.removed(Kind.SUBSCRIPTION, ends);
        }
        boolean removed = subscriptionByEnds.remove(ends, s);
        if (removed) {
            s.markRemoved();
            changed();
        }
        return removed;
    }

    /** Sets the state of {@code s} (if still stored) and republishes the enabled set. */
    synchronized void setState(Subscription s, SubscriptionState state) {
        String ends = ends(s.filter(), s.destination());
        if (subscriptionByEnds.get(ends) == s && s.state() != state) {
            log.saved(Kind.SUBSCRIPTION, ends, kept(s, s.instance(clock.instant())
                    .withProperty(CimProperty.of("SubscriptionState", CimValue.ofUint16(state.code())))));
            s.setState(state, clock.instant());
            changed();
        }
    }

    synchronized List<Subscription> subscriptionsOf(java.util.function.Predicate<Subscription> which) {
        return subscriptionByEnds.values().stream().filter(which).toList();
    }

    private void changed() {
        List<Subscription> now = new ArrayList<>();
        for (Subscription s : subscriptionByEnds.values()) {
            if (s.isEnabled()) {
                now.add(s);
            }
        }
        enabled = List.copyOf(now);
        onChange.accept(enabled);
    }

    // ------------------------------------------------------------------ checks

    private String referencedName(CimInstance typed, String role, CimName expected) {
        CimValue v = typed.value(role);
        if (v == null || v.isNull()) {
            throw new CimException(CimStatus.INVALID_PARAMETER, "Subscription: reference " + role + " is required");
        }
        ObjectPath ref = AssociationEnds.absolute(v.asReference(), keys.namespace());
        if (!repository.canonicalNamespace(ref.namespace()).equals(keys.namespace())
                || !repository.hasClass(keys.namespace(), ref.className())
                || !repository.isSubclassOf(keys.namespace(), ref.className(), expected)) {
            throw new CimException(CimStatus.INVALID_PARAMETER, "Subscription: reference " + role + " must name a "
                    + expected + " in " + keys.namespace() + ", not " + ref);
        }
        return HostedKeys.name(ref);
    }

    private static String referencedName(CimValue v) {
        return v == null || v.isNull() || !v.type().isReference() ? null : HostedKeys.name(v.asReference());
    }

    private static CimException dangling(CimInstance typed, String role, String what) {
        return new CimException(CimStatus.INVALID_PARAMETER, "Subscription: " + role + " refers to " + typed.value(role).asReference()
                + ", but no such " + what + " exists");
    }

    private static SubscriptionState settableState(Long code) {
        if (code == null) {
            return SubscriptionState.ENABLED;
        }
        SubscriptionState s = Coded.of(SubscriptionState.class, code, "SubscriptionState");
        if (s != SubscriptionState.ENABLED && s != SubscriptionState.DISABLED) {
            throw new CimException(CimStatus.INVALID_PARAMETER, "SubscriptionState " + code + " cannot be set; use 2 (Enabled) or 4 (Disabled)");
        }
        return s;
    }

    private static Long positiveDuration(Long seconds) {
        if (seconds != null && seconds <= 0) {
            throw new CimException(CimStatus.INVALID_PARAMETER, "SubscriptionDuration must be a positive number of seconds, or NULL for no end");
        }
        return seconds;
    }

    private static void limit(int current, int max, String what) {
        if (current >= max) {
            throw new CimException(CimStatus.SERVER_LIMITS_EXCEEDED, "This server holds at most " + max + " " + what);
        }
    }

    private static Kept kept(Subscription s, CimInstance now) {
        return new Kept(now.withPath(null), s.creator().name(), s.started());
    }

    private static String ends(Filter f, Destination d) {
        return f.name() + "\u0000" + d.name();
    }

    /** Same path as ours, ignoring host and the case of the class-name keys. */
    private boolean samePath(ObjectPath ours, ObjectPath asked) {
        ObjectPath a = AssociationEnds.absolute(asked, keys.namespace());
        return repository.canonicalNamespace(a.namespace()).equals(ours.namespace()) && a.className().equals(ours.className())
                && equalsIgnoreCase(ours, a, "SystemCreationClassName") && equalsIgnoreCase(ours, a, "CreationClassName")
                && HostedKeys.name(a) != null && keys.systemName().equals(text(a, "SystemName"));
    }

    private static boolean equalsIgnoreCase(ObjectPath ours, ObjectPath asked, String key) {
        String t = text(asked, key);
        return t != null && t.equalsIgnoreCase(text(ours, key));
    }

    private static String text(ObjectPath p, String key) {
        CimValue v = p.key(key);
        return v == null || v.isNull() ? null : v.toText();
    }
}
