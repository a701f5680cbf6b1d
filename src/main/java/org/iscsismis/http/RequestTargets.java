package org.iscsismis.http;

import java.lang.reflect.RecordComponent;
import org.iscsismis.cim.CimClass;
import org.iscsismis.cim.CimInstance;
import org.iscsismis.cim.CimName;
import org.iscsismis.cim.ObjectPath;
import org.iscsismis.cimxml.ParsedRequest;
import org.iscsismis.operation.CimRequest;

/**
 * The class or object a request is about, for the request log: the extrinsic call's path, or the
 * first class name / object path / class / instance among the request record's components.
 * Reflective, so it costs something only when debug logging is on.
 */
final class RequestTargets {

    private RequestTargets() {
    }

    static String describe(ParsedRequest parsed) {
        if (!parsed.intrinsic() && parsed.objectPath() != null) {
            return parsed.objectPath().toString();
        }
        CimRequest request = parsed.request();
        if (request == null) {
            return "-";
        }
        for (RecordComponent component : request.getClass().getRecordComponents()) {
            Object value;
            try {
                value = component.getAccessor().invoke(request);
            } catch (ReflectiveOperationException | RuntimeException e) {
                continue;
            }
            if (value instanceof CimName || value instanceof ObjectPath) {
                return value.toString();
            }
            if (value instanceof CimClass c) {
                return c.name().toString();
            }
            if (value instanceof CimInstance i) {
                return i.className().toString();
            }
        }
        return "-";
    }
}
