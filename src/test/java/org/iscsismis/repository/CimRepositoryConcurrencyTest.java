package org.iscsismis.repository;

import static org.iscsismis.repository.Fixtures.NS;
import static org.iscsismis.repository.Fixtures.name;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.iscsismis.cim.CimClass;
import org.iscsismis.cim.CimException;
import org.iscsismis.cim.CimInstance;
import org.iscsismis.cim.CimStatus;
import org.iscsismis.cim.CimType;
import org.iscsismis.cim.CimValue;
import org.iscsismis.cim.ObjectPath;
import org.junit.jupiter.api.Test;

/**
 * Eight threads create, read and delete instances while a ninth creates and deletes classes in the
 * same namespace. No instance may be lost, no unexpected exception may escape. Start and end are
 * bounded by latches; nothing sleeps.
 */
class CimRepositoryConcurrencyTest {

    private static final int WRITERS = 8;
    private static final int PER_WRITER = 500;

    @Test
    void instanceWritersAndAClassWriterDoNotInterfere() throws Exception {
        CimRepository repo = Fixtures.repository();
        ExecutorService pool = Executors.newFixedThreadPool(WRITERS + 1);
        CountDownLatch start = new CountDownLatch(1);
        CountDownLatch writersDone = new CountDownLatch(WRITERS);
        Set<String> kept = ConcurrentHashMap.newKeySet();
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int w = 0; w < WRITERS; w++) {
                int writer = w;
                futures.add(pool.submit(() -> {
                    await(start);
                    try {
                        for (int i = 0; i < PER_WRITER; i++) {
                            String key = "w" + writer + "-" + i;
                            CimInstance created = repo.createInstance(NS, CimInstance.builder("T_Child").property("Name", key)
                                    .property("Extra", CimValue.ofUint32(i)).build());
                            ObjectPath path = ObjectPath.builder("T_Child").key("Name", key).build();
                            assertEquals(created, repo.getInstance(NS, path));
                            repo.setProperty(NS, path, name("Level"), CimValue.ofUint16(writer));
                            if (i % 2 == 0) {
                                repo.deleteInstance(NS, path);
                            } else {
                                kept.add(key);
                            }
                        }
                    } finally {
                        writersDone.countDown();
                    }
                    return null;
                }));
            }
            futures.add(pool.submit(() -> {
                await(start);
                int round = 0;
                while (writersDone.getCount() > 0 || round < 20) {
                    String cls = "T_Dyn" + (round++);
                    repo.createClass(NS, CimClass.builder(cls).superClass("T_Child").property("P", CimType.STRING).build());
                    repo.createInstance(NS, CimInstance.builder(cls).property("Name", cls).build());
                    try {
                        repo.deleteClass(NS, name(cls));
                        throw new AssertionError("deleted a class with an instance");
                    } catch (CimException e) {
                        assertEquals(CimStatus.CLASS_HAS_INSTANCES, e.status());
                    }
                    repo.deleteInstance(NS, ObjectPath.builder(cls).key("Name", cls).build());
                    repo.deleteClass(NS, name(cls));
                    try {
                        repo.deleteClass(NS, name("T_Child"));
                        throw new AssertionError("deleted a class with children");
                    } catch (CimException e) {
                        assertEquals(CimStatus.CLASS_HAS_CHILDREN, e.status());
                    }
                }
                return null;
            }));
            start.countDown();
            for (Future<?> f : futures) {
                f.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        Set<String> stored = repo.instances(NS, name("T_Child"), true)
                .map(i -> i.value("Name").asString()).collect(Collectors.toSet());
        assertEquals(kept, stored);
        assertEquals(WRITERS * PER_WRITER / 2, stored.size());
        assertEquals(List.of(name("T_GrandChild")), repo.classNames(NS, name("T_Child"), false));
        assertTrue(repo.instances(NS, name("T_Child"), true).allMatch(i -> !i.value("Level").isNull()));
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(60, TimeUnit.SECONDS)) {
                throw new AssertionError("start latch not released");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
