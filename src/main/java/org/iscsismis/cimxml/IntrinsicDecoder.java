package org.iscsismis.cimxml;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.xml.stream.XMLStreamConstants;
import org.iscsismis.cim.CimClass;
import org.iscsismis.cim.CimException;
import org.iscsismis.cim.CimInstance;
import org.iscsismis.cim.CimName;
import org.iscsismis.cim.CimNamespace;
import org.iscsismis.cim.CimQualifierType;
import org.iscsismis.cim.CimStatus;
import org.iscsismis.cim.CimType;
import org.iscsismis.cim.CimValue;
import org.iscsismis.cim.ObjectPath;
import org.iscsismis.operation.*;

/**
 * Decodes the {@code IPARAMVALUE}s of an {@code IMETHODCALL} by a per-operation parameter table
 * (DSP0200 names, matched case-insensitively) and builds the operation record through its builder,
 * so absent optional parameters take the DSP0200 defaults.
 *
 * <p>An unknown parameter is CIM_ERR_NOT_SUPPORTED; a duplicated or missing required parameter,
 * a NULL where NULL is not allowed, or a value of the wrong form is CIM_ERR_INVALID_PARAMETER.
 * An IPARAMVALUE without child is an explicit NULL.
 */
final class IntrinsicDecoder {

    /** How a parameter is written inside IPARAMVALUE (DSP0200 §3.1 of the fact sheet). */
    enum Kind { CLASSNAME, INSTANCENAME, OBJECTNAME, BOOLEAN, NAME, STRING, UINT32, PROPERTYLIST, CLASS, INSTANCE,
        NAMEDINSTANCE, QUALIFIERDECL, PROPERTYVALUE }

    record Spec(String name, Kind kind, boolean required, boolean nullable) {
    }

    record Op(String name, Map<String, Spec> params) {
    }

    private static final Object NULL = new Object();
    private static final Map<String, Op> OPS = new HashMap<>();

    static {
        Spec className = req("ClassName", Kind.CLASSNAME);
        Spec optClassName = opt("ClassName", Kind.CLASSNAME);
        Spec localOnly = flag("LocalOnly");
        Spec deep = flag("DeepInheritance");
        Spec iq = flag("IncludeQualifiers");
        Spec ico = flag("IncludeClassOrigin");
        Spec pl = opt("PropertyList", Kind.PROPERTYLIST);
        Spec instanceName = req("InstanceName", Kind.INSTANCENAME);
        Spec objectName = req("ObjectName", Kind.OBJECTNAME);
        Spec assocClass = opt("AssocClass", Kind.CLASSNAME);
        Spec resultClass = opt("ResultClass", Kind.CLASSNAME);
        Spec role = opt("Role", Kind.NAME);
        Spec resultRole = opt("ResultRole", Kind.NAME);
        Spec fql = opt("FilterQueryLanguage", Kind.STRING);
        Spec fq = opt("FilterQuery", Kind.STRING);
        Spec timeout = opt("OperationTimeout", Kind.UINT32);
        Spec coe = flag("ContinueOnError");
        Spec moc = new Spec("MaxObjectCount", Kind.UINT32, false, false);
        Spec reqMoc = new Spec("MaxObjectCount", Kind.UINT32, true, false);
        Spec ctx = req("EnumerationContext", Kind.STRING);
        op("GetClass", className, localOnly, iq, ico, pl);
        op("EnumerateClasses", optClassName, deep, localOnly, iq, ico);
        op("EnumerateClassNames", optClassName, deep);
        op("CreateClass", req("NewClass", Kind.CLASS));
        op("ModifyClass", req("ModifiedClass", Kind.CLASS));
        op("DeleteClass", className);
        op("GetQualifier", req("QualifierName", Kind.NAME));
        op("SetQualifier", req("QualifierDeclaration", Kind.QUALIFIERDECL));
        op("DeleteQualifier", req("QualifierName", Kind.NAME));
        op("EnumerateQualifiers");
        op("GetInstance", instanceName, localOnly, iq, ico, pl);
        op("EnumerateInstances", className, localOnly, deep, iq, ico, pl);
        op("EnumerateInstanceNames", className);
        op("CreateInstance", req("NewInstance", Kind.INSTANCE));
        op("ModifyInstance", req("ModifiedInstance", Kind.NAMEDINSTANCE), iq, pl);
        op("DeleteInstance", instanceName);
        op("GetProperty", instanceName, req("PropertyName", Kind.NAME));
        op("SetProperty", instanceName, req("PropertyName", Kind.NAME), opt("NewValue", Kind.PROPERTYVALUE));
        op("Associators", objectName, assocClass, resultClass, role, resultRole, iq, ico, pl);
        op("AssociatorNames", objectName, assocClass, resultClass, role, resultRole);
        op("References", objectName, resultClass, role, iq, ico, pl);
        op("ReferenceNames", objectName, resultClass, role);
        op("ExecQuery", req("QueryLanguage", Kind.STRING), req("Query", Kind.STRING));
        op("OpenEnumerateInstances", className, deep, ico, pl, fql, fq, timeout, coe, moc);
        op("OpenEnumerateInstancePaths", className, fql, fq, timeout, coe, moc);
        op("OpenAssociatorInstances", instanceName, assocClass, resultClass, role, resultRole, ico, pl, fql, fq, timeout, coe, moc);
        op("OpenAssociatorInstancePaths", instanceName, assocClass, resultClass, role, resultRole, fql, fq, timeout, coe, moc);
        op("OpenReferenceInstances", instanceName, resultClass, role, ico, pl, fql, fq, timeout, coe, moc);
        op("OpenReferenceInstancePaths", instanceName, resultClass, role, fql, fq, timeout, coe, moc);
        op("OpenQueryInstances", req("FilterQueryLanguage", Kind.STRING), req("FilterQuery", Kind.STRING),
                flag("ReturnQueryResultClass"), timeout, coe, moc);
        op("PullInstancesWithPath", ctx, reqMoc);
        op("PullInstancePaths", ctx, reqMoc);
        op("PullInstances", ctx, reqMoc);
        op("CloseEnumeration", ctx);
        op("EnumerationCount", ctx);
        if (OPS.size() != CimRequest.INTRINSIC_OPERATIONS.size()) {
            throw new AssertionError("parameter table does not cover CimRequest.INTRINSIC_OPERATIONS");
        }
    }

    private static Spec req(String name, Kind kind) {
        return new Spec(name, kind, true, false);
    }

    private static Spec opt(String name, Kind kind) {
        return new Spec(name, kind, false, true);
    }

    private static Spec flag(String name) {
        return new Spec(name, Kind.BOOLEAN, false, false);
    }

    private static void op(String name, Spec... specs) {
        Map<String, Spec> m = new LinkedHashMap<>();
        for (Spec s : specs) {
            m.put(fold(s.name()), s);
        }
        OPS.put(fold(name), new Op(name, m));
    }

    private static String fold(String s) {
        return s.toLowerCase(Locale.ROOT);
    }

    /** The operation of this name (case-insensitive), or null if the server does not know it. */
    static Op operation(String methodName) {
        return OPS.get(fold(methodName));
    }

    private final CimXmlElementReader r;
    private final XmlCursor c;

    IntrinsicDecoder(CimXmlElementReader reader) {
        this.r = reader;
        this.c = reader.cursor();
    }

    /**
     * Reads the IPARAMVALUEs up to the end of IMETHODCALL and builds the request.
     *
     * @throws CimException the first CIM-level parameter problem (after the rest of IMETHODCALL was read)
     */
    CimRequest decode(Op op, CimNamespace ns) throws CimXmlException {
        Map<String, Object> values = new HashMap<>();
        CimException firstError = null;
        while (c.next() == XMLStreamConstants.START_ELEMENT) {
            if (!c.is("IPARAMVALUE")) {
                throw c.unexpectedChild("IMETHODCALL");
            }
            String name = c.requiredAttr("NAME");
            Spec spec = op.params().get(fold(name));
            int depth = c.depth();
            try {
                if (spec == null) {
                    throw new CimException(CimStatus.NOT_SUPPORTED,
                            "Parameter " + name + " is not a parameter of " + op.name() + c.at());
                }
                if (values.containsKey(fold(name))) {
                    throw new CimException(CimStatus.INVALID_PARAMETER, "Parameter " + spec.name() + " is given twice" + c.at());
                }
                values.put(fold(name), readParam(spec));
            } catch (CimException e) {
                if (firstError == null) {
                    firstError = e;
                }
                c.skipTo(depth);
            }
        }
        if (firstError != null) {
            throw firstError;
        }
        for (Spec s : op.params().values()) {
            Object v = values.get(fold(s.name()));
            if (s.required() && v == null) {
                throw new CimException(CimStatus.INVALID_PARAMETER, "Required parameter " + s.name() + " of " + op.name() + " is missing");
            }
            if (v == NULL && !s.nullable()) {
                throw new CimException(CimStatus.INVALID_PARAMETER, "Parameter " + s.name() + " of " + op.name() + " must not be NULL");
            }
        }
        try {
            return build(op.name(), ns, new Params(values));
        } catch (IllegalArgumentException e) {
            throw new CimException(CimStatus.INVALID_PARAMETER, e.getMessage());
        }
    }

    /** Decodes one IPARAMVALUE's content; the cursor ends on the IPARAMVALUE end tag. */
    private Object readParam(Spec spec) throws CimXmlException {
        if (c.next() != XMLStreamConstants.START_ELEMENT) {
            return NULL;
        }
        String el = c.name();
        Object v;
        switch (spec.kind()) {
            case CLASSNAME:
                v = el.equals("CLASSNAME") ? r.paths().readClassNameOnly() : null;
                break;
            case INSTANCENAME:
                v = el.equals("INSTANCENAME") ? r.paths().readInstanceName(null, null) : null;
                break;
            case OBJECTNAME:
                v = el.equals("CLASSNAME") ? r.paths().readClassName() : el.equals("INSTANCENAME") ? r.paths().readInstanceName(null, null) : null;
                break;
            case BOOLEAN:
                v = el.equals("VALUE") ? r.values().readValue(CimType.BOOLEAN).value() : null;
                break;
            case UINT32:
                v = el.equals("VALUE") ? r.values().readValue(CimType.UINT32).value() : null;
                break;
            case STRING:
                v = el.equals("VALUE") ? c.text() : null;
                break;
            case NAME:
                if (el.equals("VALUE")) {
                    String t = c.text().strip();
                    if (!CimName.isValid(t)) {
                        throw c.badValue("parameter " + spec.name() + " is not a valid CIM name: \"" + t + "\"");
                    }
                    v = CimName.of(t);
                } else {
                    v = null;
                }
                break;
            case PROPERTYLIST:
                v = el.equals("VALUE.ARRAY") ? propertyList(spec) : null;
                break;
            case CLASS:
                v = el.equals("CLASS") ? r.objects().readClass() : null;
                break;
            case INSTANCE:
                v = el.equals("INSTANCE") ? r.objects().readInstance() : null;
                break;
            case NAMEDINSTANCE:
                v = el.equals("VALUE.NAMEDINSTANCE") ? r.objects().readNamedInstance() : null;
                break;
            case QUALIFIERDECL:
                v = el.equals("QUALIFIER.DECLARATION") ? r.qualifiers().readQualifierDeclaration() : null;
                break;
            case PROPERTYVALUE:
                v = el.equals("VALUE") ? r.values().readValue(CimType.STRING)
                        : el.equals("VALUE.ARRAY") ? r.values().readValueArray(CimType.arrayOf(CimType.Kind.STRING))
                        : el.equals("VALUE.REFERENCE") ? CimValue.ofReference(r.paths().readValueReference()) : null;
                break;
            default:
                throw new AssertionError(spec.kind());
        }
        if (v == null) {
            throw c.badValue("parameter " + spec.name() + " cannot be given as " + el);
        }
        c.expectEnd("IPARAMVALUE");
        return v;
    }

    private List<CimName> propertyList(Spec spec) throws CimXmlException {
        List<CimName> names = new ArrayList<>();
        for (String t : r.values().readValueArrayTexts()) {
            String s = t == null ? null : t.strip();
            if (s == null || !CimName.isValid(s)) {
                throw c.badValue("parameter " + spec.name() + " holds an invalid property name: " + (s == null ? "NULL" : "\"" + s + "\""));
            }
            names.add(CimName.of(s));
        }
        return names;
    }

    /** Typed access to the decoded values; absent and NULL both read as null. */
    private static final class Params {
        private final Map<String, Object> values;

        Params(Map<String, Object> values) {
            this.values = values;
        }

        boolean has(String name) {
            return values.containsKey(fold(name));
        }

        Object get(String name) {
            Object v = values.get(fold(name));
            return v == NULL ? null : v;
        }

        CimName name(String n) {
            return (CimName) get(n);
        }

        ObjectPath path(String n) {
            return (ObjectPath) get(n);
        }

        String string(String n) {
            return (String) get(n);
        }

        boolean bool(String n, boolean dflt) {
            Object v = get(n);
            return v == null ? dflt : (Boolean) v;
        }

        Long uint32(String n) {
            return (Long) get(n);
        }

        long uint32(String n, long dflt) {
            Long v = uint32(n);
            return v == null ? dflt : v;
        }

        @SuppressWarnings("unchecked")
        List<CimName> list(String n) {
            return (List<CimName>) get(n);
        }
    }

    private static CimRequest build(String op, CimNamespace ns, Params p) {
        switch (op) {
            case "GetClass": {
                var b = GetClassRequest.builder(ns, p.name("ClassName"));
                if (p.has("LocalOnly")) b.localOnly(p.bool("LocalOnly", true));
                if (p.has("IncludeQualifiers")) b.includeQualifiers(p.bool("IncludeQualifiers", true));
                if (p.has("IncludeClassOrigin")) b.includeClassOrigin(p.bool("IncludeClassOrigin", false));
                if (p.has("PropertyList")) b.propertyList(p.list("PropertyList"));
                return b.build();
            }
            case "EnumerateClasses": {
                var b = EnumerateClassesRequest.builder(ns);
                if (p.has("ClassName")) b.className(p.name("ClassName"));
                if (p.has("DeepInheritance")) b.deepInheritance(p.bool("DeepInheritance", false));
                if (p.has("LocalOnly")) b.localOnly(p.bool("LocalOnly", true));
                if (p.has("IncludeQualifiers")) b.includeQualifiers(p.bool("IncludeQualifiers", true));
                if (p.has("IncludeClassOrigin")) b.includeClassOrigin(p.bool("IncludeClassOrigin", false));
                return b.build();
            }
            case "EnumerateClassNames": {
                var b = EnumerateClassNamesRequest.builder(ns);
                if (p.has("ClassName")) b.className(p.name("ClassName"));
                if (p.has("DeepInheritance")) b.deepInheritance(p.bool("DeepInheritance", false));
                return b.build();
            }
            case "CreateClass":
                return new CreateClassRequest(ns, (CimClass) p.get("NewClass"));
            case "ModifyClass":
                return new ModifyClassRequest(ns, (CimClass) p.get("ModifiedClass"));
            case "DeleteClass":
                return new DeleteClassRequest(ns, p.name("ClassName"));
            case "GetQualifier":
                return new GetQualifierRequest(ns, p.name("QualifierName"));
            case "SetQualifier":
                return new SetQualifierRequest(ns, (CimQualifierType) p.get("QualifierDeclaration"));
            case "DeleteQualifier":
                return new DeleteQualifierRequest(ns, p.name("QualifierName"));
            case "EnumerateQualifiers":
                return new EnumerateQualifiersRequest(ns);
            case "GetInstance": {
                var b = GetInstanceRequest.builder(ns, p.path("InstanceName"));
                if (p.has("LocalOnly")) b.localOnly(p.bool("LocalOnly", true));
                if (p.has("IncludeQualifiers")) b.includeQualifiers(p.bool("IncludeQualifiers", false));
                if (p.has("IncludeClassOrigin")) b.includeClassOrigin(p.bool("IncludeClassOrigin", false));
                if (p.has("PropertyList")) b.propertyList(p.list("PropertyList"));
                return b.build();
            }
            case "EnumerateInstances": {
                var b = EnumerateInstancesRequest.builder(ns, p.name("ClassName"));
                if (p.has("LocalOnly")) b.localOnly(p.bool("LocalOnly", true));
                if (p.has("DeepInheritance")) b.deepInheritance(p.bool("DeepInheritance", true));
                if (p.has("IncludeQualifiers")) b.includeQualifiers(p.bool("IncludeQualifiers", false));
                if (p.has("IncludeClassOrigin")) b.includeClassOrigin(p.bool("IncludeClassOrigin", false));
                if (p.has("PropertyList")) b.propertyList(p.list("PropertyList"));
                return b.build();
            }
            case "EnumerateInstanceNames":
                return new EnumerateInstanceNamesRequest(ns, p.name("ClassName"));
            case "CreateInstance":
                return new CreateInstanceRequest(ns, (CimInstance) p.get("NewInstance"));
            case "ModifyInstance": {
                var b = ModifyInstanceRequest.builder(ns, (CimInstance) p.get("ModifiedInstance"));
                if (p.has("IncludeQualifiers")) b.includeQualifiers(p.bool("IncludeQualifiers", true));
                if (p.has("PropertyList")) b.propertyList(p.list("PropertyList"));
                return b.build();
            }
            case "DeleteInstance":
                return new DeleteInstanceRequest(ns, p.path("InstanceName"));
            case "GetProperty":
                return new GetPropertyRequest(ns, p.path("InstanceName"), p.name("PropertyName"));
            case "SetProperty": {
                var b = SetPropertyRequest.builder(ns, p.path("InstanceName"), p.name("PropertyName"));
                if (p.has("NewValue")) b.newValue((CimValue) p.get("NewValue"));
                return b.build();
            }
            case "Associators": {
                var b = AssociatorsRequest.builder(ns, p.path("ObjectName"));
                if (p.has("AssocClass")) b.assocClass(p.name("AssocClass"));
                if (p.has("ResultClass")) b.resultClass(p.name("ResultClass"));
                if (p.has("Role")) b.role(p.name("Role"));
                if (p.has("ResultRole")) b.resultRole(p.name("ResultRole"));
                if (p.has("IncludeQualifiers")) b.includeQualifiers(p.bool("IncludeQualifiers", false));
                if (p.has("IncludeClassOrigin")) b.includeClassOrigin(p.bool("IncludeClassOrigin", false));
                if (p.has("PropertyList")) b.propertyList(p.list("PropertyList"));
                return b.build();
            }
            case "AssociatorNames": {
                var b = AssociatorNamesRequest.builder(ns, p.path("ObjectName"));
                if (p.has("AssocClass")) b.assocClass(p.name("AssocClass"));
                if (p.has("ResultClass")) b.resultClass(p.name("ResultClass"));
                if (p.has("Role")) b.role(p.name("Role"));
                if (p.has("ResultRole")) b.resultRole(p.name("ResultRole"));
                return b.build();
            }
            case "References": {
                var b = ReferencesRequest.builder(ns, p.path("ObjectName"));
                if (p.has("ResultClass")) b.resultClass(p.name("ResultClass"));
                if (p.has("Role")) b.role(p.name("Role"));
                if (p.has("IncludeQualifiers")) b.includeQualifiers(p.bool("IncludeQualifiers", false));
                if (p.has("IncludeClassOrigin")) b.includeClassOrigin(p.bool("IncludeClassOrigin", false));
                if (p.has("PropertyList")) b.propertyList(p.list("PropertyList"));
                return b.build();
            }
            case "ReferenceNames": {
                var b = ReferenceNamesRequest.builder(ns, p.path("ObjectName"));
                if (p.has("ResultClass")) b.resultClass(p.name("ResultClass"));
                if (p.has("Role")) b.role(p.name("Role"));
                return b.build();
            }
            case "ExecQuery":
                return new ExecQueryRequest(ns, p.string("QueryLanguage"), p.string("Query"));
            default:
                return PullDecoding.build(op, ns, p::has, p::get);
        }
    }
}
