package org.iscsismis.testing.storage;

import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import org.iscsismis.cim.CimClass;
import org.iscsismis.cim.CimInstance;
import org.iscsismis.cim.CimMethod;
import org.iscsismis.cim.CimName;
import org.iscsismis.cim.CimNamespace;
import org.iscsismis.cim.CimType;
import org.iscsismis.cim.ObjectPath;
import org.iscsismis.provider.AbstractInstanceProvider;
import org.iscsismis.provider.AbstractAssociationProvider;
import org.iscsismis.provider.AssociationQuery;
import org.iscsismis.provider.MethodArguments;
import org.iscsismis.provider.MethodProvider;
import org.iscsismis.provider.MethodResult;
import org.iscsismis.provider.ProviderContext;
import org.iscsismis.provider.ResultSink;
import org.iscsismis.provider.registry.ProviderRegistry;
import org.iscsismis.repository.CimRepository;

/**
 * A provider that misbehaves on request, beside the {@link StorageModel} (install that first):
 * <pre>
 * Test_Faulty : Test_Element { Stall(); Fail(); }                                   ← FaultyProvider
 * [Association] Test_FaultyLink { [Key] Test_Pool REF Antecedent; [Key] Test_Faulty REF Dependent; }   ← FaultyLinks
 * </pre>
 * GetInstance by Id: {@code hang} waits for {@link #release()}, {@code throw} throws a
 * RuntimeException, {@code wrong} answers a Test_Pool, any other Id is a normal instance.
 * EnumerateInstances delivers {@code first} and then hangs. Method Stall hangs, Fail throws.
 * References of pool P1 throw, of P2 hang. A hang honours interruption.
 */
public final class FaultyProvider extends AbstractInstanceProvider implements MethodProvider {

    public static final CimName FAULTY = CimName.of("Test_Faulty");
    public static final CimName FAULTY_LINK = CimName.of("Test_FaultyLink");

    private final CountDownLatch released = new CountDownLatch(1);
    private final Semaphore hanging = new Semaphore(0);

    /** Creates the two classes in {@code ns} and registers a new provider for them. */
    public static FaultyProvider install(CimRepository repo, ProviderRegistry registry, CimNamespace ns) {
        repo.createClass(ns, CimClass.builder(FAULTY).superClass(StorageModel.ELEMENT)
                .method(CimMethod.of("Stall", CimType.UINT32, List.of()))
                .method(CimMethod.of("Fail", CimType.UINT32, List.of())).build());
        repo.createClass(ns, StorageModel.association(FAULTY_LINK, "Antecedent", StorageModel.POOL, "Dependent", FAULTY));
        FaultyProvider p = new FaultyProvider();
        registry.register(ns, FAULTY, p);
        registry.register(ns, FAULTY_LINK, p.new FaultyLinks());
        return p;
    }

    /** Ends every hang, present and future. */
    public void release() {
        released.countDown();
    }

    /** Waits until a call has entered a hang (each hang is counted once). */
    public void awaitHanging() throws InterruptedException {
        hanging.acquire();
    }

    private void hang() {
        hanging.release();
        try {
            released.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while hanging", e);
        }
    }

    private static CimInstance faulty(String id) {
        return CimInstance.builder(FAULTY).property("Id", id).property("Name", "faulty " + id).build();
    }

    @Override
    public CimInstance getInstance(ProviderContext context, ObjectPath path) {
        String id = path.key("Id").asString();
        switch (id) {
            case "hang" -> hang();
            case "throw" -> throw new IllegalStateException("a provider bug");
            case "wrong" -> {
                return CimInstance.builder(StorageModel.POOL).property("Id", id).build();
            }
            default -> { }
        }
        return faulty(id);
    }

    @Override
    public void enumerateInstances(ProviderContext context, CimName className, ResultSink<CimInstance> sink) {
        sink.deliver(faulty("first"));
        hang();
    }

    @Override
    public MethodResult invokeMethod(ProviderContext context, ObjectPath target, CimName method, MethodArguments in) {
        if (method.equals(CimName.of("Stall"))) {
            hang();
        }
        throw new IllegalStateException("method " + method + " broke");
    }

    /** Test_FaultyLink: References (and so the derived ReferenceNames and AssociatorNames) of P1 throw, of P2 hang. */
    final class FaultyLinks extends AbstractAssociationProvider {
        @Override
        public void references(ProviderContext context, CimName associationClass, AssociationQuery query,
                               ResultSink<CimInstance> sink) {
            if (query.objectName().key("Id").asString().equals("P2")) {
                hang();
            }
            throw new IllegalStateException("the link table is corrupt");
        }
    }
}
