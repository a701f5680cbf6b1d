package org.iscsismis.repository;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;
import org.iscsismis.cim.CimClass;
import org.iscsismis.cim.CimException;
import org.iscsismis.cim.CimFlavor;
import org.iscsismis.cim.CimMethod;
import org.iscsismis.cim.CimName;
import org.iscsismis.cim.CimParameter;
import org.iscsismis.cim.CimProperty;
import org.iscsismis.cim.CimQualifier;
import org.iscsismis.cim.CimQualifierType;
import org.iscsismis.cim.CimScope;
import org.iscsismis.cim.CimStatus;
import org.iscsismis.cim.CimType;
import org.iscsismis.cim.CimValue;

/**
 * Turns a class as declared (by a client or the MOF compiler) into the resolved class the
 * repository stores: every qualifier checked against its declaration (declared, legal for the
 * scope, value of the declared type), inherited properties, methods and qualifiers propagated from
 * the (already resolved) superclass, overrides applied.
 *
 * <p>Rules, in DSP0004 terms:
 * <ul>
 * <li>Elements and qualifiers a client sends with {@code PROPAGATED=true} are dropped: they are
 *     recomputed from the superclass (so a class fetched with LocalOnly=false can be sent back).</li>
 * <li>An inherited element the class does not redeclare is copied with {@code propagated=true},
 *     its class origin unchanged and only its ToSubclass qualifiers (marked propagated).</li>
 * <li>A redeclared element (with {@code Override}, or the same name without it) keeps its own
 *     definition (not propagated) and the classOrigin of the element it overrides — the class that
 *     first declared it, as DSP0200's IncludeClassOrigin and OpenPegasus have it — and inherits the ToSubclass qualifiers it does not
 *     restate. Its type must equal the inherited type, except that a reference may narrow to a
 *     subclass of the inherited reference class. {@code Override} naming no element of the
 *     superclass is INVALID_PARAMETER.</li>
 * <li>A qualifier's effective flavor is the most restrictive of its declaration and its usage
 *     (ToSubclass and EnableOverride only if both say so; Translatable if either does). CIM-XML's
 *     attribute defaults are the permissive ones, so a usage without flavor attributes takes the
 *     declaration's flavor, and an explicit Restricted/DisableOverride on a usage still counts.</li>
 * <li>A subclass may not give a DisableOverride qualifier another value (INVALID_PARAMETER).</li>
 * <li>Scopes: an association or indication class also accepts class-scoped qualifiers; a reference
 *     property also accepts property-scoped ones (both are kinds of the broader element).</li>
 * </ul>
 */
final class ClassResolver {

    /** Shared by every resolver: siblings resolved in different calls (and namespaces) share their copies. */
    private static final InheritedCopies COPIES = new InheritedCopies();

    private final Function<CimName, CimQualifierType> qualifierTypes;
    private final Predicate<CimName> classExists;
    private final IsSubclass isSubclass;

    interface IsSubclass {
        /** True if {@code sub} is {@code sup} or derives from it. */
        boolean test(CimName sub, CimName sup);
    }

    ClassResolver(Function<CimName, CimQualifierType> qualifierTypes, Predicate<CimName> classExists, IsSubclass isSubclass) {
        this.qualifierTypes = qualifierTypes;
        this.classExists = classExists;
        this.isSubclass = isSubclass;
    }

    /**
     * @param declared      the class as given
     * @param superResolved the resolved superclass, or null for a root class
     */
    CimClass resolve(CimClass declared, CimClass superResolved) {
        CimName cls = declared.name();
        boolean association = isTrueLocal(declared.qualifiers(), CimQualifier.Names.ASSOCIATION)
                || (superResolved != null && superResolved.isAssociation());
        if (superResolved != null && !superResolved.isAssociation() && isTrueLocal(declared.qualifiers(), CimQualifier.Names.ASSOCIATION)) {
            throw new CimException(CimStatus.INVALID_SUPERCLASS, "Association " + cls + " cannot derive from "
                    + superResolved.name() + ", which is not an association");
        }
        boolean indication = isTrueLocal(declared.qualifiers(), CimQualifier.Names.INDICATION)
                || (superResolved != null && superResolved.isIndication());
        CimScope classScope = association ? CimScope.ASSOCIATION : indication ? CimScope.INDICATION : CimScope.CLASS;

        List<CimQualifier> classQualifiers = merge(
                superResolved == null ? List.of() : superResolved.qualifiers(),
                validateAll(declared.qualifiers(), classScope, "class " + cls), "class " + cls);

        List<CimProperty> properties = resolveProperties(declared, superResolved);
        List<CimMethod> methods = resolveMethods(declared, superResolved);
        try {
            return new CimClass(declared.name(), superResolved == null ? null : superResolved.name(), classQualifiers, properties, methods);
        } catch (IllegalArgumentException e) {
            throw new CimException(CimStatus.INVALID_PARAMETER, e.getMessage());
        }
    }

    // ------------------------------------------------------------------ properties

    private List<CimProperty> resolveProperties(CimClass declared, CimClass superResolved) {
        CimName cls = declared.name();
        Map<CimName, CimProperty> local = new LinkedHashMap<>();
        for (CimProperty p : declared.properties()) {
            if (!(p.propagated() && superResolved != null && superResolved.property(p.name()) != null)) {
                local.put(p.name(), p);
            }
        }
        List<CimProperty> out = new ArrayList<>();
        if (superResolved != null) {
            for (CimProperty sp : superResolved.properties()) {
                CimProperty lp = local.remove(sp.name());
                if (lp == null) {
                    out.add(inheritedProperty(sp));
                } else {
                    String where = "property " + lp.name() + " of class " + cls;
                    checkOverrideTarget(lp.qualifiers(), lp.name(), where);
                    checkReferenceClass(lp.type(), cls, where);
                    checkSameType(sp.type(), lp.type(), where);
                    out.add(localProperty(lp, cls, sp.classOrigin(), merge(sp.qualifiers(), validateAll(lp.qualifiers(), scopeOf(lp.type()), where), where)));
                }
            }
        }
        for (CimProperty lp : local.values()) {
            String where = "property " + lp.name() + " of class " + cls;
            if (findLocal(lp.qualifiers(), CimQualifier.Names.OVERRIDE) != null) {
                throw new CimException(CimStatus.INVALID_PARAMETER, "Override on " + where + " names no property of "
                        + (superResolved == null ? "a superclass (the class has none)" : "superclass " + superResolved.name()));
            }
            checkReferenceClass(lp.type(), cls, where);
            out.add(localProperty(lp, cls, cls, validateAll(lp.qualifiers(), scopeOf(lp.type()), where)));
        }
        return out;
    }

    /**
     * The copy of an inherited property a subclass holds. One that is already a propagated copy is its own copy
     * (its qualifiers are all propagated ToSubclass ones), so a property inherited down a deep chain is one object.
     */
    private static CimProperty inheritedProperty(CimProperty sp) {
        if (sp.propagated() && allInherited(sp.qualifiers())) {
            return sp;
        }
        return COPIES.copyOf(sp, p -> new CimProperty(p.name(), p.type(), p.value(), inherited(p.qualifiers()), p.classOrigin(), true));
    }

    private CimProperty localProperty(CimProperty lp, CimName cls, CimName origin, List<CimQualifier> qualifiers) {
        String where = "property " + lp.name() + " of class " + cls;
        CimValue value = ValueCoercion.coerce(lp.value(), lp.type(), "the default value of " + where, CimStatus.INVALID_PARAMETER);
        return new CimProperty(lp.name(), lp.type(), value, qualifiers, origin, false);
    }

    private static CimScope scopeOf(CimType type) {
        return type.isReference() ? CimScope.REFERENCE : CimScope.PROPERTY;
    }

    // ------------------------------------------------------------------ methods

    private List<CimMethod> resolveMethods(CimClass declared, CimClass superResolved) {
        CimName cls = declared.name();
        Map<CimName, CimMethod> local = new LinkedHashMap<>();
        for (CimMethod m : declared.methods()) {
            if (!(m.propagated() && superResolved != null && superResolved.method(m.name()) != null)) {
                local.put(m.name(), m);
            }
        }
        List<CimMethod> out = new ArrayList<>();
        if (superResolved != null) {
            for (CimMethod sm : superResolved.methods()) {
                CimMethod lm = local.remove(sm.name());
                if (lm == null) {
                    out.add(inheritedMethod(sm));
                } else {
                    String where = "method " + lm.name() + " of class " + cls;
                    checkOverrideTarget(lm.qualifiers(), lm.name(), where);
                    if (sm.returnType() != null && lm.returnType() != null) {
                        checkSameType(sm.returnType(), lm.returnType(), "the return type of " + where);
                    }
                    List<CimParameter> params = new ArrayList<>();
                    for (CimParameter p : lm.parameters()) {
                        CimParameter sp = sm.parameter(p.name());
                        String pw = "parameter " + p.name() + " of " + where;
                        checkReferenceClass(p.type(), cls, pw);
                        List<CimQualifier> q = validateAll(p.qualifiers(), CimScope.PARAMETER, pw);
                        params.add(p.withQualifiers(sp == null ? q : merge(sp.qualifiers(), q, pw)));
                    }
                    out.add(new CimMethod(lm.name(), lm.returnType(), params,
                            merge(sm.qualifiers(), validateAll(lm.qualifiers(), CimScope.METHOD, where), where), sm.classOrigin(), false));
                }
            }
        }
        for (CimMethod lm : local.values()) {
            String where = "method " + lm.name() + " of class " + cls;
            if (findLocal(lm.qualifiers(), CimQualifier.Names.OVERRIDE) != null) {
                throw new CimException(CimStatus.INVALID_PARAMETER, "Override on " + where + " names no method of "
                        + (superResolved == null ? "a superclass (the class has none)" : "superclass " + superResolved.name()));
            }
            List<CimParameter> params = new ArrayList<>();
            for (CimParameter p : lm.parameters()) {
                String pw = "parameter " + p.name() + " of " + where;
                checkReferenceClass(p.type(), cls, pw);
                params.add(p.withQualifiers(validateAll(p.qualifiers(), CimScope.PARAMETER, pw)));
            }
            out.add(new CimMethod(lm.name(), lm.returnType(), params, validateAll(lm.qualifiers(), CimScope.METHOD, where), cls, false));
        }
        return out;
    }

    /** The copy of an inherited method a subclass holds; like {@link #inheritedProperty}, a propagated one is its own. */
    private static CimMethod inheritedMethod(CimMethod sm) {
        boolean same = sm.propagated() && allInherited(sm.qualifiers());
        for (int i = 0; same && i < sm.parameters().size(); i++) {
            same = allInherited(sm.parameters().get(i).qualifiers());
        }
        return same ? sm : COPIES.copyOf(sm, ClassResolver::propagatedCopy);
    }

    private static CimMethod propagatedCopy(CimMethod sm) {
        List<CimParameter> params = new ArrayList<>(sm.parameters().size());
        for (CimParameter p : sm.parameters()) {
            params.add(allInherited(p.qualifiers()) ? p : p.withQualifiers(inherited(p.qualifiers())));
        }
        return new CimMethod(sm.name(), sm.returnType(), params, inherited(sm.qualifiers()), sm.classOrigin(), true);
    }

    // ------------------------------------------------------------------ checks

    private void checkOverrideTarget(List<CimQualifier> qualifiers, CimName elementName, String where) {
        CimQualifier o = findLocal(qualifiers, CimQualifier.Names.OVERRIDE);
        if (o == null || o.value().isNull() || o.value().isArray() || !(o.value().value() instanceof String s)) {
            return;
        }
        String target = s.strip();
        int dot = target.lastIndexOf('.');
        if (dot >= 0) {
            target = target.substring(dot + 1);
        }
        if (!target.isEmpty() && !elementName.matches(target)) {
            throw new CimException(CimStatus.INVALID_PARAMETER, "Override(\"" + s + "\") on " + where
                    + " must name the element itself; renaming an inherited element is not supported");
        }
    }

    private void checkSameType(CimType inherited, CimType local, String where) {
        if (inherited.kind() != local.kind() || inherited.array() != local.array()) {
            throw new CimException(CimStatus.INVALID_PARAMETER, "The type of " + where + " (" + local
                    + ") differs from the inherited type " + inherited);
        }
        if (inherited.isReference() && inherited.referenceClass() != null && local.referenceClass() != null
                && !isSubclass.test(local.referenceClass(), inherited.referenceClass())) {
            throw new CimException(CimStatus.INVALID_PARAMETER, "The reference class of " + where + " (" + local.referenceClass()
                    + ") must be " + inherited.referenceClass() + " or one of its subclasses");
        }
    }

    private void checkReferenceClass(CimType type, CimName cls, String where) {
        CimName ref = type.referenceClass();
        if (ref != null && !ref.equals(cls) && !classExists.test(ref)) {
            throw new CimException(CimStatus.INVALID_PARAMETER, "The reference class " + ref + " of " + where + " does not exist");
        }
    }

    // ------------------------------------------------------------------ qualifiers

    private List<CimQualifier> validateAll(List<CimQualifier> given, CimScope scope, String where) {
        List<CimQualifier> out = new ArrayList<>(given.size());
        for (CimQualifier q : given) {
            if (!q.propagated()) {
                out.add(validate(q, scope, where));
            }
        }
        return out;
    }

    /** Checks one qualifier usage against its declaration; answers it with the declared name, type and effective flavor. */
    CimQualifier validate(CimQualifier q, CimScope scope, String where) {
        CimQualifierType decl = qualifierTypes.apply(q.name());
        if (decl == null) {
            throw new CimException(CimStatus.INVALID_PARAMETER, "Qualifier " + q.name() + " on " + where + " is not declared in this namespace");
        }
        boolean legal = decl.appliesTo(scope)
                || ((scope == CimScope.ASSOCIATION || scope == CimScope.INDICATION) && decl.appliesTo(CimScope.CLASS))
                || (scope == CimScope.REFERENCE && decl.appliesTo(CimScope.PROPERTY));
        if (!legal) {
            throw new CimException(CimStatus.INVALID_PARAMETER, "Qualifier " + decl.name() + " may not be used on a "
                    + scope.mofName() + " (" + where + "); its scopes are " + decl.scopes());
        }
        CimValue value = q.value();
        if (decl.type().array() && !value.isNull() && !value.isArray()) {
            value = CimValue.of(value.type().asArray(), java.util.Collections.singletonList(value.value()));
        }
        value = ValueCoercion.coerce(value, decl.type(), "qualifier " + decl.name() + " on " + where, CimStatus.INVALID_PARAMETER);
        CimFlavor d = decl.flavor();
        CimFlavor u = q.flavor();
        CimFlavor flavor = CimFlavor.of(d.overridable() && u.overridable(), d.toSubclass() && u.toSubclass(),
                d.translatable() || u.translatable());
        if (!q.propagated() && value == q.value() && flavor == q.flavor() && q.name().toString().equals(decl.name().toString())) {
            return q; // as declared: the compiler's shared qualifier stays shared
        }
        CimQualifier made = COPIES.get(q); // the same usage resolved before (e.g. every IN of the schema)
        if (made != null && made.name() == decl.name() && made.value() == value && made.flavor() == flavor && !made.propagated()) {
            return made;
        }
        made = new CimQualifier(decl.name(), value, flavor, false);
        COPIES.put(q, made);
        return made;
    }

    /** True if every qualifier is a propagated ToSubclass one: {@link #inherited} would answer an equal list. */
    private static boolean allInherited(List<CimQualifier> qualifiers) {
        for (int i = 0, n = qualifiers.size(); i < n; i++) {
            CimQualifier q = qualifiers.get(i);
            if (!q.propagated() || !q.flavor().toSubclass()) {
                return false;
            }
        }
        return true;
    }

    /** The ToSubclass qualifiers of a superclass element, marked propagated (the same list if they all are already). */
    private static List<CimQualifier> inherited(List<CimQualifier> superQualifiers) {
        if (allInherited(superQualifiers)) {
            return superQualifiers;
        }
        List<CimQualifier> out = new ArrayList<>(superQualifiers.size());
        for (CimQualifier q : superQualifiers) {
            if (q.flavor().toSubclass()) {
                out.add(propagated(q));
            }
        }
        return out;
    }

    /** Inherited ToSubclass qualifiers merged with the validated local ones; enforces DisableOverride. */
    private static List<CimQualifier> merge(List<CimQualifier> superQualifiers, List<CimQualifier> local, String where) {
        Map<CimName, CimQualifier> byName = new LinkedHashMap<>();
        for (CimQualifier q : local) {
            byName.put(q.name(), q);
        }
        List<CimQualifier> out = new ArrayList<>(superQualifiers.size() + local.size());
        for (CimQualifier sq : superQualifiers) {
            if (!sq.flavor().toSubclass()) {
                continue;
            }
            CimQualifier lq = byName.remove(sq.name());
            if (lq == null) {
                out.add(propagated(sq));
            } else {
                if (!sq.flavor().overridable()) {
                    if (!lq.value().equals(sq.value())) {
                        throw new CimException(CimStatus.INVALID_PARAMETER, "Qualifier " + sq.name() + " on " + where
                                + " is DisableOverride in the superclass; it may not change from " + sq.value() + " to " + lq.value());
                    }
                    lq = lq.flavor().overridable() ? lq.withFlavor(lq.flavor().withOverridable(false)) : lq;
                }
                out.add(lq);
            }
        }
        out.addAll(byName.values());
        return out;
    }

    /** The propagated copy of a superclass qualifier (itself if it is one). */
    private static CimQualifier propagated(CimQualifier q) {
        return q.propagated() ? q : COPIES.copyOf(q, c -> c.withPropagated(true));
    }

    private static CimQualifier findLocal(List<CimQualifier> qualifiers, CimName name) {
        for (CimQualifier q : qualifiers) {
            if (!q.propagated() && q.name().equals(name)) {
                return q;
            }
        }
        return null;
    }

    private static boolean isTrueLocal(List<CimQualifier> qualifiers, CimName name) {
        CimQualifier q = findLocal(qualifiers, name);
        return q != null && q.isTrue();
    }
}
