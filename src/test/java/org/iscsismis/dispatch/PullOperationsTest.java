package org.iscsismis.dispatch;

import static org.iscsismis.repository.Fixtures.NS;
import static org.iscsismis.repository.Fixtures.assertCimError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.iscsismis.cim.CimException;
import org.iscsismis.cim.CimInstance;
import org.iscsismis.cim.CimName;
import org.iscsismis.cim.CimStatus;
import org.iscsismis.cim.CimValue;
import org.iscsismis.cim.ObjectPath;
import org.iscsismis.operation.CimRequest;
import org.iscsismis.operation.CloseEnumerationRequest;
import org.iscsismis.operation.EnumerateInstanceNamesRequest;
import org.iscsismis.operation.EnumerateInstancesRequest;
import org.iscsismis.operation.EnumerationCountRequest;
import org.iscsismis.operation.OpenAssociatorInstancesRequest;
import org.iscsismis.operation.OpenEnumerateInstancePathsRequest;
import org.iscsismis.operation.OpenEnumerateInstancesRequest;
import org.iscsismis.operation.OpenQueryInstancesRequest;
import org.iscsismis.operation.PullInstancePathsRequest;
import org.iscsismis.operation.PullInstancesRequest;
import org.iscsismis.operation.PullInstancesWithPathRequest;
import org.iscsismis.provider.job.JobService;
import org.iscsismis.provider.job.MutableClock;
import org.iscsismis.provider.registry.ProviderRegistry;
import org.iscsismis.repository.CimRepository;
import org.iscsismis.repository.Fixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The pull operations through the dispatcher, on repository-served classes (lazy) of the fixture schema. */
class PullOperationsTest {

    private static final CimName BASE = CimName.of("T_Base");

    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
    private CimRepository repo;
    private Dispatcher dispatcher;

    @BeforeEach
    void setUp() {
        repo = Fixtures.repository();
        ProviderRegistry registry = new ProviderRegistry(repo);
        dispatcher = new Dispatcher(repo, registry, clock, new JobService(repo, clock), Duration.ZERO,
                new PullLimits(4, Duration.ofSeconds(30), Duration.ofSeconds(90)));
        for (int i = 0; i < 7; i++) {
            repo.createInstance(NS, CimInstance.builder("T_Child").property("Name", "c" + i).property("Extra", CimValue.ofUint32(i))
                    .property("Level", CimValue.ofUint16(i)).build());
        }
        repo.createInstance(NS, CimInstance.builder("T_GrandChild").property("Name", "g").build());
    }

    private RecordingSink run(CimRequest r) {
        RecordingSink sink = new RecordingSink();
        dispatcher.execute(r, sink);
        return sink;
    }

    /** The context of a response that is not at its end. */
    private static String context(RecordingSink s) {
        assertEquals(Boolean.FALSE, s.endOfSequence);
        String ctx = s.all("pullResult", String.class).get(0);
        assertNotNull(ctx);
        return ctx;
    }

    /** Opens with {@code batch}, pulls with PullInstancesWithPath until EndOfSequence; every batch within its bound. */
    private List<CimInstance> pullAll(OpenEnumerateInstancesRequest.Builder open, int batch) {
        RecordingSink s = run(open.maxObjectCount(batch).build());
        List<CimInstance> all = new ArrayList<>(s.all("objectWithPath", CimInstance.class));
        assertTrue(all.size() <= batch);
        while (!s.endOfSequence) {
            s = run(new PullInstancesWithPathRequest(NS, context(s), batch));
            List<CimInstance> got = s.all("objectWithPath", CimInstance.class);
            assertTrue(got.size() <= batch, () -> got.size() + " > " + batch);
            all.addAll(got);
        }
        assertNull(s.all("pullResult", String.class).get(0));
        return all;
    }

    @Test
    void openAndPullGiveWhatEnumerateInstancesGivesInBatches() {
        List<CimInstance> traditional = run(EnumerateInstancesRequest.of(NS, BASE)).all("namedInstance", CimInstance.class);
        List<CimInstance> pulled = pullAll(OpenEnumerateInstancesRequest.builder(NS, BASE), 3);
        assertEquals(8, pulled.size());
        assertEquals(new java.util.HashSet<>(traditional), new java.util.HashSet<>(pulled));
        assertEquals(0, dispatcher.openEnumerationContexts(), "the context is gone at EndOfSequence");
    }

    @Test
    void theFiltersOfEnumerateInstancesApply() {
        List<CimName> onlyLevel = List.of(CimName.of("Level"));
        List<CimInstance> traditional = run(EnumerateInstancesRequest.builder(NS, CimName.of("T_Child")).deepInheritance(false)
                .includeClassOrigin(true).propertyList(onlyLevel).localOnly(false).build()).all("namedInstance", CimInstance.class);
        List<CimInstance> pulled = pullAll(OpenEnumerateInstancesRequest.builder(NS, CimName.of("T_Child")).deepInheritance(false)
                .includeClassOrigin(true).propertyList(onlyLevel), 100);
        assertEquals(new java.util.HashSet<>(traditional), new java.util.HashSet<>(pulled));
        assertTrue(pulled.stream().allMatch(i -> i.properties().size() == 1 && i.properties().get(0).classOrigin() != null));
    }

    @Test
    void maxObjectCountZeroOnOpenOnlyOpensAndOnPullOnlyRestartsTheTimer() {
        RecordingSink open = run(OpenEnumerateInstancesRequest.builder(NS, BASE).operationTimeout(10L).build());
        assertTrue(open.all("objectWithPath", CimInstance.class).isEmpty());
        String ctx = context(open);
        clock.advance(Duration.ofSeconds(9));
        assertTrue(run(new PullInstancesWithPathRequest(NS, ctx, 0)).all("objectWithPath", CimInstance.class).isEmpty());
        clock.advance(Duration.ofSeconds(9));
        assertEquals(8, run(new PullInstancesWithPathRequest(NS, ctx, 50)).all("objectWithPath", CimInstance.class).size());
    }

    @Test
    void anExpiredContextIsInvalid() {
        String ctx = context(run(OpenEnumerateInstancesRequest.builder(NS, BASE).operationTimeout(5L).maxObjectCount(1).build()));
        clock.advance(Duration.ofSeconds(5));
        assertCimError(CimStatus.INVALID_ENUMERATION_CONTEXT, () -> run(new PullInstancesWithPathRequest(NS, ctx, 1)), ctx);
    }

    @Test
    void pathsArePulledWithPullInstancePathsOnly() {
        RecordingSink open = run(OpenEnumerateInstancePathsRequest.builder(NS, BASE).maxObjectCount(5).build());
        String ctx = context(open);
        assertCimError(CimStatus.INVALID_ENUMERATION_CONTEXT, () -> run(new PullInstancesWithPathRequest(NS, ctx, 5)),
                "PullInstancePaths");
        assertCimError(CimStatus.INVALID_ENUMERATION_CONTEXT, () -> run(new PullInstancesRequest(NS, ctx, 5)), "PullInstancePaths");
        RecordingSink rest = run(new PullInstancePathsRequest(NS, ctx, 5));
        assertTrue(rest.endOfSequence);
        List<ObjectPath> pulled = new ArrayList<>(open.all("objectPath", ObjectPath.class));
        pulled.addAll(rest.all("objectPath", ObjectPath.class));
        List<ObjectPath> names = run(new EnumerateInstanceNamesRequest(NS, BASE)).all("instanceName", ObjectPath.class);
        assertEquals(new java.util.HashSet<>(names), new java.util.HashSet<>(pulled));
    }

    @Test
    void closeEndsTheEnumerationAndCountTellsWhatIsLeft() {
        String ctx = context(run(OpenEnumerateInstancesRequest.builder(NS, BASE).maxObjectCount(3).build()));
        assertEquals(5L, run(new EnumerationCountRequest(NS, ctx)).only("enumerationCount", Long.class));
        RecordingSink close = run(new CloseEnumerationRequest(NS, ctx));
        assertTrue(close.calls.isEmpty());
        assertEquals(0, dispatcher.openEnumerationContexts());
        assertCimError(CimStatus.INVALID_ENUMERATION_CONTEXT, () -> run(new PullInstancesWithPathRequest(NS, ctx, 1)), ctx);
        assertCimError(CimStatus.INVALID_ENUMERATION_CONTEXT, () -> run(new EnumerationCountRequest(NS, ctx)), ctx);
    }

    @Test
    void openParametersTheServerDoesNotSupportAreRefusedWithTheirCodes() {
        assertCimError(CimStatus.CONTINUATION_ON_ERROR_NOT_SUPPORTED,
                () -> run(OpenEnumerateInstancesRequest.builder(NS, BASE).continueOnError(true).build()), "ContinueOnError");
        assertCimError(CimStatus.QUERY_LANGUAGE_NOT_SUPPORTED, () -> run(OpenEnumerateInstancesRequest.builder(NS, BASE)
                .filterQueryLanguage("DMTF:XQL").filterQuery("Level > 1").build()), "DMTF:XQL");
        assertCimError(CimStatus.INVALID_PARAMETER, () -> run(OpenEnumerateInstancesRequest.builder(NS, BASE)
                .filterQuery("Level > 1").build()), "FilterQueryLanguage");
        assertCimError(CimStatus.INVALID_OPERATION_TIMEOUT,
                () -> run(OpenEnumerateInstancesRequest.builder(NS, BASE).operationTimeout(0L).build()), "0");
        assertCimError(CimStatus.INVALID_OPERATION_TIMEOUT,
                () -> run(OpenEnumerateInstancePathsRequest.builder(NS, BASE).operationTimeout(91L).build()), "90");
        assertCimError(CimStatus.INVALID_CLASS, () -> run(OpenEnumerateInstancesRequest.of(NS, CimName.of("T_Nope"))), "T_Nope");
        assertCimError(CimStatus.INVALID_PARAMETER, () -> run(OpenAssociatorInstancesRequest.of(NS,
                ObjectPath.forClass(NS, CimName.of("T_Child")))), "InstanceName");
        assertCimError(CimStatus.QUERY_LANGUAGE_NOT_SUPPORTED, () -> run(OpenQueryInstancesRequest.of(NS, "DMTF:FQL", "x")), "DMTF:FQL");
        assertCimError(CimStatus.INVALID_QUERY, () -> run(OpenQueryInstancesRequest.of(NS, "WQL", "SELECT * FROM T_Nope")), "T_Nope");
        assertEquals(0, dispatcher.openEnumerationContexts());
    }

    @Test
    void openBeyondTheContextLimitIsServerLimitsExceeded() {
        for (int i = 0; i < 4; i++) {
            context(run(OpenEnumerateInstancesRequest.of(NS, BASE)));
        }
        assertCimError(CimStatus.SERVER_LIMITS_EXCEEDED, () -> run(OpenEnumerateInstancesRequest.of(NS, BASE)), "4");
        clock.advance(Duration.ofSeconds(30));
        context(run(OpenEnumerateInstancesRequest.of(NS, BASE)));
    }

    @Test
    void aContextIsUsedByOneOperationAtATime() {
        String ctx = context(run(OpenEnumerateInstancesRequest.of(NS, BASE)));
        List<CimException> seen = new ArrayList<>();
        RecordingSink meddling = new RecordingSink() {
            @Override
            public void objectWithPath(CimInstance instance) {
                super.objectWithPath(instance);
                if (seen.isEmpty()) {
                    seen.add(assertThrows(CimException.class, () -> run(new PullInstancesWithPathRequest(NS, ctx, 1))));
                    seen.add(assertThrows(CimException.class, () -> run(new CloseEnumerationRequest(NS, ctx))));
                }
            }
        };
        dispatcher.execute(new PullInstancesWithPathRequest(NS, ctx, 2), meddling);
        assertEquals(CimStatus.INVALID_ENUMERATION_CONTEXT, seen.get(0).status());
        assertEquals(CimStatus.PULL_CANNOT_BE_ABANDONED, seen.get(1).status());
        assertEquals(2, meddling.all("objectWithPath", CimInstance.class).size());
        assertFalse(meddling.endOfSequence);
    }

    @Test
    void aFailureWhileWritingABatchClosesTheContext() {
        String ctx = context(run(OpenEnumerateInstancesRequest.of(NS, BASE)));
        RecordingSink broken = new RecordingSink() {
            @Override
            public void objectWithPath(CimInstance instance) {
                throw new UncheckedIOException(new IOException("client went away"));
            }
        };
        assertThrows(UncheckedIOException.class, () -> dispatcher.execute(new PullInstancesWithPathRequest(NS, ctx, 2), broken));
        assertEquals(0, dispatcher.openEnumerationContexts());
    }
}
