package org.iscsismis.provider;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.iscsismis.cim.CimName;
import org.iscsismis.cim.CimValue;

/**
 * What a method returns: its return value and its OUT parameters. Values may be of any type that
 * converts to the declared one (the dispatcher types them); NULL is {@code CimValue.nullOf(...)}
 * of any type.
 *
 * <pre>{@code
 * return MethodResult.of(CimValue.ofUint32(0)).with("Job", CimValue.ofReference(jobPath));
 * }</pre>
 */
public record MethodResult(CimValue returnValue, Map<CimName, CimValue> outParameters) {

    public MethodResult {
        Objects.requireNonNull(returnValue, "returnValue must not be null (use CimValue.nullOf)");
        outParameters = Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(outParameters,
                "outParameters must not be null")));
    }

    public static MethodResult of(CimValue returnValue) {
        return new MethodResult(returnValue, Map.of());
    }

    /** A copy with OUT parameter {@code name} set. */
    public MethodResult with(String name, CimValue value) {
        Map<CimName, CimValue> out = new LinkedHashMap<>(outParameters);
        out.put(CimName.of(name), Objects.requireNonNull(value, "value must not be null (use CimValue.nullOf)"));
        return new MethodResult(returnValue, out);
    }
}
