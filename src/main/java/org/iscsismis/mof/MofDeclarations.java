package org.iscsismis.mof;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.antlr.v4.runtime.Token;
import org.iscsismis.cim.CimClass;
import org.iscsismis.cim.CimFlavor;
import org.iscsismis.cim.CimInstance;
import org.iscsismis.cim.CimMethod;
import org.iscsismis.cim.CimName;
import org.iscsismis.cim.CimProperty;
import org.iscsismis.cim.CimQualifier;
import org.iscsismis.cim.CimQualifierType;
import org.iscsismis.cim.CimScope;
import org.iscsismis.cim.CimType;
import org.iscsismis.cim.CimValue;
import org.iscsismis.cim.KeyBinding;
import org.iscsismis.cim.ObjectPath;

/** Compiles qualifier, class and instance declarations of one session, checking them as a CIMOM does. */
final class MofDeclarations {

    /**
     * A class with what it inherits: properties and methods of the whole chain (a subclass's
     * declaration replaces the inherited one in place), key names, association/indication.
     */
    record Effective(CimClass cls, Map<CimName, CimProperty> properties, Set<CimName> keys,
                     Map<CimName, CimMethod> methods, boolean association, boolean indication, List<CimName> chain) {

        int referenceCount() {
            int n = 0;
            for (CimProperty p : properties.values()) {
                if (p.type().isReference()) {
                    n++;
                }
            }
            return n;
        }
    }

    private static final Map<String, CimType.Kind> INTRINSIC = new HashMap<>();

    static {
        for (CimType.Kind k : CimType.Kind.values()) {
            if (k != CimType.Kind.REFERENCE && k != CimType.Kind.INSTANCE && k != CimType.Kind.OBJECT) {
                INTRINSIC.put(k.cimName(), k);
            }
        }
    }

    private static final String TYPES = "boolean, string, char16, uint8, sint8, uint16, sint16, uint32, sint32, "
            + "uint64, sint64, real32, real64 or datetime";

    private final MofSession session;
    /** Alias (folded) ──▶ path of the instance (null if its keys were incomplete: already reported). */
    private final Map<String, ObjectPath> aliases = new HashMap<>();
    private final Map<String, String> aliasWhere = new HashMap<>();

    MofDeclarations(MofSession session) {
        this.session = session;
    }

    void production(MofParser.MofProductionContext p) {
        try {
            if (p.directive != null) {
                session.pragma(p.directive);
            } else if (p.qualifierDecl != null) {
                qualifierDeclaration(p.qualifierDecl);
            } else if (p.classDecl != null) {
                classDeclaration(p.classDecl);
            } else if (p.instanceDecl != null) {
                instanceDeclaration(p.instanceDecl);
            }
        } catch (MofFailure f) {
            session.report(f, null);
        }
    }

    /** A declaration with a syntax error is skipped; remember its name so that its uses are not reported again. */
    void noteBroken(MofParser.MofProductionContext p) {
        MofParser.ClassDeclarationContext c = p.classDecl;
        if (c != null && c.className != null && c.className.exception == null) {
            session.names.name(c.className).ifValid(n -> session.current().broken.add(n));
        }
        MofParser.InstanceDeclarationContext i = p.instanceDecl;
        if (i != null && i.alias != null) {
            aliases.put(fold(i.alias.getText()), null);
        }
    }

    boolean hasAliases() {
        return !aliases.isEmpty();
    }

    /** Checks made once everything is declared: reference classes may be declared after their use. */
    void finish() {
        for (MofSession.DeferredReference r : session.deferredReferences) {
            if (session.lookupClass(r.ns(), r.target()) == null && !r.ns().broken.contains(r.target())) {
                session.error(r.file(), r.token(), r.owner() + " refers to unknown class " + r.target());
            }
        }
    }

    // ------------------------------------------------------------------ qualifier declarations

    private void qualifierDeclaration(MofParser.QualifierDeclarationContext c) {
        CimName name = session.names.name(c.qualifierName).get();
        Token at = c.qualifierName.getStart();
        MofSession.Ns ns = session.current();
        if (ns.qualifierTypes.containsKey(name)) {
            session.error(at, "qualifier " + name + " is already declared at " + ns.qualifierWhere.get(name));
            return;
        }
        CimType.Kind kind = INTRINSIC.get(c.dataType.getStart().getText().toLowerCase(Locale.ROOT));
        if (kind == null) {
            session.error(c.dataType.getStart(), "unknown type '" + c.dataType.getStart().getText() + "' of qualifier " + name
                    + " (a qualifier type is " + TYPES + ")");
            return;
        }
        CimType type = c.array != null ? CimType.arrayOf(kind) : CimType.scalar(kind);
        CimValue defaultValue = null;
        if (c.init != null) {
            try {
                defaultValue = MofValues.coerce(MofLiterals.initializer(c.init), type, MofValues.NO_ALIASES, false);
            } catch (MofFailure f) {
                session.report(f, "wrong default value for qualifier " + name + " (" + type + ")");
                return;
            }
        }
        Set<CimScope> scopes = EnumSet.noneOf(CimScope.class);
        for (MofParser.IdentifierContext s : c.scopes) {
            try {
                scopes.add(CimScope.fromName(s.getStart().getText()));
            } catch (IllegalArgumentException e) {
                session.error(s.getStart(), "unknown scope '" + s.getStart().getText() + "' in qualifier " + name
                        + " (scopes are class, association, indication, property, reference, method, parameter and any)");
                return;
            }
        }
        CimFlavor flavor = flavors(CimFlavor.DEFAULT, c.flavors, "qualifier declaration " + name);
        ns.qualifierTypes.put(name, new CimQualifierType(name, type, defaultValue, scopes, flavor));
        ns.qualifierWhere.put(name, session.where(at));
    }

    private CimFlavor flavors(CimFlavor base, List<MofParser.IdentifierContext> names, String owner) {
        CimFlavor f = base;
        Map<String, Token> given = new HashMap<>();
        for (MofParser.IdentifierContext id : names) {
            Token t = id.getStart();
            String n = t.getText().toLowerCase(Locale.ROOT);
            switch (n) {
                case "enableoverride": f = f.withOverridable(true); break;
                case "disableoverride": f = f.withOverridable(false); break;
                case "tosubclass": f = f.withToSubclass(true); break;
                case "restricted": f = f.withToSubclass(false); break;
                case "translatable": f = f.withTranslatable(true); break;
                case "toinstance": break;
                default:
                    throw new MofFailure(t, "unknown flavor '" + t.getText() + "' on " + owner
                            + " (flavors are EnableOverride, DisableOverride, ToSubclass, Restricted, Translatable)");
            }
            given.put(n, t);
        }
        conflict(given, "enableoverride", "disableoverride", owner);
        conflict(given, "tosubclass", "restricted", owner);
        return f;
    }

    private static void conflict(Map<String, Token> given, String a, String b, String owner) {
        if (given.containsKey(a) && given.containsKey(b)) {
            Token t = given.get(b).getTokenIndex() > given.get(a).getTokenIndex() ? given.get(b) : given.get(a);
            throw new MofFailure(t, "flavors " + given.get(a).getText() + " and " + given.get(b).getText()
                    + " contradict each other on " + owner);
        }
    }

    // ------------------------------------------------------------------ qualifier values

    private List<CimQualifier> qualifiers(MofParser.QualifierListContext list, CimScope scope, String owner) {
        if (list == null) {
            return List.of();
        }
        List<CimQualifier> out = new ArrayList<>(list.items.size());
        for (MofParser.QualifierContext q : list.items) {
            try {
                CimQualifier value = qualifier(q, scope, owner);
                if (value == null) {
                    continue;
                }
                if (CimQualifier.find(out, value.name()) != null) {
                    session.error(q.getStart(), "qualifier " + value.name() + " is given twice on " + owner);
                    continue;
                }
                out.add(value);
            } catch (MofFailure f) {
                session.report(f, null);
            }
        }
        return out;
    }

    private CimQualifier qualifier(MofParser.QualifierContext q, CimScope scope, String owner) {
        Token at = q.qualifierName.getStart();
        CimName name = session.names.name(q.qualifierName).get();
        CimQualifierType type = session.qualifierType(name);
        if (type == null) {
            session.error(at, "unknown qualifier " + name + " on " + owner + " (no qualifier declaration named "
                    + name + " in namespace " + session.current().name + ")");
            return null;
        }
        if (scope != null && !type.appliesTo(scope)) {
            session.error(at, "qualifier " + name + " may not be used on " + article(scope) + " (" + owner
                    + "); its scope is " + scopes(type.scopes()));
            return null;
        }
        CimValue value;
        if (q.value == null) {
            value = type.type().equals(CimType.BOOLEAN) ? CimValue.ofBoolean(true) : type.defaultValue();
        } else {
            MofLiteral lit = MofLiterals.qualifierValue(q.value);
            if (lit.kind() == MofLiteral.Kind.ARRAY && !type.type().array()) {
                session.error(lit.token(), "qualifier " + name + " on " + owner + " is not an array (its type is "
                        + type.type() + ") but is given " + lit.describe());
                return null;
            }
            try {
                value = MofValues.coerce(lit, type.type(), MofValues.NO_ALIASES, true);
            } catch (MofFailure f) {
                session.report(f, "wrong value for qualifier " + name + " (" + type.type() + ") on " + owner);
                return null;
            }
        }
        CimFlavor flavor = q.flavors.isEmpty() ? type.flavor() : flavors(type.flavor(), q.flavors, "qualifier " + name);
        return session.shared.qualifier(new CimQualifier(name, session.shared.value(value), flavor, false));
    }

    private static String article(CimScope scope) {
        switch (scope) {
            case ASSOCIATION: return "an association";
            case INDICATION: return "an indication";
            default: return "a " + scope.mofName();
        }
    }

    private static String scopes(Set<CimScope> scopes) {
        List<String> names = new ArrayList<>();
        for (CimScope s : scopes) {
            names.add(s.mofName());
        }
        return names.isEmpty() ? "empty" : String.join(", ", names);
    }

    /** True if the list holds {@code name} without a value or with TRUE (a pre-scan for Association/Indication). */
    private static boolean flagged(MofParser.QualifierListContext list, CimName name) {
        if (list == null) {
            return false;
        }
        for (MofParser.QualifierContext q : list.items) {
            if (name.matches(q.qualifierName.getStart().getText())) {
                MofParser.QualifierValueContext v = q.value;
                return v == null || (v.single != null && v.single.isTrue != null);
            }
        }
        return false;
    }

    private static Token qualifierToken(MofParser.QualifierListContext list, CimName name) {
        for (MofParser.QualifierContext q : list.items) {
            if (name.matches(q.qualifierName.getStart().getText())) {
                return q.value != null ? q.value.getStart() : q.getStart();
            }
        }
        return list.getStart();
    }

    // ------------------------------------------------------------------ classes

    private void classDeclaration(MofParser.ClassDeclarationContext c) {
        MofClassCompiler compiler = new MofClassCompiler(this, session, c);
        CimClass cls = compiler.compile();
        if (cls != null) {
            MofSession.Ns ns = session.current();
            ns.classes.put(cls.name(), cls);
            ns.classWhere.put(cls.name(), session.where(c.className.getStart()));
        }
    }

    /** The class {@code name} of {@code ns} with everything it inherits, or null if unknown. */
    Effective effective(MofSession.Ns ns, CimName name) {
        return effective(ns, name, 0);
    }

    private Effective effective(MofSession.Ns ns, CimName name, int depth) {
        Effective e = ns.effective.get(name);
        if (e != null) {
            return e;
        }
        CimClass cls = session.lookupClass(ns, name);
        if (cls == null) {
            return null;
        }
        Effective parent = cls.superClassName() == null || depth > 256 ? null : effective(ns, cls.superClassName(), depth + 1);
        e = extend(parent, cls);
        ns.effective.put(name, e);
        return e;
    }

    static Effective extend(Effective parent, CimClass cls) {
        LinkedHashMap<CimName, CimProperty> props = parent == null ? new LinkedHashMap<>() : new LinkedHashMap<>(parent.properties());
        Set<CimName> keys = parent == null ? new LinkedHashSet<>() : new LinkedHashSet<>(parent.keys());
        LinkedHashMap<CimName, CimMethod> methods = parent == null ? new LinkedHashMap<>() : new LinkedHashMap<>(parent.methods());
        for (CimProperty p : cls.properties()) {
            props.put(p.name(), p);
            if (p.isKey()) {
                keys.add(p.name());
            }
        }
        for (CimMethod m : cls.methods()) {
            methods.put(m.name(), m);
        }
        List<CimName> chain = new ArrayList<>();
        chain.add(cls.name());
        if (parent != null) {
            chain.addAll(parent.chain());
        }
        return new Effective(cls, Collections.unmodifiableMap(props), Collections.unmodifiableSet(keys),
                Collections.unmodifiableMap(methods), cls.isAssociation() || (parent != null && parent.association()),
                cls.isIndication() || (parent != null && parent.indication()), List.copyOf(chain));
    }

    // helpers shared with MofClassCompiler

    List<CimQualifier> qualifierValues(MofParser.QualifierListContext list, CimScope scope, String owner) {
        return qualifiers(list, scope, owner);
    }

    static boolean isFlagged(MofParser.QualifierListContext list, CimName name) {
        return flagged(list, name);
    }

    static Token tokenOf(MofParser.QualifierListContext list, CimName name) {
        return qualifierToken(list, name);
    }

    static CimType.Kind intrinsic(String typeName) {
        return INTRINSIC.get(typeName.toLowerCase(Locale.ROOT));
    }

    static String types() {
        return TYPES;
    }

    // ------------------------------------------------------------------ instances

    private void instanceDeclaration(MofParser.InstanceDeclarationContext c) {
        Token at = c.className.getStart();
        CimName className = session.names.name(c.className).get();
        MofSession.Ns ns = session.current();
        Token aliasToken = c.alias;
        Effective cls = effective(ns, className);
        if (cls == null) {
            if (!ns.broken.contains(className)) {
                session.error(at, "instance of unknown class " + className);
            }
            if (aliasToken != null) {
                aliases.putIfAbsent(fold(aliasToken.getText()), null);
            }
            return;
        }
        className = cls.cls().name();
        if (cls.cls().isAbstract()) {
            session.error(at, "class " + className + " is abstract: it cannot have instances");
        }
        String owner = "instance of " + className;
        List<CimQualifier> qualifiers = qualifiers(c.quals, null, owner);
        LinkedHashMap<CimName, CimProperty> values = new LinkedHashMap<>();
        Set<CimName> failed = new HashSet<>();
        for (MofParser.ValueInitializerContext v : c.values) {
            try {
                CimProperty value = propertyValue(v, cls, owner);
                if (value == null) {
                    session.names.name(v.propertyName).ifValid(failed::add);
                } else {
                    if (values.containsKey(value.name())) {
                        session.error(v.propertyName.getStart(), "property " + value.name() + " is given twice in this " + owner);
                    } else {
                        values.put(value.name(), value);
                    }
                }
            } catch (MofFailure f) {
                session.report(f, null);
            }
        }
        List<KeyBinding> keys = new ArrayList<>(cls.keys().size());
        boolean complete = !cls.keys().isEmpty();
        for (CimName key : cls.keys()) {
            CimProperty given = values.get(key);
            CimProperty declared = cls.properties().get(key);
            CimValue value = given != null ? given.value() : declared.value();
            if (value.isNull() || value.isArray()) {
                complete = false;
                if (given == null && failed.contains(key)) {
                    continue; // its value was wrong: reported already
                }
                session.error(at, owner + " has no value for key property " + declared.name()
                        + (given != null ? " (it is NULL)" : ""));
            } else {
                keys.add(new KeyBinding(declared.name(), value));
            }
        }
        ObjectPath path = complete ? ObjectPath.of(ns.name, className, keys) : null;
        ns.instances.add(new CimInstance(className, path, new ArrayList<>(values.values()), qualifiers));
        if (aliasToken != null) {
            String alias = fold(aliasToken.getText());
            if (aliasWhere.containsKey(alias)) {
                session.error(aliasToken, "alias " + aliasToken.getText() + " is already used at " + aliasWhere.get(alias));
            } else {
                aliases.put(alias, path);
                aliasWhere.put(alias, session.where(aliasToken));
            }
        }
    }

    private CimProperty propertyValue(MofParser.ValueInitializerContext v, Effective cls, String owner) {
        Token at = v.propertyName.getStart();
        CimName name = session.names.name(v.propertyName).get();
        CimProperty declared = cls.properties().get(name);
        if (declared == null) {
            if (!session.current().incomplete.contains(cls.cls().name())) {
                session.error(at, "class " + cls.cls().name() + " has no property " + name);
            }
            return null;
        }
        List<CimQualifier> qualifiers = qualifiers(v.quals,
                declared.type().isReference() ? CimScope.REFERENCE : CimScope.PROPERTY, owner + "." + declared.name());
        CimValue value;
        try {
            value = MofValues.coerce(MofLiterals.initializer(v.init), declared.type(), this::resolveAlias, false);
        } catch (MofFailure f) {
            session.report(f, "wrong value for property " + declared.name() + " (" + declared.type() + ") of " + owner);
            return null;
        }
        return new CimProperty(declared.name(), declared.type(), value, qualifiers, null, false);
    }

    private ObjectPath resolveAlias(MofLiteral alias) {
        String key = fold("$" + alias.value());
        if (!aliases.containsKey(key)) {
            throw new MofFailure(alias.token(), "unknown alias $" + alias.value()
                    + " (declare it first: instance of ClassName as $" + alias.value() + " { ... };)");
        }
        ObjectPath path = aliases.get(key);
        if (path == null) {
            throw new MofFailure(alias.token(), null);
        }
        return path;
    }

    private static String fold(String alias) {
        return alias.toLowerCase(Locale.ROOT);
    }
}
