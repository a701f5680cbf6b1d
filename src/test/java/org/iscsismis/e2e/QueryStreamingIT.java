package org.iscsismis.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.iscsismis.cim.CimClass;
import org.iscsismis.cim.CimInstance;
import org.iscsismis.cim.CimName;
import org.iscsismis.cim.CimNamespace;
import org.iscsismis.cim.CimType;
import org.iscsismis.cim.CimValue;
import org.iscsismis.provider.AbstractInstanceProvider;
import org.iscsismis.provider.ProviderContext;
import org.iscsismis.provider.ResultSink;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * ExecQuery over 10 000 {@code Bench_Item}s served by a provider streams: the provider stops halfway
 * until the client has read a first result, which it can only do if the server sent results before
 * the last one was produced (a server that collected the results first would wait forever; the
 * provider gives up after a minute and the test fails).
 */
class QueryStreamingIT {

    private static final int N = 10_000;
    private static final CountDownLatch clientSawFirstResult = new CountDownLatch(1);
    private static final AtomicBoolean providerWaitedInVain = new AtomicBoolean();
    @RegisterExtension
    static final ServerFixture server = ServerFixture.seeded((repository, registry) -> {
        CimNamespace ns = CimNamespace.of("root/cimv2");
        repository.createClass(ns, CimClass.builder("Bench_Item").key("InstanceID", CimType.STRING)
                .property("Name", CimType.STRING).property("Counter", CimType.UINT32).property("Status", CimType.UINT16).build());
        registry.register(ns, CimName.of("Bench_Item"), new AbstractInstanceProvider() {
            @Override
            public void enumerateInstances(ProviderContext context, CimName className, ResultSink<CimInstance> sink) {
                for (int i = 0; i < N; i++) {
                    if (i == N / 2) {
                        awaitClient();
                    }
                    sink.deliver(CimInstance.builder("Bench_Item").property("InstanceID", CimValue.ofString(String.format("Bench:%08d", i)))
                            .property("Name", CimValue.ofString("bench-item-" + i)).property("Counter", CimValue.ofUint32(i))
                            .property("Status", CimValue.ofUint16(2 + i % 5)).build());
                }
            }
        });
    });

    private static void awaitClient() {
        try {
            if (!clientSawFirstResult.await(60, TimeUnit.SECONDS)) {
                providerWaitedInVain.set(true);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void theFirstResultLeavesTheServerBeforeTheLastIsProduced() throws Exception {
        String body = RawCimHttp.intrinsic("ExecQuery", "<IPARAMVALUE NAME=\"QueryLanguage\"><VALUE>WQL</VALUE></IPARAMVALUE>"
                + "<IPARAMVALUE NAME=\"Query\"><VALUE>SELECT InstanceID, Counter FROM Bench_Item WHERE Status = 2</VALUE></IPARAMVALUE>");
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create(server.url() + "/cimom")).timeout(Duration.ofSeconds(120))
                .header("Content-Type", "application/xml; charset=utf-8").header("CIMOperation", "MethodCall")
                .header("CIMMethod", "ExecQuery").header("CIMObject", "root/cimv2")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
        int results = 0;
        StringBuilder window = new StringBuilder();
        try (InputStream in = response.body()) {
            byte[] buffer = new byte[8192];
            for (int n; (n = in.read(buffer)) > 0; ) {
                window.append(new String(buffer, 0, n, StandardCharsets.UTF_8));
                int at;
                while ((at = window.indexOf("</VALUE.OBJECTWITHPATH>")) >= 0) {
                    results++;
                    window.delete(0, at + 1);
                    clientSawFirstResult.countDown();
                }
                if (window.length() > 64) {
                    window.delete(0, window.length() - 64);
                }
            }
        }
        assertEquals(200, response.statusCode());
        assertTrue(!providerWaitedInVain.get(), "the provider waited in vain: no result reached the client before the last was produced");
        assertEquals(N / 5, results, "Status = 2 selects every fifth item");
    }
}
