package org.iscsismis.dispatch;

import static org.iscsismis.dispatch.StorageFixture.NS;
import static org.iscsismis.repository.Fixtures.assertCimError;
import static org.iscsismis.testing.storage.StorageModel.DISK;
import static org.iscsismis.testing.storage.StorageModel.POOL;
import static org.iscsismis.testing.storage.StorageModel.SETTINGS;
import static org.iscsismis.testing.storage.StorageModel.path;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.iscsismis.cim.CimInstance;
import org.iscsismis.cim.CimName;
import org.iscsismis.cim.CimStatus;
import org.iscsismis.cim.CimType;
import org.iscsismis.cim.CimValue;
import org.iscsismis.cim.ObjectPath;
import org.iscsismis.operation.InvokeMethodRequest;
import org.iscsismis.operation.ParamValue;
import org.iscsismis.provider.MethodArguments;
import org.iscsismis.provider.MethodProvider;
import org.iscsismis.provider.MethodResult;
import org.iscsismis.provider.ProviderContext;
import org.junit.jupiter.api.Test;

/** InvokeMethod: parameter typing and every check before the provider, result typing after. */
class MethodInvokerTest {

    private final StorageFixture f = new StorageFixture();

    private RecordingSink invoke(ObjectPath target, String method, ParamValue... params) {
        return f.run(new InvokeMethodRequest(NS, target, CimName.of(method), List.of(params)));
    }

    private static ParamValue untyped(String name, String text) {
        return ParamValue.of(name, CimValue.ofString(text));
    }

    private static Map<String, CimValue> outs(RecordingSink s) {
        Map<String, CimValue> m = new HashMap<>();
        s.outParameters.forEach(p -> m.put(p.name().toString(), p.value()));
        return m;
    }

    @Test
    void everyParameterTypeInAndOut() {
        CimInstance settings = CimInstance.builder(SETTINGS).property("Label", "fast").property("Level", CimValue.ofUint32(3)).build();
        RecordingSink s = invoke(path(DISK, "D1"), "describe",
                untyped("Text", "hi"),
                untyped("Count", "7"),
                ParamValue.of("Numbers", CimValue.of(CimType.arrayOf(CimType.Kind.STRING), List.of("1", "2"))),
                untyped("Flag", "true"),
                untyped("Ratio", "0.5"),
                untyped("When", "20240102030405.000000+000"),
                ParamValue.of("Pool", CimValue.ofReference(path(POOL, "P1"))),
                ParamValue.of("Settings", CimValue.ofEmbeddedInstance(settings)));
        assertEquals(CimValue.ofUint32(8), s.only("methodResult", CimValue.class));
        Map<String, CimValue> out = outs(s);
        assertEquals(CimValue.ofString("hi!"), out.get("Echo"));
        assertEquals(CimValue.of(CimType.arrayOf(CimType.Kind.UINT16), List.of(2, 4)), out.get("Doubled"));
        assertEquals(CimValue.ofBoolean(false), out.get("Negated"));
        assertEquals(path(NS, POOL, "P1"), out.get("PoolOut").asReference(), "references get the request's namespace");
        assertEquals(CimType.INSTANCE, out.get("SettingsOut").type());
        assertEquals("seen fast", ((CimInstance) out.get("SettingsOut").value()).value("Label").asString());
        assertEquals(CimType.DATETIME, out.get("WhenOut").type(), "an OUT value given as text is typed from the declaration");
    }

    @Test
    void nullsAndAbsentParameters() {
        RecordingSink s = invoke(path(DISK, "D1"), "Describe", ParamValue.untypedNull(CimName.of("Text")),
                ParamValue.of("Pool", CimValue.nullOf(CimType.STRING)));
        assertEquals(CimValue.ofUint32(2), s.only("methodResult", CimValue.class));
        assertEquals(CimValue.nullOf(CimType.STRING), outs(s).get("Echo"));
        assertEquals(CimType.reference(POOL), outs(s).get("PoolOut").type());
    }

    @Test
    void returnValueIsTypedAndStaticMethodsRunOnClassPaths() {
        assertEquals(CimValue.ofUint32(0), invoke(path(DISK, "D1"), "Resize", untyped("NewSize", "512")).only("methodResult", CimValue.class));
        assertEquals(CimValue.ofUint32(5), invoke(path(DISK, "D1"), "Resize").only("methodResult", CimValue.class),
                "a method-level failure is a return code");
        RecordingSink count = invoke(ObjectPath.forClass(null, DISK), "Count");
        assertEquals(CimValue.ofUint32(3), outs(count).get("Total"));
    }

    private final AtomicInteger calls = new AtomicInteger();

    private final class Counting implements MethodProvider {
        MethodResult answer = MethodResult.of(CimValue.ofUint32(0));

        @Override
        public MethodResult invokeMethod(ProviderContext context, ObjectPath target, CimName methodName, MethodArguments in) {
            calls.incrementAndGet();
            return answer;
        }
    }

    @Test
    void everyCheckHappensBeforeTheProvider() {
        StorageFixture bare = new StorageFixture(false);
        Counting counting = new Counting();
        bare.registry.register(NS, DISK, counting);
        Dispatcher d = new Dispatcher(bare.repo, bare.registry, Clock.systemUTC());
        ObjectPath d1 = path(DISK, "D1");
        List<Object[]> cases = new ArrayList<>();
        cases.add(new Object[] {CimStatus.METHOD_NOT_FOUND, d1, "Explode", List.of(), "Explode"});
        cases.add(new Object[] {CimStatus.NOT_FOUND, path(CimName.of("Test_Nope"), "x"), "Describe", List.of(), "Test_Nope"});
        cases.add(new Object[] {CimStatus.INVALID_PARAMETER, d1, "Describe", List.of(untyped("Nope", "x")), "Nope"});
        cases.add(new Object[] {CimStatus.INVALID_PARAMETER, d1, "Describe", List.of(untyped("Count", "abc")), "Count"});
        cases.add(new Object[] {CimStatus.INVALID_PARAMETER, d1, "Describe", List.of(untyped("Count", "70000")), "Count"});
        cases.add(new Object[] {CimStatus.INVALID_PARAMETER, d1, "Describe", List.of(untyped("Echo", "x")), "not an IN parameter"});
        cases.add(new Object[] {CimStatus.INVALID_PARAMETER, d1, "Describe", List.of(untyped("Numbers", "1")), "Numbers"});
        cases.add(new Object[] {CimStatus.INVALID_PARAMETER, d1, "Describe", List.of(untyped("Pool", "P1")), "Pool"});
        cases.add(new Object[] {CimStatus.INVALID_PARAMETER, d1, "Describe",
                List.of(ParamValue.of("Pool", CimValue.ofReference(path(DISK, "D2")))), "Test_Pool"});
        cases.add(new Object[] {CimStatus.INVALID_PARAMETER, d1, "Describe", List.of(untyped("Settings", "<INSTANCE/>")),
                "EmbeddedObject"});
        cases.add(new Object[] {CimStatus.INVALID_PARAMETER, d1, "Describe",
                List.of(ParamValue.of("Settings", CimValue.ofEmbeddedInstance(CimInstance.builder(POOL).property("Id", "P").build()))),
                "Test_Settings"});
        cases.add(new Object[] {CimStatus.INVALID_PARAMETER, ObjectPath.builder(DISK).key("Nope", "x").build(), "Resize", List.of(), "Nope"});
        for (Object[] c : cases) {
            @SuppressWarnings("unchecked")
            List<ParamValue> params = (List<ParamValue>) c[3];
            InvokeMethodRequest r = new InvokeMethodRequest(NS, (ObjectPath) c[1], CimName.of((String) c[2]), params);
            assertCimError((CimStatus) c[0], () -> d.execute(r, new RecordingSink()), (String) c[4]);
        }
        assertEquals(0, calls.get(), "the provider was never called");

        counting.answer = MethodResult.of(CimValue.ofUint32(0)).with("Text", CimValue.ofString("x"));
        assertCimError(CimStatus.FAILED, () -> d.execute(new InvokeMethodRequest(NS, d1, CimName.of("Describe"), List.of()),
                new RecordingSink()), "Counting", "not an OUT parameter");
        counting.answer = MethodResult.of(CimValue.ofString("zero"));
        assertCimError(CimStatus.FAILED, () -> d.execute(new InvokeMethodRequest(NS, d1, CimName.of("Describe"), List.of()),
                new RecordingSink()), "Counting", "return value");
        assertEquals(2, calls.get());
    }

    @Test
    void aClassWithoutMethodProviderIsNotSupported() {
        StorageFixture bare = new StorageFixture(false);
        assertCimError(CimStatus.NOT_SUPPORTED, () -> bare.run(new InvokeMethodRequest(NS, path(DISK, "D1"), CimName.of("Resize"),
                List.of())), "Test_Disk", "Resize");
        assertFalse(bare.registry.providers(NS).containsKey(DISK));
    }
}
