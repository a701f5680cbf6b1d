package org.iscsismis.e2e;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.iscsismis.iscsi.disk.DiskPool;
import org.iscsismis.iscsi.disk.VirtualDisk;
import org.iscsismis.iscsi.target.IscsiPortal;
import org.iscsismis.replication.PairSnapshot;
import org.iscsismis.replication.PairSpec;
import org.iscsismis.server.ServerConfig;
import org.iscsismis.testing.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * libiscsi's conformance tool {@code iscsi-test-cu}, one process per suite with {@code -d} (destructive tests on a
 * scratch LUN), against a thin and a fully provisioned LUN (two servers, {@code iscsi.thinProvisioning} true and
 * false); the ReadOnly suite against a read-only replica (a snapshot's target). Every suite of the required list must
 * have no failed test. Suites this build of the tool does not have are skipped (newer libiscsi adds some).
 */
class IscsiConformanceIT {

    /** The suites that must pass, as the issue lists them. */
    static final List<String> REQUIRED = List.of("SCSI.Mandatory", "SCSI.Inquiry", "SCSI.TestUnitReady", "SCSI.ReportLUNs",
            "SCSI.ReadCapacity10", "SCSI.ReadCapacity16", "SCSI.Read6", "SCSI.Read10", "SCSI.Read12", "SCSI.Read16",
            "SCSI.Write10", "SCSI.Write12", "SCSI.Write16", "SCSI.Verify10", "SCSI.Verify12", "SCSI.Verify16",
            "SCSI.WriteVerify10", "SCSI.WriteVerify12", "SCSI.WriteVerify16", "SCSI.ModeSense6", "SCSI.ReportSupportedOpcodes",
            "SCSI.Unmap", "SCSI.WriteSame10", "SCSI.WriteSame16", "SCSI.GetLBAStatus", "SCSI.CompareAndWrite", "SCSI.NoMedia",
            "iSCSI.iSCSIcmdsn", "iSCSI.iSCSIdatasn", "iSCSI.iSCSIResiduals", "iSCSI.iSCSITMF", "iSCSI.iSCSISendTargets",
            "iSCSI.iSCSINop");
    private static final long LUN_BYTES = 64L << 20;

    private static TestServer thinServer;
    private static TestServer fullServer;
    private static String thinUrl;
    private static String fullUrl;
    private static String readOnlyThinUrl;
    private static String readOnlyFullUrl;
    private static Set<String> available;

    @BeforeAll
    static void start() {
        available = Subprocess.run(List.of("iscsi-test-cu", "-l"), Duration.ofSeconds(30)).out().lines()
                .map(String::trim).collect(Collectors.toSet());
        thinServer = TestServer.start();
        fullServer = TestServer.start(TestServer.testDefaults().with(ServerConfig.ISCSI_THIN_PROVISIONING, "false"));
        thinUrl = url(thinServer, scratchDisk(thinServer, "conformance-thin"));
        fullUrl = url(fullServer, scratchDisk(fullServer, "conformance-full"));
        readOnlyThinUrl = readOnlyReplica(thinServer);
        readOnlyFullUrl = readOnlyReplica(fullServer);
    }

    @AfterAll
    static void stop() {
        for (TestServer s : new TestServer[] {thinServer, fullServer}) {
            if (s != null) {
                s.close();
            }
        }
    }

    /** A snapshot's target: a replica the engine keeps read-only to hosts. */
    private static String readOnlyReplica(TestServer server) {
        VirtualDisk source = scratchDisk(server, "conformance-source");
        PairSnapshot snapshot = server.server().target().engine().createPair(PairSpec.snapshot(source.id()));
        return url(server, server.server().target().disks().disk(snapshot.targetDiskId()));
    }

    private static VirtualDisk scratchDisk(TestServer server, String name) {
        var disks = server.server().target().disks();
        DiskPool pool = disks.pools().isEmpty() ? disks.createPool("conformance", 1L << 30) : disks.pools().get(0);
        return disks.createDisk(pool.id(), name, LUN_BYTES, 512);
    }

    private static String url(TestServer server, VirtualDisk disk) {
        IscsiPortal portal = server.server().portal();
        return new IscsiClients(portal).url(portal.luns().lunOf(disk.id()));
    }

    static Stream<Arguments> requiredSuites() {
        return REQUIRED.stream().flatMap(s -> Stream.of(Arguments.of(s, "thin"), Arguments.of(s, "full")));
    }

    @ParameterizedTest(name = "{0} on a {1} LUN")
    @MethodSource("requiredSuites")
    void requiredSuiteHasNoFailure(String suite, String kind) {
        assertNoFailure(suite, kind.equals("thin") ? thinUrl : fullUrl);
    }

    @ParameterizedTest(name = "SCSI.ReadOnly on a read-only replica, {0} LUN")
    @MethodSource("readOnly")
    void readOnlySuiteOnAReadOnlyReplica(String kind) {
        List<CunitReport.Result> results = assertNoFailure("SCSI.ReadOnly", kind.equals("thin") ? readOnlyThinUrl : readOnlyFullUrl);
        assertTrue(results.stream().anyMatch(r -> r.verdict() == CunitReport.Verdict.PASS),
                () -> "the replica must be seen as read-only (WP), not skipped: " + results);
    }

    static Stream<String> readOnly() {
        return Stream.of("thin", "full");
    }

    private static List<CunitReport.Result> assertNoFailure(String suite, String url) {
        Assumptions.assumeTrue(available.contains(suite), () -> suite + " is not in this build of iscsi-test-cu");
        Subprocess.Result run = Subprocess.runMerged(List.of("stdbuf", "-o0", "-e0", "iscsi-test-cu", "-d", "-V", "-t", suite, url),
                Duration.ofMinutes(5));
        List<CunitReport.Result> results = CunitReport.parse(run.out());
        assertFalse(results.isEmpty(), () -> suite + ": no test ran\n" + run);
        List<CunitReport.Result> failed = results.stream().filter(r -> r.verdict() == CunitReport.Verdict.FAIL).toList();
        assertTrue(failed.isEmpty(), () -> suite + " on " + url + ": " + failed + "\n" + run.out());
        return results;
    }
}
