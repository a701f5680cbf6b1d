package org.iscsismis.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.stream.Stream;
import org.iscsismis.cim.CimClass;
import org.iscsismis.cim.CimFlavor;
import org.iscsismis.cim.CimInstance;
import org.iscsismis.cim.CimName;
import org.iscsismis.cim.CimNamespace;
import org.iscsismis.cim.CimQualifierType;
import org.iscsismis.cim.CimType;
import org.iscsismis.cim.CimValue;
import org.iscsismis.cim.KeyBinding;
import org.iscsismis.cim.ObjectPath;
import org.iscsismis.cimxml.ParsedRequest;
import org.iscsismis.operation.CimRequest;
import org.iscsismis.operation.EnumerateQualifiersRequest;
import org.iscsismis.operation.GetClassRequest;
import org.iscsismis.operation.InvokeMethodRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The request log's target: what each operation is about. */
class RequestTargetsTest {

    private static final CimNamespace NS = CimNamespace.of("root/cimv2");
    private static final CimName NAME = CimName.of("CIM_Named");
    private static final ObjectPath PATH = ObjectPath.of(NS, CimName.of("CIM_Path"), List.of(KeyBinding.of("Id", "1")));

    private static String describe(CimRequest request) {
        return RequestTargets.describe(new ParsedRequest("1", "1.0", request.operationName(), true, NS, null, request, null));
    }

    @Test
    void namesTheClassOrPathTheOperationIsAbout() {
        assertEquals("CIM_Named", describe(new GetClassRequest(NS, NAME, false, true, false, null)));
        assertEquals("-", describe(new EnumerateQualifiersRequest(NS)));
        ParsedRequest extrinsic = new ParsedRequest("1", "1.0", "Go", false, NS, PATH,
                new InvokeMethodRequest(NS, PATH, CimName.of("Go"), List.of()), null);
        assertEquals(PATH.toString(), RequestTargets.describe(extrinsic));
        assertEquals("-", RequestTargets.describe(new ParsedRequest("1", "1.0", "X", true, NS, null, null, null)));
    }

    static Stream<Class<?>> records() {
        List<Class<?>> all = new ArrayList<>();
        collect(CimRequest.class, all);
        return all.stream();
    }

    private static void collect(Class<?> type, List<Class<?>> into) {
        if (type.isRecord()) {
            into.add(type);
        } else {
            for (Class<?> sub : type.getPermittedSubclasses()) {
                collect(sub, into);
            }
        }
    }

    /** Every request record that holds a class, qualifier, instance or path has a target, so a new record cannot be forgotten. */
    @ParameterizedTest
    @MethodSource("records")
    void everyRecordWithATargetNamesIt(Class<?> type) throws Exception {
        RecordComponent[] components = type.getRecordComponents();
        Object[] args = new Object[components.length];
        boolean hasTarget = false;
        for (int i = 0; i < components.length; i++) {
            Class<?> t = components[i].getType();
            hasTarget |= i > 0 && (t == CimName.class || t == ObjectPath.class || t == CimClass.class || t == CimInstance.class
                    || t == CimQualifierType.class) && !components[i].getName().equals("methodName");
            args[i] = sample(t);
        }
        Class<?>[] types = Stream.of(components).map(RecordComponent::getType).toArray(Class<?>[]::new);
        CimRequest request = (CimRequest) type.getDeclaredConstructor(types).newInstance(args);
        if (hasTarget) {
            assertNotEquals("-", describe(request), type.getSimpleName());
        } else {
            assertEquals("-", describe(request), type.getSimpleName());
        }
    }

    private static Object sample(Class<?> t) {
        if (t == CimNamespace.class) {
            return NS;
        } else if (t == CimName.class) {
            return NAME;
        } else if (t == ObjectPath.class) {
            return PATH;
        } else if (t == CimClass.class) {
            return CimClass.builder("CIM_Class").build();
        } else if (t == CimInstance.class) {
            return CimInstance.builder("CIM_Instance").build().withPath(PATH);
        } else if (t == CimQualifierType.class) {
            return new CimQualifierType(NAME, CimType.BOOLEAN, null, EnumSet.noneOf(org.iscsismis.cim.CimScope.class),
                    new CimFlavor(true, true, false));
        } else if (t == CimValue.class) {
            return CimValue.ofString("v");
        } else if (t == String.class) {
            return "s";
        } else if (t == boolean.class) {
            return false;
        } else if (t == long.class) {
            return 1L;
        } else if (t == List.class) {
            return List.of();
        } else if (t == Long.class || t == Boolean.class) {
            return null;
        }
        return fail("no sample for " + t);
    }
}
