package org.iscsismis.query;

import org.iscsismis.cim.CimClass;
import org.iscsismis.cim.CimDateTime;
import org.iscsismis.cim.CimName;
import org.iscsismis.cim.CimNamespace;
import org.iscsismis.cim.CimProperty;
import org.iscsismis.cim.CimQualifier;
import org.iscsismis.cim.CimType;
import org.iscsismis.cim.CimValue;
import org.iscsismis.cim.ObjectPath;
import org.iscsismis.query.Operand.Literal;

/**
 * Checks a query's names and literals against the class model while it is parsed, so each error
 * points at its token: the FROM class and ISA classes exist, each property exists in its class
 * (through embedded instances whose EmbeddedInstance qualifier names a class), indexes and ANY/EVERY
 * go with arrays, and literals fit the property they are compared with (a string is read as a
 * datetime or an object path where the property is one). Without a model ({@code model == null},
 * or a property whose class is not known) only the syntax is checked.
 */
final class QueryChecker {

    /** What a property path resolved to: its type, and the class of an embedded instance (or null). */
    record Resolved(CimType type, CimClass embeddedClass) {
        static final Resolved UNKNOWN = new Resolved(null, null);
    }

    private final QueryLanguage language;
    private final ClassModel model;
    private final CimNamespace namespace;

    QueryChecker(QueryLanguage language, ClassModel model, CimNamespace namespace) {
        this.language = language;
        this.model = model;
        this.namespace = namespace;
    }

    QueryLanguage language() {
        return language;
    }

    boolean hasModel() {
        return model != null;
    }

    /** The class a FROM or ISA names; 15 if the namespace has none (null without a model). */
    CimClass requireClass(Token name) {
        if (!CimName.isValid(name.text())) {
            throw error(name, "a class name is expected");
        }
        if (model == null) {
            return null;
        }
        CimClass c = model.findClass(CimName.of(name.text()));
        if (c == null) {
            throw error(name, "class " + name.text() + " does not exist" + (namespace == null ? "" : " in namespace " + namespace));
        }
        return c;
    }

    /** The property {@code name} of {@code owner} (null = unknown class: unchecked). */
    Resolved property(CimClass owner, Token name) {
        if (owner == null) {
            return Resolved.UNKNOWN;
        }
        CimProperty p = owner.property(name.text());
        if (p == null) {
            throw error(name, "class " + owner.name() + " has no property " + name.text());
        }
        return new Resolved(p.type(), embeddedClass(p));
    }

    /** The next step of a path through {@code previous}: it must be an embedded instance. */
    CimClass throughEmbedded(Resolved previous, Token previousName) {
        if (previous.type() == null) {
            return null;
        }
        if (previous.type().array() || !previous.type().isEmbedded()) {
            throw error(previousName, "property " + previousName.text() + " is of type " + previous.type()
                    + ", not an embedded instance, so it has no properties");
        }
        return previous.embeddedClass();
    }

    private CimClass embeddedClass(CimProperty p) {
        CimQualifier q = p.qualifier("EmbeddedInstance");
        if (q == null || q.value() == null || q.value().isNull() || q.value().isArray()) {
            return null;
        }
        Object name = q.value().value();
        return name instanceof String s && CimName.isValid(s) ? model.findClass(CimName.of(s)) : null;
    }

    void requireArray(Resolved r, Token at, boolean array) {
        if (r.type() != null && r.type().array() != array) {
            throw error(at, array ? "property " + at.text() + " is not an array (" + r.type() + ")"
                    : "property " + at.text() + " is an array (" + r.type() + "); compare one element ("
                    + at.text() + "[0]) " + (language == QueryLanguage.FQL ? "or use ANY / EVERY" : ""));
        }
    }

    void requireString(CimType type, Token at) {
        if (type != null && !(type.kind().isStringLike() || type.kind() == CimType.Kind.CHAR16) || (type != null && type.isEmbedded())) {
            throw error(at, "LIKE needs a string, but the property is of type " + type);
        }
    }

    void requireOrdered(CimType type, ComparisonOperator op, Token at) {
        if (op.isOrdering() && type != null && (type.array() || type.kind() == CimType.Kind.BOOLEAN || type.isReference()
                || type.isEmbedded())) {
            throw error(at, "operator " + op.symbol() + " does not apply to values of type " + type);
        }
    }

    /** {@code literal} as a value of {@code type} (scalar element type), or 15 if it cannot be one. */
    Literal fit(Literal literal, CimType type, Token at) {
        if (type == null) {
            return literal;
        }
        CimValue v = literal.value();
        if (v.isArray()) {
            for (Object o : v.values()) {
                fit(new Literal(CimValue.of(v.type().elementType(), o)), type.elementType(), at);
            }
            return literal;
        }
        CimType.Kind k = type.kind();
        CimType.Kind lk = v.type().kind();
        if (type.isNumeric() && lk.isNumeric()
                || (k.isStringLike() && !type.isEmbedded() || k == CimType.Kind.CHAR16) && lk == CimType.Kind.STRING
                || k == CimType.Kind.BOOLEAN && lk == CimType.Kind.BOOLEAN
                || k == lk) {
            return literal;
        }
        if (lk == CimType.Kind.STRING && k == CimType.Kind.DATETIME) {
            try {
                return new Literal(CimValue.ofDateTime(CimDateTime.parse((String) v.value())));
            } catch (IllegalArgumentException e) {
                throw error(at, "'" + v.value() + "' is not a datetime: " + e.getMessage());
            }
        }
        if (lk == CimType.Kind.STRING && k == CimType.Kind.REFERENCE) {
            try {
                return new Literal(CimValue.ofReference(ObjectPath.parse((String) v.value())));
            } catch (IllegalArgumentException e) {
                throw error(at, "'" + v.value() + "' is not an object path: " + e.getMessage());
            }
        }
        throw error(at, "type mismatch: the property is of type " + type + " but the literal is a " + lk.cimName());
    }

    RuntimeException error(Token at, String problem) {
        return QueryErrors.at(language, at, problem);
    }
}
