package org.iscsismis.indication;

import java.time.Clock;
import java.time.Instant;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.iscsismis.cim.CimInstance;
import org.iscsismis.cim.CimName;
import org.iscsismis.cim.CimNamespace;
import org.iscsismis.cim.CimProperty;
import org.iscsismis.cim.CimValue;
import org.iscsismis.cim.ObjectPath;
import org.iscsismis.cimxml.CimXmlExportCodec;
import org.iscsismis.cimxml.ExportTemplate;
import org.iscsismis.provider.Alert;
import org.iscsismis.provider.Requester;
import org.iscsismis.repository.CimRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The server's indication service (CIM_IndicationService of DSP1054): the subscriptions, the matching of every
 * published indication against their filters, and one ordered delivery queue per listener destination.
 *
 * <p>{@link #publish} is what sources call (providers through their publisher, the repository and job listeners): it
 * stamps the indication (IndicationIdentifier, IndicationTime), and for each enabled subscription whose filter looks
 * at the source namespace and selects it, and whose creator may read that namespace, queues it for the subscription's
 * destination, cut to the filter's SELECT list and carrying IndicationFilterName. The export request is written once
 * per filter and shared by the listeners subscribed to it. It never blocks and does no I/O.
 *
 * <p>When a delivery is given up after every retry, the subscription it was for follows its OnFatalErrorPolicy
 * (Disable: SubscriptionState 4; Remove: deleted; Ignore or NULL: kept); and when the destination has failed twice,
 * with no success in between, at least SubscriptionRemovalTimeInterval apart, SubscriptionRemovalAction Remove
 * deletes every subscription to it.
 */
public final class IndicationService implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(IndicationService.class);
    private static final AtomicInteger SERVICES = new AtomicInteger();

    private final IndicationSettings settings;
    private final HostedKeys keys;
    private final DeliveryScheduler scheduler;
    private final Clock clock;
    private final ExportSender sender;
    private final CimXmlExportCodec codec = new CimXmlExportCodec();
    private final ExecutorService executor;
    private final SubscriptionStore store;
    private final Map<Destination, ListenerQueue> queues = new ConcurrentHashMap<>();
    private final List<Consumer<Boolean>> activityListeners = new CopyOnWriteArrayList<>();
    private final AtomicLong indicationNumbers = new AtomicLong();
    private final String runId = Long.toString(System.currentTimeMillis(), 36);
    private volatile boolean active;

    /**
     * @param hostSystem the system hosting the object manager, in the interop namespace (its path gives the
     *                   namespace and the System* keys of every element here)
     */
    public IndicationService(CimRepository repository, ObjectPath hostSystem, IndicationSettings settings, DeliveryScheduler scheduler) {
        this(repository, hostSystem, settings, scheduler, new HttpExportSender(settings.deliveryTimeout()));
    }

    IndicationService(CimRepository repository, ObjectPath hostSystem, IndicationSettings settings, DeliveryScheduler scheduler,
                      ExportSender sender) {
        this.settings = settings;
        this.keys = HostedKeys.of(hostSystem);
        this.scheduler = scheduler;
        this.clock = scheduler.clock();
        this.sender = sender;
        int n = SERVICES.incrementAndGet();
        AtomicInteger threads = new AtomicInteger();
        this.executor = new ThreadPoolExecutor(2, 2, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), r -> {
            Thread t = new Thread(r, "indication-" + n + "-" + threads.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        ((ThreadPoolExecutor) executor).allowCoreThreadTimeOut(true);
        this.store = new SubscriptionStore(repository, keys, settings, clock, this::enabledChanged);
    }

    public IndicationSettings settings() {
        return settings;
    }

    public Clock clock() {
        return clock;
    }

    SubscriptionStore store() {
        return store;
    }

    HostedKeys keys() {
        return keys;
    }

    /**
     * Creates again an element kept before a restart, as its creator did (the checks run again: one the schema or
     * the creator's rights no longer allow is refused with the same CimException a client would get). Call before
     * {@link #keepIn}, so what is restored is not written again.
     */
    public void restore(SubscriptionLog.Kind kind, SubscriptionLog.Kept kept, Requester creator) {
        switch (kind) {
            case FILTER -> store.createFilter(kept.instance(), creator);
            case DESTINATION -> store.createDestination(kept.instance());
            case SUBSCRIPTION -> store.createSubscription(kept.instance(), creator, kept.started());
        }
    }

    /** Keeps every change of filters, destinations and subscriptions in {@code log} from now on (SubscriptionsPersisted). */
    public void keepIn(SubscriptionLog log) {
        store.keepIn(log);
    }

    /** True once the subscriptions are kept across restarts ({@link #keepIn}). */
    public boolean subscriptionsPersisted() {
        return store.persisted();
    }

    /** True while at least one subscription is enabled: sources skip building indications otherwise. */
    public boolean active() {
        return active;
    }

    /** Told true when the first subscription becomes enabled, false when the last one goes (under the store's lock: be quick). */
    public void addActivityListener(Consumer<Boolean> listener) {
        activityListeners.add(listener);
    }

    private void enabledChanged(List<Subscription> enabled) {
        boolean now = !enabled.isEmpty();
        if (now != active) {
            active = now;
            LOG.debug("Indication sources {}", now ? "enabled" : "disabled");
            activityListeners.forEach(l -> l.accept(now));
        }
    }

    // ------------------------------------------------------------------ publishing

    /** Matches {@code indication}, raised in {@code source}, against the subscriptions and queues the deliveries. */
    public void publish(CimNamespace source, CimInstance indication) {
        List<Subscription> subscriptions = store.enabled();
        if (subscriptions.isEmpty()) {
            return;
        }
        Instant now = clock.instant();
        String id = null;
        CimInstance stamped = null;
        Map<Filter, ExportTemplate> written = null; // one request per filter, shared by its listeners
        for (Subscription s : subscriptions) {
            if (s.expired(now)) {
                removeExpired(s);
                continue;
            }
            SourceQuery q = s.filter().queryFor(source);
            if (q == null || !s.creator().mayRead(source)) {
                continue;
            }
            if (stamped == null) {
                id = nextIdentifier();
                stamped = indication.withProperty(CimProperty.of("IndicationIdentifier", CimValue.ofString(id)))
                        .withProperty(CimProperty.of("IndicationTime", Subscription.time(now)));
            }
            if (!q.selects(stamped)) {
                continue;
            }
            s.produced(id, now);
            if (written == null) {
                written = new IdentityHashMap<>();
            }
            CimInstance from = stamped;
            ExportTemplate export = written.computeIfAbsent(s.filter(), f -> codec.template(shaped(from, f, q.query().selectList())));
            queue(s.destination()).offer(new Delivery(s, source, export));
        }
    }

    /** Removes an expired subscription off the publishing thread: with a data directory, removing writes the journal. */
    private void removeExpired(Subscription s) {
        try {
            executor.execute(() -> {
                try {
                    if (store.remove(s)) {
                        LOG.info("{} ended: its SubscriptionDuration has passed", s);
                    }
                } catch (RuntimeException e) { // e.g. the journal refused the removal: tried again at the next indication
                    LOG.error("Could not remove {}, whose SubscriptionDuration has passed", s, e);
                }
            });
        } catch (java.util.concurrent.RejectedExecutionException closing) {
            // closing: nothing is delivered any more; a kept subscription goes at the first indication after the next start
        }
    }

    /** The indication as filter {@code f} delivers it: IndicationFilterName set, cut to the SELECT list. */
    private static CimInstance shaped(CimInstance stamped, Filter f, List<CimName> select) {
        CimInstance named = stamped.withProperty(CimProperty.of("IndicationFilterName", CimValue.ofString(f.name())));
        if (select == null) {
            return named;
        }
        return named.withProperties(named.properties().stream().filter(p -> select.contains(p.name())).toList());
    }

    private String nextIdentifier() {
        return keys.systemName() + ":" + runId + ":" + indicationNumbers.incrementAndGet();
    }

    private ListenerQueue queue(Destination d) {
        return queues.computeIfAbsent(d, x -> new ListenerQueue(x, keys.systemName() + ":" + runId + ":" + x.name(), settings, sender,
                scheduler, executor, this::wants, this::dropAlert, this::deliveryFailed));
    }

    /** Still wanted when about to be sent: the subscription live, its creator still allowed to read the source. */
    private boolean wants(Delivery d) {
        return d.subscription().isLive() && d.subscription().creator().mayRead(d.source());
    }

    // ------------------------------------------------------------------ failures

    private void deliveryFailed(ListenerQueue queue, Delivery gaveUp, boolean removalDue, String reason) {
        Subscription s = gaveUp.subscription();
        if (s != null && s.onFatalError() == OnFatalErrorPolicy.DISABLE) {
            store.setState(s, SubscriptionState.DISABLED);
            LOG.warn("{} disabled (OnFatalErrorPolicy Disable): {}", s, reason);
        } else if (s != null && s.onFatalError() == OnFatalErrorPolicy.REMOVE && store.remove(s)) {
            LOG.warn("{} removed (OnFatalErrorPolicy Remove): {}", s, reason);
        }
        if (removalDue && settings.removalAction() == SubscriptionRemovalAction.REMOVE) {
            for (Subscription other : store.subscriptionsOf(x -> x.destination().equals(queue.destination()))) {
                if (store.remove(other)) {
                    LOG.warn("{} removed (SubscriptionRemovalAction Remove: failing for {} s or longer)", other,
                            settings.removalTimeInterval().toSeconds());
                }
            }
        }
    }

    /** CIM_AlertIndication: {@code count} indications for this listener were dropped because its queue was full. */
    private CimInstance dropAlert(long count) {
        Instant now = clock.instant();
        CimInstance alert = new Alert(Alert.AlertType.PROCESSING_ERROR, Alert.Severity.DEGRADED_WARNING, Alert.ProbableCause.QUEUE_SIZE_EXCEEDED,
                count + " indication(s) for this listener were dropped: more than " + settings.queueCapacity()
                        + " were waiting (the oldest go first)", null, keys.systemCreationClassName(), keys.systemName(),
                "ISMIS-ALERT-QUEUE-DROPPED", List.of(Long.toString(count))).instance();
        return alert.withProperty(CimProperty.of("IndicationIdentifier", CimValue.ofString(nextIdentifier())))
                .withProperty(CimProperty.of("IndicationTime", Subscription.time(now)));
    }

    // ------------------------------------------------------------------ observation

    /** Per listener destination (by Name): what its queue has done. */
    public Map<String, DeliveryStatistics> statistics() {
        Map<String, DeliveryStatistics> out = new LinkedHashMap<>();
        queues.forEach((d, q) -> out.put(d.name(), q.statistics()));
        return out;
    }

    /** Called when a destination is deleted: its queue goes with it. */
    void destinationDeleted(Destination d) {
        ListenerQueue q = queues.remove(d);
        if (q != null) {
            q.close();
        }
    }

    /** Stops delivering: queues discarded, the HTTP client and threads stopped. */
    @Override
    public void close() {
        queues.values().forEach(ListenerQueue::close);
        queues.clear();
        executor.shutdownNow();
        sender.close();
        scheduler.close();
    }
}
