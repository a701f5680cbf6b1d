package org.iscsismis.e2e;

import static org.iscsismis.e2e.SblimClients.all;
import static org.iscsismis.e2e.SblimClients.classPath;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Predicate;

import org.metricshub.wbem.javax.cim.CIMArgument;
import org.metricshub.wbem.javax.cim.CIMDataType;
import org.metricshub.wbem.javax.cim.CIMInstance;
import org.metricshub.wbem.javax.cim.CIMObjectPath;
import org.metricshub.wbem.javax.cim.CIMProperty;
import org.metricshub.wbem.javax.cim.UnsignedInteger16;
import org.metricshub.wbem.javax.cim.UnsignedInteger32;
import org.metricshub.wbem.javax.cim.UnsignedInteger64;
import org.metricshub.wbem.javax.wbem.WBEMException;
import org.metricshub.wbem.javax.wbem.client.WBEMClient;

/** Calls of the iSCSI target's service methods through the SBLIM client, and waits on what they start. */
final class ReplicationCalls {

    static final String NS = "root/cimv2/storage/iscsitarget";
    static final String REPLICATION_SERVICE = "MSISCSITARGET_ReplicationService";
    static final String CONFIGURATION_SERVICE = "MSISCSITARGET_StorageConfigurationService";
    private static final long DEADLINE_NANOS = TimeUnit.SECONDS.toNanos(30);

    /** A method's return value and OUT parameters. */
    record Answer(long returnValue, Map<String, Object> out) {
        CIMObjectPath ref(String name) {
            return inNamespace((CIMObjectPath) out.get(name));
        }

        @Override
        public String toString() {
            return returnValue + " " + out;
        }
    }

    private final WBEMClient client;

    ReplicationCalls(WBEMClient client) {
        this.client = client;
    }

    /** The one instance of a service class, found by enumeration. */
    CIMObjectPath service(String className) throws WBEMException {
        List<CIMObjectPath> names = all(client.enumerateInstanceNames(classPath(NS, className)));
        assertEquals(1, names.size(), names::toString);
        return inNamespace(names.get(0));
    }

    Answer invoke(String serviceClass, String method, CIMArgument<?>... in) throws WBEMException {
        return invokeOn(service(serviceClass), method, in);
    }

    Answer invokeOn(CIMObjectPath target, String method, CIMArgument<?>... in) throws WBEMException {
        CIMArgument<?>[] out = new CIMArgument<?>[8];
        Object rv = client.invokeMethod(target, method, in, out);
        Map<String, Object> outs = new LinkedHashMap<>();
        for (CIMArgument<?> a : out) {
            if (a != null) {
                outs.put(a.getName(), a.getValue());
            }
        }
        return new Answer(((UnsignedInteger32) rv).longValue(), outs);
    }

    /** A new volume of {@code size} bytes in the pool, made by CreateOrModifyElementFromStoragePool. */
    CIMObjectPath createVolume(String name, long size, String poolId) throws WBEMException {
        Answer a = invoke(CONFIGURATION_SERVICE, "CreateOrModifyElementFromStoragePool", text("ElementName", name),
                u16("ElementType", 2), u64("Size", size), ref("InPool", pool(poolId)));
        assertEquals(0, a.returnValue(), a::toString);
        return a.ref("TheElement");
    }

    /** ModifyReplicaSynchronization of one association. */
    Answer modify(CIMObjectPath synchronization, int operation) throws WBEMException {
        return invoke(REPLICATION_SERVICE, "ModifyReplicaSynchronization", u16("Operation", operation),
                ref("Synchronization", synchronization));
    }

    static CIMArgument<UnsignedInteger16> u16(String name, int value) {
        return new CIMArgument<>(name, CIMDataType.UINT16_T, new UnsignedInteger16(value));
    }

    static CIMArgument<UnsignedInteger64> u64(String name, long value) {
        return new CIMArgument<>(name, CIMDataType.UINT64_T, new UnsignedInteger64(Long.toString(value)));
    }

    static CIMArgument<String> text(String name, String value) {
        return new CIMArgument<>(name, CIMDataType.STRING_T, value);
    }

    static CIMArgument<CIMObjectPath> ref(String name, CIMObjectPath path) {
        return new CIMArgument<>(name, new CIMDataType(path.getObjectName()), path);
    }

    /** An embedded CIM_ReplicationSettingData with the given uint16 properties. */
    static CIMArgument<CIMInstance> replicationSettings(Map<String, Integer> values) {
        List<CIMProperty<?>> props = new ArrayList<>();
        values.forEach((k, v) -> props.add(new CIMProperty<>(k, CIMDataType.UINT16_T, new UnsignedInteger16(v))));
        CIMInstance settings = new CIMInstance(new CIMObjectPath(null, null, null, null, "CIM_ReplicationSettingData", null),
                props.toArray(CIMProperty<?>[]::new));
        return new CIMArgument<>("ReplicationSettingData", CIMDataType.OBJECT_T, settings);
    }

    static CIMObjectPath volume(String diskId) {
        return new CIMObjectPath(null, null, null, NS, "MSISCSITARGET_StorageVolume", new CIMProperty<?>[] {
                new CIMProperty<>("CreationClassName", CIMDataType.STRING_T, "MSISCSITARGET_StorageVolume", true, false, null),
                new CIMProperty<>("DeviceID", CIMDataType.STRING_T, diskId, true, false, null),
                new CIMProperty<>("SystemCreationClassName", CIMDataType.STRING_T, "MSFTSM_ComputerSystem", true, false, null),
                new CIMProperty<>("SystemName", CIMDataType.STRING_T, "iscsi-smis", true, false, null)});
    }

    static CIMObjectPath pool(String poolId) {
        return new CIMObjectPath(null, null, null, NS, "MSISCSITARGET_StoragePool", new CIMProperty<?>[] {
                new CIMProperty<>("InstanceID", CIMDataType.STRING_T, "iscsi-smis:" + poolId, true, false, null)});
    }

    /** A volume path as wbemcli writes a reference: namespace:class.keys, values quoted. */
    static String cliVolume(String diskId) {
        return NS + ":MSISCSITARGET_StorageVolume.CreationClassName=\"MSISCSITARGET_StorageVolume\",DeviceID=\""
                + diskId + "\",SystemCreationClassName=\"MSFTSM_ComputerSystem\",SystemName=\"iscsi-smis\"";
    }

    /** A new volume of {@code size} bytes in pool {@code poolId}, made by CreateOrModifyElementFromStoragePool. */
    CIMObjectPath newVolume(String poolId, long size, String name) throws WBEMException {
        Answer a = invoke(CONFIGURATION_SERVICE, "CreateOrModifyElementFromStoragePool", text("ElementName", name),
                u64("Size", size), ref("InPool", pool(poolId)));
        assertEquals(0, a.returnValue(), a::toString);
        return a.ref("TheElement");
    }

    static String diskId(CIMObjectPath volume) {
        return (String) volume.getKey("DeviceID").getValue();
    }

    CIMInstance get(CIMObjectPath path) throws WBEMException {
        return client.getInstance(path, false, false, null);
    }

    static int uint16(CIMInstance i, String property) {
        return ((Number) i.getPropertyValue(property)).intValue();
    }

    /** A uint16[] property (OperationalStatus, say) as a list. */
    static List<Integer> uint16s(CIMInstance i, String property) {
        return Arrays.stream((UnsignedInteger16[]) i.getPropertyValue(property)).map(UnsignedInteger16::intValue).toList();
    }

    /** Gets the instance until {@code condition} holds, or fails at the deadline. */
    CIMInstance await(CIMObjectPath path, Predicate<CIMInstance> condition) throws WBEMException {
        long deadline = System.nanoTime() + DEADLINE_NANOS;
        while (true) {
            CIMInstance i = get(path);
            if (condition.test(i)) {
                return i;
            }
            assertTrue(System.nanoTime() < deadline, () -> "condition not reached: " + i);
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(5));
        }
    }

    /** Waits for the job of a 4096 answer to finish Completed (7); a 0 answer has nothing to wait for. */
    void awaitDone(Answer a) throws WBEMException {
        assertTrue(a.returnValue() == 0 || a.returnValue() == 4096, a::toString);
        if (a.returnValue() == 4096) {
            CIMInstance job = await(a.ref("Job"), j -> uint16(j, "JobState") >= 7);
            assertEquals(7, uint16(job, "JobState"), job::toString);
            assertEquals(100, uint16(job, "PercentComplete"));
        }
    }

    static CIMObjectPath inNamespace(CIMObjectPath p) {
        if (p == null || p.getNamespace() != null && !p.getNamespace().isEmpty()) {
            return p;
        }
        return new CIMObjectPath(null, null, null, NS, p.getObjectName(), p.getKeys());
    }
}
