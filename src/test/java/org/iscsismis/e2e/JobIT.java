package org.iscsismis.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Predicate;
import org.iscsismis.cim.CimClass;
import org.iscsismis.cim.CimMethod;
import org.iscsismis.cim.CimName;
import org.iscsismis.cim.CimNamespace;
import org.iscsismis.cim.CimParameter;
import org.iscsismis.cim.CimQualifier;
import org.iscsismis.cim.CimType;
import org.iscsismis.cim.CimValue;
import org.iscsismis.cim.ObjectPath;
import org.iscsismis.provider.AbstractMethodProvider;
import org.iscsismis.provider.MethodArguments;
import org.iscsismis.provider.MethodResult;
import org.iscsismis.provider.ProviderContext;
import org.iscsismis.provider.job.JobService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.metricshub.wbem.javax.cim.CIMArgument;
import org.metricshub.wbem.javax.cim.CIMDataType;
import org.metricshub.wbem.javax.cim.CIMInstance;
import org.metricshub.wbem.javax.cim.CIMObjectPath;
import org.metricshub.wbem.javax.cim.UnsignedInteger16;
import org.metricshub.wbem.javax.cim.UnsignedInteger32;
import org.metricshub.wbem.javax.wbem.WBEMException;
import org.metricshub.wbem.javax.wbem.client.WBEMClient;

/** A test-only method that starts a job, through the SBLIM client: 4096, a Job reference, a live job instance. */
class JobIT {

    private static final String NS = "root/cimv2";
    private static final CimName STARTER = CimName.of("Test_JobStarter");
    private static final long DEADLINE_NANOS = TimeUnit.SECONDS.toNanos(20);

    private static final Semaphore steps = new Semaphore(0);
    private static final CountDownLatch halfway = new CountDownLatch(1);
    @RegisterExtension
    static final ServerFixture server = ServerFixture.seeded((repository, registry) -> {
        CimNamespace ns = CimNamespace.of(NS);
        CimMethod method = CimMethod.of("Start", CimType.UINT32, List.of(
                CimParameter.of("Steps", CimType.UINT32, CimQualifier.ofTrue("In")),
                CimParameter.of("Job", CimType.reference(CimName.of("CIM_ConcreteJob")),
                        CimQualifier.of("In", CimValue.ofBoolean(false)), CimQualifier.ofTrue("Out"))),
                CimQualifier.ofTrue("Static"));
        repository.createClass(ns, CimClass.builder(STARTER).key("Id", CimType.STRING).method(method).build());
        registry.register(ns, STARTER, new StarterProvider());
    });
    private static final WBEMClient client = server.client();

    /** Static Start(Steps): a job of Steps steps, each waiting for a permit of {@link #steps}. */
    static final class StarterProvider extends AbstractMethodProvider {
        @Override
        public MethodResult invokeMethod(ProviderContext context, ObjectPath target, CimName methodName, MethodArguments in) {
            int n = (int) in.value("Steps").asLong();
            ObjectPath job = context.jobs().start(context.namespace(), null, List.of(), "Test job of " + n + " steps", p -> {
                for (int i = 1; i <= n; i++) {
                    steps.acquire();
                    p.percent(i * 100 / n);
                    if (i * 2 == n) {
                        halfway.countDown();
                    }
                }
            });
            return MethodResult.of(CimValue.ofUint32(JobService.JOB_STARTED)).with("Job", CimValue.ofReference(job));
        }
    }

    private static int uint16(CIMInstance i, String property) {
        return ((UnsignedInteger16) i.getPropertyValue(property)).intValue();
    }

    /** Gets the job until {@code condition} holds, or fails at the deadline. */
    private static CIMInstance awaitJob(CIMObjectPath job, Predicate<CIMInstance> condition) throws WBEMException {
        long deadline = System.nanoTime() + DEADLINE_NANOS;
        while (true) {
            CIMInstance i = client.getInstance(job, false, false, null);
            if (condition.test(i)) {
                return i;
            }
            assertTrue(System.nanoTime() < deadline, () -> "job did not get there: " + i);
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(5));
        }
    }

    @Test
    void aMethodStartsAJobThatRunsToCompletion() throws Exception {
        CIMArgument<?>[] out = new CIMArgument<?>[1];
        Object rv = client.invokeMethod(SblimClients.classPath(NS, STARTER.toString()), "Start",
                new CIMArgument<?>[] {new CIMArgument<>("Steps", CIMDataType.UINT32_T, new UnsignedInteger32(4))}, out);
        assertEquals(new UnsignedInteger32(4096), rv, "Method Parameters Checked - Job Started");
        assertNotNull(out[0]);
        assertEquals("Job", out[0].getName());
        CIMObjectPath job = (CIMObjectPath) out[0].getValue();
        assertEquals("CIM_ConcreteJob", job.getObjectName());
        if (job.getNamespace() == null || job.getNamespace().isEmpty()) {
            job = new CIMObjectPath(null, null, null, NS, job.getObjectName(), job.getKeys());
        }

        CIMInstance started = client.getInstance(job, false, false, null);
        assertEquals(0, uint16(started, "PercentComplete"));
        assertTrue(List.of(2, 4).contains(uint16(started, "JobState")), "New or Running");
        assertNotNull(started.getPropertyValue("TimeSubmitted"));

        steps.release(2);
        assertTrue(halfway.await(20, TimeUnit.SECONDS));
        CIMInstance half = awaitJob(job, i -> uint16(i, "PercentComplete") >= 50);
        assertEquals(4, uint16(half, "JobState"), "Running");

        steps.release(2);
        CIMInstance done = awaitJob(job, i -> uint16(i, "JobState") == 7);
        assertEquals(100, uint16(done, "PercentComplete"));
        assertNotNull(done.getPropertyValue("ElapsedTime"));
    }
}
