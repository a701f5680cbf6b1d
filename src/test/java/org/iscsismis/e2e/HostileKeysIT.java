package org.iscsismis.e2e;

import static org.iscsismis.e2e.SblimClients.all;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.metricshub.wbem.javax.cim.CIMArgument;
import org.metricshub.wbem.javax.cim.CIMClass;
import org.metricshub.wbem.javax.cim.CIMDataType;
import org.metricshub.wbem.javax.cim.CIMMethod;
import org.metricshub.wbem.javax.cim.CIMObjectPath;
import org.metricshub.wbem.javax.cim.CIMParameter;
import org.metricshub.wbem.javax.cim.CIMProperty;
import org.metricshub.wbem.javax.cim.CIMQualifier;
import org.metricshub.wbem.javax.wbem.WBEMException;
import org.metricshub.wbem.javax.wbem.client.WBEMClient;

/**
 * Keys no client should send — another format, huge numbers, empty, unicode, very long — in the paths of every
 * MSISCSITARGET_* and MSFTSM_* class (GetInstance, ReferenceNames, AssociatorNames) and in every reference parameter of
 * their methods, on the demo target: each answer is a result, a return code, or NOT_FOUND / INVALID_PARAMETER (or,
 * for methods, another status of a refused call), never CIM_ERR_FAILED, and no description names a Java exception or
 * carries a stack frame.
 */
class HostileKeysIT {

    private static final String NS = ReplicationCalls.NS;
    private static final List<String> HOSTILE = List.of("acc-no-such-xyz", "", "-", "disk-99999999999999999999999999",
            "pool-99999999999999999999999999", "pool-1x", "x-1e3", "диск-①\uD83D\uDCBE", "x".repeat(3000));
    /** A Java exception or error class name, or a stack frame. */
    private static final Pattern JAVA_TEXT = Pattern.compile(
            "[A-Za-z]+(Exception|Error)\\b(?<!CIM_Error)|\\bjava\\.[a-z]|\\bat [\\w$.]+\\(|\\.java:\\d");
    /** Statuses a refused call may answer: NOT_FOUND, INVALID_PARAMETER; for methods also NOT_SUPPORTED, METHOD_NOT_*. */
    private static final Set<Integer> READ_STATUSES = Set.of(4, 6);
    private static final Set<Integer> METHOD_STATUSES = Set.of(4, 6, 7, 16, 17);

    @RegisterExtension
    static final ServerFixture server = ServerFixture.demo();
    private static final WBEMClient client = server.client();
    private static List<String> classNames;

    @BeforeAll
    static void start() throws WBEMException {
        classNames = new ArrayList<>();
        for (CIMObjectPath c : all(client.enumerateClassNames(SblimClients.classPath(NS, null), true))) {
            String name = c.getObjectName();
            if (name.startsWith("MSISCSITARGET_") || name.startsWith("MSFTSM_")) {
                classNames.add(name);
            }
        }
        assertTrue(classNames.size() > 40, classNames::toString);
    }

    private interface Call {
        void run() throws WBEMException;
    }

    /** Runs {@code call}; a CIM error must be one of {@code allowed} and say nothing of Java. */
    private static void check(List<String> findings, String what, Set<Integer> allowed, Call call) {
        try {
            call.run();
        } catch (WBEMException e) {
            String text = e.getMessage() == null ? "" : e.getMessage();
            if (!allowed.contains(e.getID()) || JAVA_TEXT.matcher(text).find()) {
                findings.add(what + " -> " + e.getID() + " " + text);
            }
        } catch (RuntimeException e) {
            findings.add(what + " -> client failed: " + e);
        }
    }

    private static final Map<String, CIMClass> CLASSES = new HashMap<>();
    private static final Map<String, String> CONCRETE = new HashMap<>();

    private static CIMClass cimClass(String name) throws WBEMException {
        CIMClass c = CLASSES.get(name);
        if (c == null) {
            c = client.getClass(SblimClients.classPath(NS, name), false, true, false, null);
            CLASSES.put(name, c);
        }
        return c;
    }

    /** A path of {@code className} with its keys hostile; when {@code plausible}, the fixed keys right and only the ids hostile. */
    private static CIMObjectPath hostilePath(String className, String hostile, boolean plausible, int depth) throws WBEMException {
        List<CIMProperty<?>> keys = new ArrayList<>();
        for (CIMProperty<?> p : cimClass(className).getProperties()) {
            if (!p.isKey()) {
                continue;
            }
            CIMDataType type = p.getDataType();
            if ((type.getType() == CIMDataType.REFERENCE)) {
                String target = depth > 0 ? "MSISCSITARGET_StorageVolume" : concreteClass(type.getRefClassName());
                keys.add(new CIMProperty<>(p.getName(), new CIMDataType(target), hostilePath(target, hostile, plausible, depth + 1),
                        true, false, null));
            } else {
                keys.add(new CIMProperty<>(p.getName(), CIMDataType.STRING_T, keyValue(p.getName(), className, hostile, plausible),
                        true, false, null));
            }
        }
        return new CIMObjectPath(null, null, null, NS, className, keys.toArray(CIMProperty<?>[]::new));
    }

    private static String keyValue(String key, String className, String hostile, boolean plausible) {
        if (!plausible) {
            return hostile;
        }
        return switch (key.toLowerCase(Locale.ROOT)) {
            case "creationclassname" -> className;
            case "systemcreationclassname" -> "MSFTSM_ComputerSystem";
            case "systemname" -> "iscsi-smis";
            case "instanceid" -> "iscsi-smis:" + (className.endsWith("StorageCapabilities") ? "StorageCapabilities:"
                    : className.endsWith("StorageSetting") ? "StorageSetting:" : "") + hostile;
            default -> hostile;
        };
    }

    /** One of our classes that is (or derives from) {@code declared}, so that the reference reaches our code. */
    private static String concreteClass(String declared) throws WBEMException {
        if (declared == null || declared.isEmpty() || declared.startsWith("MSISCSITARGET_") || declared.startsWith("MSFTSM_")) {
            return declared == null || declared.isEmpty() ? "MSISCSITARGET_StorageVolume" : declared;
        }
        String found = CONCRETE.get(declared);
        if (found == null) {
            found = "MSISCSITARGET_StorageVolume";
            for (CIMObjectPath c : all(client.enumerateClassNames(SblimClients.classPath(NS, declared), true))) {
                if (c.getObjectName().startsWith("MSISCSITARGET_") || c.getObjectName().startsWith("MSFTSM_")) {
                    found = c.getObjectName();
                    break;
                }
            }
            CONCRETE.put(declared, found);
        }
        return found;
    }

    @Test
    void hostileKeysInEveryClassAreNotFoundOrInvalid() throws WBEMException {
        List<String> findings = new ArrayList<>();
        for (String className : classNames) {
            for (String hostile : HOSTILE) {
                // every value where the fixed keys are right and only the id is hostile (the deepest path); the
                // first three with every key hostile
                for (boolean plausible : HOSTILE.indexOf(hostile) < 3 ? List.of(true, false) : List.of(true)) {
                    CIMObjectPath path = hostilePath(className, hostile, plausible, 0);
                    String what = className + " " + (plausible ? "id " : "all keys ") + abbreviated(hostile);
                    check(findings, "GetInstance " + what, READ_STATUSES, () -> client.getInstance(path, false, false, null));
                    check(findings, "ReferenceNames " + what, READ_STATUSES, () -> all(client.referenceNames(path, null, null)));
                    // the SBLIM client writes the reference keys of an AssociatorNames ObjectName as KEYVALUE strings
                    // typed "<class> ref", which DSP0201 does not allow (HTTP 400): association paths are walked by
                    // ReferenceNames only
                    if (!hasReferenceKeys(className)) {
                        check(findings, "AssociatorNames " + what, READ_STATUSES,
                                () -> all(client.associatorNames(path, null, null, null, null)));
                    }
                }
            }
        }
        assertEquals(List.of(), findings);
    }

    @Test
    void hostileReferencesInEveryMethodParameterGetAnAnswerNotAnException() throws WBEMException {
        List<String> findings = new ArrayList<>();
        int calls = 0;
        for (String className : classNames) {
            CIMClass cls = cimClass(className);
            List<CIMObjectPath> instances = all(client.enumerateInstanceNames(SblimClients.classPath(NS, className)));
            CIMObjectPath target = instances.isEmpty() ? SblimClients.classPath(NS, className) : ReplicationCalls.inNamespace(instances.get(0));
            for (CIMMethod<?> method : cls.getMethods()) {
                for (CIMParameter<?> param : method.getParameters()) {
                    if (!(param.getDataType().getType() == CIMDataType.REFERENCE) || !isIn(param)) {
                        continue;
                    }
                    for (String hostile : List.of("acc-no-such-xyz", "pool-99999999999999999999999999", "диск-①")) {
                        CIMArgument<?> arg = hostileArgument(param, hostile);
                        String what = className + "." + method.getName() + "(" + param.getName() + "=" + hostile + ")";
                        check(findings, what, METHOD_STATUSES,
                                () -> client.invokeMethod(target, method.getName(), new CIMArgument<?>[] {arg}, new CIMArgument<?>[16]));
                        calls++;
                    }
                }
            }
        }
        assertTrue(calls > 100, "reference parameters tried: " + calls);
        assertEquals(List.of(), findings);
    }

    private static boolean hasReferenceKeys(String className) throws WBEMException {
        for (CIMProperty<?> p : cimClass(className).getProperties()) {
            if (p.isKey() && p.getDataType().getType() == CIMDataType.REFERENCE) {
                return true;
            }
        }
        return false;
    }

    private static boolean isIn(CIMParameter<?> param) {
        CIMQualifier<?> in = param.getQualifier("In");
        return in == null || !Boolean.FALSE.equals(in.getValue());
    }

    private static CIMArgument<?> hostileArgument(CIMParameter<?> param, String hostile) throws WBEMException {
        String refClass = concreteClass(param.getDataType().getRefClassName());
        CIMObjectPath ref = hostilePath(refClass, hostile, true, 0);
        if (param.getDataType().isArray()) {
            return new CIMArgument<>(param.getName(), new CIMDataType(refClass, 0), new CIMObjectPath[] {ref});
        }
        return new CIMArgument<>(param.getName(), new CIMDataType(refClass), ref);
    }

    @Test
    void keysTypedAsNumbersOrBooleansAreRefusedCleanly() {
        RawCimHttp http = new RawCimHttp(server.url());
        for (String keyValue : List.of("<KEYVALUE VALUETYPE=\"numeric\">99999999999999999999999999</KEYVALUE>",
                "<KEYVALUE VALUETYPE=\"numeric\">-1</KEYVALUE>", "<KEYVALUE VALUETYPE=\"boolean\">true</KEYVALUE>")) {
            String body = "<?xml version=\"1.0\" encoding=\"utf-8\" ?><CIM CIMVERSION=\"2.0\" DTDVERSION=\"2.0\">"
                    + "<MESSAGE ID=\"7\" PROTOCOLVERSION=\"1.0\"><SIMPLEREQ><IMETHODCALL NAME=\"GetInstance\"><LOCALNAMESPACEPATH>"
                    + "<NAMESPACE NAME=\"root\"/><NAMESPACE NAME=\"cimv2\"/><NAMESPACE NAME=\"storage\"/><NAMESPACE NAME=\"iscsitarget\"/>"
                    + "</LOCALNAMESPACEPATH><IPARAMVALUE NAME=\"InstanceName\"><INSTANCENAME CLASSNAME=\"MSISCSITARGET_StoragePool\">"
                    + "<KEYBINDING NAME=\"InstanceID\">" + keyValue + "</KEYBINDING></INSTANCENAME></IPARAMVALUE>"
                    + "</IMETHODCALL></SIMPLEREQ></MESSAGE></CIM>";
            HttpResponse<String> r = http.post("GetInstance", "root/cimv2/storage/iscsitarget", body);
            assertEquals(200, r.statusCode(), r::body);
            assertTrue(r.body().contains("CODE=\"6\"") || r.body().contains("CODE=\"4\""), r::body);
            assertTrue(!JAVA_TEXT.matcher(r.body()).find(), r::body);
        }
    }

    private static String abbreviated(String s) {
        return s.length() > 40 ? s.substring(0, 20) + "…(" + s.length() + " chars)" : "\"" + s + "\"";
    }
}
