package org.iscsismis.mof;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.antlr.v4.runtime.Token;
import org.iscsismis.cim.CimClass;
import org.iscsismis.cim.CimMethod;
import org.iscsismis.cim.CimName;
import org.iscsismis.cim.CimParameter;
import org.iscsismis.cim.CimProperty;
import org.iscsismis.cim.CimQualifier;
import org.iscsismis.cim.CimScope;
import org.iscsismis.cim.CimType;
import org.iscsismis.cim.CimValue;

/** Compiles one class declaration: its qualifiers, properties, references and methods. */
final class MofClassCompiler {

    private final MofDeclarations declarations;
    private final MofSession session;
    private final MofParser.ClassDeclarationContext c;
    private final MofSession.Ns ns;
    private CimName name;
    private CimName superName;
    private MofDeclarations.Effective parent;
    private boolean association;

    MofClassCompiler(MofDeclarations declarations, MofSession session, MofParser.ClassDeclarationContext c) {
        this.declarations = declarations;
        this.session = session;
        this.c = c;
        this.ns = session.current();
    }

    /** The class, or null if it cannot be declared (duplicate); errors in its elements leave those elements out. */
    CimClass compile() {
        Token at = c.className.getStart();
        name = session.names.name(c.className).get();
        if (ns.classes.containsKey(name)) {
            session.error(at, "class " + name + " is already declared at " + ns.classWhere.get(name));
            return null;
        }
        if (c.superClass != null) {
            superName = session.names.name(c.superClass).get();
            if (superName.equals(name)) {
                session.error(c.superClass.getStart(), "class " + name + " cannot be its own superclass");
            } else {
                parent = declarations.effective(ns, superName);
                if (parent == null || ns.incomplete.contains(superName)) {
                    ns.incomplete.add(name);
                }
                if (parent == null && !ns.broken.contains(superName)) {
                    session.error(c.superClass.getStart(), "unknown superclass " + superName + " of class " + name
                            + " (a superclass must be declared before its subclasses)");
                }
            }
        }
        association = MofDeclarations.isFlagged(c.quals, CimQualifier.Names.ASSOCIATION)
                || (parent != null && parent.association());
        boolean indication = MofDeclarations.isFlagged(c.quals, CimQualifier.Names.INDICATION)
                || (parent != null && parent.indication());
        CimScope scope = association ? CimScope.ASSOCIATION : indication ? CimScope.INDICATION : CimScope.CLASS;
        String kind = association ? "association " : indication ? "indication " : "class ";

        CimClass.Builder b = CimClass.builder(name).superClass(superName);
        declarations.qualifierValues(c.quals, scope, kind + name).forEach(b::qualifier);

        Map<CimName, Token> properties = new HashMap<>();
        Map<CimName, Token> methods = new HashMap<>();
        int references = parent == null ? 0 : parent.referenceCount();
        for (MofParser.ClassFeatureContext f : c.features) {
            try {
                CimName fn = session.names.name(f.featureName).get();
                Token where = f.featureName.getStart();
                if (f.params != null) {
                    if (f.array != null || f.init != null) {
                        Token t = f.array != null ? f.array.getStart() : f.init.getStart();
                        throw new MofFailure(t, "method " + name + "." + fn + " cannot have "
                                + (f.array != null ? "an array size" : "a default value") + "; expected ';'");
                    }
                    if (unique(methods, fn, where, "method")) {
                        b.method(method(f, fn));
                    }
                    continue;
                }
                if (f.isRef != null) {
                    boolean overrides = parent != null && parent.properties().containsKey(fn)
                            && parent.properties().get(fn).type().isReference();
                    if (!overrides) {
                        references++;
                    }
                    if (unique(properties, fn, where, "reference")) {
                        b.property(reference(f, fn));
                    }
                } else if (unique(properties, fn, where, "property")) {
                    b.property(property(f, fn));
                }
            } catch (MofFailure failure) {
                session.report(failure, null);
            }
        }
        if (association && references < 2) {
            session.error(at, "association " + name + " has " + (references == 0 ? "no references" : "only one reference")
                    + "; an association needs at least two (ClassName REF Name)");
        }
        return b.build();
    }

    private boolean unique(Map<CimName, Token> seen, CimName n, Token at, String what) {
        Token first = seen.putIfAbsent(n, at);
        if (first != null) {
            session.error(at, what + " " + n + " is declared twice in class " + name + " (first at line " + first.getLine() + ")");
            return false;
        }
        return true;
    }

    // ------------------------------------------------------------------ properties and references

    private CimProperty property(MofParser.ClassFeatureContext p, CimName pn) {
        String owner = "property " + name + "." + pn;
        CimType type = type(p.dataType, p.array != null, owner);
        List<CimQualifier> qualifiers = declarations.qualifierValues(p.quals, CimScope.PROPERTY, owner);
        type = embedded(type, qualifiers, p.dataType.getStart(), owner);
        checkOverride(p.quals, qualifiers, false, owner);
        CimValue value = p.init == null ? null : defaultValue(p.init, type, p.array, owner);
        return new CimProperty(pn, type, value, qualifiers, null, false);
    }

    private CimProperty reference(MofParser.ClassFeatureContext r, CimName pn) {
        String owner = "reference " + name + "." + pn;
        CimName target = session.names.name(r.dataType).get();
        if (r.array != null) {
            throw new MofFailure(r.array.getStart(), owner + ": a reference property cannot be an array");
        }
        if (!association) {
            session.error(r.featureName.getStart(), owner + " is in class " + name + ", which is not an association: "
                    + "only association classes (qualifier Association) may have references");
        }
        session.deferredReferences.add(new MofSession.DeferredReference(ns, target, session.file(), r.dataType.getStart(), owner));
        List<CimQualifier> qualifiers = declarations.qualifierValues(r.quals, CimScope.REFERENCE, owner);
        checkOverride(r.quals, qualifiers, false, owner);
        CimType type = CimType.reference(target);
        CimValue value = r.init == null ? null : defaultValue(r.init, type, null, owner);
        return new CimProperty(pn, type, value, qualifiers, null, false);
    }

    private CimType type(MofParser.IdentifierContext typeName, boolean array, String owner) {
        Token t = typeName.getStart();
        CimType.Kind kind = MofDeclarations.intrinsic(t.getText());
        if (kind == null) {
            if (CimName.isValid(t.getText()) && session.lookupClass(ns, CimName.of(t.getText())) != null) {
                throw new MofFailure(t, "a class is not a data type: write '" + t.getText() + " REF name' for a reference, "
                        + "or a string with EmbeddedInstance (\"" + t.getText() + "\") (" + owner + ")");
            }
            throw new MofFailure(t, "unknown type '" + t.getText() + "' of " + owner + " (expected "
                    + MofDeclarations.types() + ", or 'ClassName REF' for a reference)");
        }
        return array ? CimType.arrayOf(kind) : CimType.scalar(kind);
    }

    /** A string qualified EmbeddedInstance or EmbeddedObject becomes INSTANCE or OBJECT. */
    private static CimType embedded(CimType type, List<CimQualifier> qualifiers, Token at, String owner) {
        CimQualifier instance = CimQualifier.find(qualifiers, CimQualifier.Names.EMBEDDED_INSTANCE);
        CimQualifier object = CimQualifier.find(qualifiers, CimQualifier.Names.EMBEDDED_OBJECT);
        boolean isInstance = instance != null && !instance.value().isNull();
        boolean isObject = object != null && object.isTrue();
        if (!isInstance && !isObject) {
            return type;
        }
        if (type.kind() != CimType.Kind.STRING) {
            throw new MofFailure(at, (isInstance ? "EmbeddedInstance" : "EmbeddedObject") + " may only qualify a string, but "
                    + owner + " is " + type);
        }
        CimType.Kind kind = isInstance ? CimType.Kind.INSTANCE : CimType.Kind.OBJECT;
        return type.array() ? CimType.arrayOf(kind) : CimType.scalar(kind);
    }

    private CimValue defaultValue(MofParser.InitializerContext init, CimType type, MofParser.ArraySpecContext array, String owner) {
        try {
            MofLiteral lit = MofLiterals.initializer(init);
            CimValue v = MofValues.coerce(lit, type, MofValues.NO_ALIASES, false);
            if (array != null && array.size != null && !v.isNull()) {
                int size = Integer.parseInt(array.size.getText());
                if (v.values().size() > size) {
                    throw new MofFailure(lit.token(), owner + " holds at most " + size + " values, the default has " + v.values().size());
                }
            }
            return session.shared.value(v);
        } catch (MofFailure f) {
            session.report(f, "wrong default value for " + owner + " (" + type + ")");
            return null;
        } catch (NumberFormatException e) {
            session.error(array.size, "array size " + array.size.getText() + " is too large");
            return null;
        }
    }

    // ------------------------------------------------------------------ methods

    private CimMethod method(MofParser.ClassFeatureContext m, CimName mn) {
        String owner = "method " + name + "." + mn;
        CimType returnType;
        if (m.isRef != null) {
            CimName target = session.names.name(m.dataType).get();
            session.deferredReferences.add(new MofSession.DeferredReference(ns, target, session.file(), m.dataType.getStart(), owner));
            returnType = CimType.reference(target);
        } else {
            returnType = type(m.dataType, false, owner);
        }
        List<CimQualifier> qualifiers = declarations.qualifierValues(m.quals, CimScope.METHOD, owner);
        returnType = embedded(returnType, qualifiers, m.dataType.getStart(), owner);
        checkOverride(m.quals, qualifiers, true, owner);
        List<CimParameter> parameters = new ArrayList<>();
        Map<CimName, Token> seen = new HashMap<>();
        for (MofParser.ParameterContext p : m.params.items) {
            try {
                CimName pn = session.names.name(p.parameterName).get();
                Token first = seen.putIfAbsent(pn, p.parameterName.getStart());
                if (first != null) {
                    session.error(p.parameterName.getStart(), "parameter " + pn + " is declared twice in " + owner);
                    continue;
                }
                parameters.add(parameter(p, pn, owner));
            } catch (MofFailure f) {
                session.report(f, null);
            }
        }
        return new CimMethod(mn, returnType, parameters, qualifiers, null, false);
    }

    private CimParameter parameter(MofParser.ParameterContext p, CimName pn, String method) {
        String owner = "parameter " + pn + " of " + method;
        CimType type;
        if (p.isRef != null) {
            CimName target = session.names.name(p.dataType).get();
            session.deferredReferences.add(new MofSession.DeferredReference(ns, target, session.file(), p.dataType.getStart(), owner));
            type = CimType.reference(target);
            if (p.array != null) {
                type = type.asArray();
            }
        } else {
            type = type(p.dataType, p.array != null, owner);
        }
        List<CimQualifier> qualifiers = declarations.qualifierValues(p.quals, CimScope.PARAMETER, owner);
        type = embedded(type, qualifiers, p.dataType.getStart(), owner);
        if (p.init != null) {
            defaultValue(p.init, type, p.array, owner);
        }
        return new CimParameter(pn, type, qualifiers);
    }

    // ------------------------------------------------------------------ Override

    /** {@code Override("X")} must name a property (or method) of the superclass chain. */
    private void checkOverride(MofParser.QualifierListContext list, List<CimQualifier> qualifiers, boolean method, String owner) {
        CimQualifier override = CimQualifier.find(qualifiers, CimQualifier.Names.OVERRIDE);
        if (override == null || override.value().isNull() || override.value().isArray()) {
            return;
        }
        Token at = MofDeclarations.tokenOf(list, CimQualifier.Names.OVERRIDE);
        String target = override.value().asString();
        int dot = target.lastIndexOf('.');
        String member = dot >= 0 ? target.substring(dot + 1) : target;
        if (superName == null) {
            session.error(at, "Override (\"" + target + "\") on " + owner + ", but class " + name + " has no superclass");
            return;
        }
        if (parent == null) {
            return; // unknown superclass: reported already
        }
        boolean found = CimName.isValid(member) && (method
                ? parent.methods().containsKey(CimName.of(member))
                : parent.properties().containsKey(CimName.of(member)));
        if (dot >= 0 && found && !(CimName.isValid(target.substring(0, dot))
                && parent.chain().contains(CimName.of(target.substring(0, dot))))) {
            found = false;
        }
        if (!found) {
            session.error(at, "Override (\"" + target + "\") on " + owner + ": no " + (method ? "method" : "property or reference")
                    + " " + member + " in the superclasses of " + name + " (" + String.join(", ", names(parent.chain())) + ")");
        }
    }

    private static List<String> names(List<CimName> chain) {
        List<String> out = new ArrayList<>(chain.size());
        for (CimName n : chain) {
            out.add(n.toString());
        }
        return out;
    }
}
