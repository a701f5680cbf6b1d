package org.iscsismis.console;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import org.iscsismis.cim.CimClass;
import org.iscsismis.cim.CimException;
import org.iscsismis.cim.CimMethod;
import org.iscsismis.cim.CimName;
import org.iscsismis.cim.CimNamespace;
import org.iscsismis.cim.CimStatus;
import org.iscsismis.cim.CimValue;
import org.iscsismis.cim.ObjectPath;
import org.iscsismis.operation.ParamValue;

/**
 * The console's buttons: the replication service's methods, called as the user like any CIM client would call them
 * (the element is looked up by EnumerateInstanceNames, the service likewise). Each answers JSON:
 * <pre>{@code
 * {"ok": true, "code": 4096, "text": "Method Parameters Checked - Job Started", "job": "ISCSISMIS:JOB:3"}
 * {"ok": false, "code": 5, "text": "Invalid Parameter"}
 * {"ok": false, "error": "CIM_ERR_ACCESS_DENIED: ..."}
 * }</pre>
 * {@code text} is the method's {@code Values} name of the return code; {@code ok} means 0 (done) or 4096 (a job
 * runs).
 */
final class ConsoleActions {

    static final CimName VOLUME = CimName.of("CIM_StorageVolume");
    static final CimName SYNCHRONIZED = CimName.of("CIM_StorageSynchronized");
    static final CimName REPLICATION_SERVICE = CimName.of("CIM_ReplicationService");
    static final CimName CREATE_ELEMENT_REPLICA = CimName.of("CreateElementReplica");
    static final CimName MODIFY_REPLICA_SYNCHRONIZATION = CimName.of("ModifyReplicaSynchronization");

    private static final long JOB_STARTED = 4096;

    private final CimNamespace namespace;

    ConsoleActions(CimNamespace namespace) {
        this.namespace = namespace;
    }

    /**
     * CreateElementReplica of {@code type} from the volume whose console id is {@code volumeId}.
     *
     * @param elementName the new target's ElementName, or null to let the provider name it
     */
    String createReplica(ConsoleUser user, String volumeId, SyncType type, String elementName) {
        CimSession cim = new CimSession(user.operations());
        try {
            ObjectPath volume = find(cim, VOLUME, volumeId, "volume");
            List<ParamValue> in = new ArrayList<>();
            if (elementName != null && !elementName.isBlank()) {
                in.add(ParamValue.of("ElementName", CimValue.ofString(elementName.strip())));
            }
            in.add(ParamValue.of("SyncType", CimValue.ofUint16(type.code())));
            in.add(ParamValue.of("SourceElement", CimValue.ofReference(volume)));
            return call(cim, CREATE_ELEMENT_REPLICA, in);
        } catch (CimException e) {
            return error(e);
        }
    }

    /** ModifyReplicaSynchronization {@code operation} of the pair whose console id is {@code pairId}. */
    String modifySynchronization(ConsoleUser user, String pairId, SynchronizationOperation operation) {
        CimSession cim = new CimSession(user.operations());
        try {
            ObjectPath pair = find(cim, SYNCHRONIZED, pairId, "replication pair");
            List<ParamValue> in = new ArrayList<>();
            in.add(ParamValue.of("Operation", CimValue.ofUint16(operation.code())));
            in.add(ParamValue.of("Synchronization", CimValue.ofReference(pair)));
            return call(cim, MODIFY_REPLICA_SYNCHRONIZATION, in);
        } catch (CimException e) {
            return error(e);
        }
    }

    private String call(CimSession cim, CimName method, List<ParamValue> in) {
        ObjectPath service = first(cim.instanceNames(namespace, REPLICATION_SERVICE), "replication service");
        CimSession.MethodAnswer answer = cim.invokeMethod(namespace, service, method, in);
        long code = answer.returnValue().isNull() ? -1 : answer.returnValue().asLong();
        StringBuilder text = new StringBuilder();
        JsonWriter json = new JsonWriter(text).beginObject();
        json.member("ok", code == 0 || code == JOB_STARTED);
        json.member("code", code);
        json.member("text", returnCodeName(cim, service, method, code));
        CimValue job = answer.out("Job");
        if (job != null && !job.isNull() && job.value() instanceof ObjectPath jobPath) {
            json.member("job", InstanceJson.label(jobPath));
        }
        json.endObject();
        return text.toString();
    }

    /** The method's {@code Values} name for {@code code}, or "return code N" when the class does not name it. */
    private String returnCodeName(CimSession cim, ObjectPath service, CimName method, long code) {
        CimClass serviceClass = cim.declarationOf(namespace, service.className());
        CimMethod declared = serviceClass == null ? null : serviceClass.method(method);
        String name = declared == null ? null : ValueNames.of(declared.qualifiers()).nameOf(BigInteger.valueOf(code));
        return name != null ? name : "return code " + code;
    }

    /** The instance of {@code className} whose console id is {@code id}, as EnumerateInstanceNames gives it. */
    private ObjectPath find(CimSession cim, CimName className, String id, String what) {
        for (ObjectPath path : cim.instanceNames(namespace, className)) {
            if (path.canonical().equals(id)) {
                return path;
            }
        }
        throw new CimException(CimStatus.NOT_FOUND,
                "The " + what + " is no longer there (the server lists no " + className + " " + id + ")");
    }

    private static ObjectPath first(List<ObjectPath> paths, String what) {
        if (paths.isEmpty()) {
            throw new CimException(CimStatus.NOT_FOUND, "The server has no " + what);
        }
        return paths.get(0);
    }

    static String error(CimException e) {
        StringBuilder text = new StringBuilder();
        new JsonWriter(text).beginObject().member("ok", false)
                .member("error", e.getMessage()).endObject();
        return text.toString();
    }
}
