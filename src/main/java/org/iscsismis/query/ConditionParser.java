package org.iscsismis.query;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import org.iscsismis.cim.CimClass;
import org.iscsismis.cim.CimName;
import org.iscsismis.cim.CimType;
import org.iscsismis.cim.CimValue;
import org.iscsismis.query.Expression.Quantifier;
import org.iscsismis.query.Operand.ArrayElement;
import org.iscsismis.query.Operand.Literal;
import org.iscsismis.query.Operand.PropertyPath;
import org.iscsismis.query.Token.Kind;

/**
 * The conditions of the three languages, by recursive descent:
 * <pre>
 * condition := term (OR term)*
 * term      := factor (AND factor)*
 * factor    := NOT factor | '(' condition ')' | predicate
 * predicate := (ANY | EVERY) path (compOp operand | [NOT] LIKE string)          -- FQL
 *            | path IS [NOT] NULL | path (= | &lt;&gt;) NULL
 *            | path [NOT] LIKE string | path ISA class                          -- ISA: WQL, CQL
 *            | operand compOp operand                                         -- one side a property
 * path      := name ('.' name)* ['[' integer ']']
 * </pre>
 * Names and literals are checked as they are read ({@link QueryChecker}).
 */
final class ConditionParser {

    private static final BigInteger UINT64_MAX = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);

    private final TokenStream in;
    private final QueryChecker checker;
    private final QueryLanguage language;
    private final CimClass scope;
    private final CimName fromName;
    private final String alias;

    /** A property path as read, with its resolved type (null = unknown) and its last name token. */
    private record Path(PropertyPath path, CimType type, Token last, QueryChecker.Resolved resolved) {
    }

    ConditionParser(TokenStream in, QueryChecker checker, CimClass scope, CimName fromName, String alias) {
        this.in = in;
        this.checker = checker;
        this.language = checker.language();
        this.scope = scope;
        this.fromName = fromName;
        this.alias = alias;
    }

    Expression condition() {
        List<Expression> terms = new ArrayList<>();
        terms.add(term());
        while (in.acceptKeyword("OR")) {
            terms.add(term());
        }
        return terms.size() == 1 ? terms.get(0) : new Expression.Or(terms);
    }

    private Expression term() {
        List<Expression> factors = new ArrayList<>();
        factors.add(factor());
        while (in.acceptKeyword("AND")) {
            factors.add(factor());
        }
        return factors.size() == 1 ? factors.get(0) : new Expression.And(factors);
    }

    private Expression factor() {
        if (in.acceptKeyword("NOT")) {
            return new Expression.Not(factor());
        }
        if (in.accept(Kind.LPAREN)) {
            Expression e = condition();
            in.expect(Kind.RPAREN, "')'");
            return e;
        }
        return predicate();
    }

    private Expression predicate() {
        Token t = in.peek();
        if (t.is("ANY") || t.is("EVERY")) {
            return quantified();
        }
        if (t.is("SATISFIES") || t.is("EXISTS") || t.is("IN")) {
            throw checker.error(t, t.text().toUpperCase() + " is not supported (not part of the basic query)");
        }
        if (startsLiteral(t)) {
            Token at = t;
            Literal left = literal();
            Token opToken = in.peek();
            ComparisonOperator op = operator();
            Path right = path(true);
            checker.requireArray(right.resolved(), right.last(), left.value().isArray());
            checker.requireOrdered(right.type(), op, opToken);
            return new Expression.Comparison(checker.fit(left, right.type(), at), op, right.path());
        }
        Path left = path(false);
        if (in.acceptKeyword("IS")) {
            boolean not = in.acceptKeyword("NOT");
            in.expectKeyword("NULL");
            return new Expression.NullTest(requireProperty(left), !not);
        }
        if (in.peek().is("NOT") && in.peek(1).is("LIKE")) {
            in.next();
            return new Expression.Not(like(left.path(), left));
        }
        if (in.peek().is("LIKE")) {
            return like(left.path(), left);
        }
        if (in.peek().is("ISA")) {
            return isa(left);
        }
        Token opToken = in.peek();
        ComparisonOperator op = operator();
        if (in.peek().is("NULL") && !op.isOrdering()) {
            in.next();
            return new Expression.NullTest(requireProperty(left), op == ComparisonOperator.EQ);
        }
        return comparison(left.path(), left, op, opToken);
    }

    private Expression comparison(Operand subject, Path left, ComparisonOperator op, Token opToken) {
        Token at = in.peek();
        checker.requireOrdered(left.type(), op, opToken);
        if (startsLiteral(at)) {
            Literal right = literal();
            if (!(subject instanceof ArrayElement)) {
                checker.requireArray(left.resolved(), left.last(), right.value().isArray());
            }
            return new Expression.Comparison(subject, op, checker.fit(right, left.type(), at));
        }
        Path right = path(true);
        if (left.type() != null && right.type() != null && left.type().array() != right.type().array()) {
            throw checker.error(at, "an array is compared with a single value");
        }
        return new Expression.Comparison(subject, op, right.path());
    }

    private Expression like(Operand subject, Path left) {
        in.next();
        Token pattern = in.expect(Kind.STRING, "a LIKE pattern (a string)");
        if (!(subject instanceof ArrayElement)) {
            requireProperty(left);
            checker.requireArray(left.resolved(), left.last(), false);
        }
        checker.requireString(left.type(), left.last());
        try {
            return new Expression.Like(subject, LikePattern.of(language, pattern.text()));
        } catch (IllegalArgumentException e) {
            throw checker.error(pattern, e.getMessage());
        }
    }

    private Expression isa(Path left) {
        Token isa = in.next();
        if (language == QueryLanguage.FQL) {
            throw checker.error(isa, "ISA is not part of DMTF:FQL");
        }
        Token cls = in.peek().kind() == Kind.STRING && language == QueryLanguage.WQL ? in.next()
                : in.expect(Kind.IDENTIFIER, "a class name");
        checker.requireClass(cls);
        CimType t = left.type();
        if (t != null && !left.path().isSelf() && (t.array() || !(t.isEmbedded() || t.isReference()))) {
            throw checker.error(isa, "ISA needs an embedded instance, but " + left.last().text() + " is of type " + t);
        }
        if (!CimName.isValid(cls.text())) {
            throw checker.error(cls, "a class name is expected");
        }
        return new Expression.Isa(left.path(), CimName.of(cls.text()));
    }

    private Expression quantified() {
        Token q = in.next();
        if (language != QueryLanguage.FQL) {
            throw checker.error(q, q.text().toUpperCase() + " is not supported in " + language
                    + (language == QueryLanguage.CQL ? " (ANY/EVERY ... SATISFIES is not part of the basic query)" : ""));
        }
        Path array = path(false);
        requireProperty(array);
        if (array.path().index() != null) {
            throw checker.error(array.last(), "ANY/EVERY take a whole array, not an element");
        }
        checker.requireArray(array.resolved(), array.last(), true);
        CimType element = array.type() == null ? null : array.type().elementType();
        Path subject = new Path(array.path(), element, array.last(), new QueryChecker.Resolved(element, null));
        Expression test;
        if (in.peek().is("NOT") && in.peek(1).is("LIKE")) {
            in.next();
            test = new Expression.Not(like(new ArrayElement(), subject));
        } else if (in.peek().is("LIKE")) {
            test = like(new ArrayElement(), subject);
        } else {
            Token opToken = in.peek();
            test = comparison(new ArrayElement(), subject, operator(), opToken);
        }
        return new Expression.Quantified(q.is("ANY") ? Quantifier.ANY : Quantifier.EVERY, array.path(), test);
    }

    // ------------------------------------------------------------------ paths

    private Path path(boolean asOperand) {
        Token first = in.peek();
        if (first.kind() != Kind.IDENTIFIER || isKeyword(first)) {
            throw checker.error(first, asOperand ? "a property name or a literal is expected" : "a property name is expected");
        }
        List<Token> names = new ArrayList<>();
        names.add(in.next());
        if (in.peek().kind() == Kind.LPAREN) {
            throw checker.error(first, "functions such as " + first.text() + "() are not supported");
        }
        while (in.accept(Kind.DOT)) {
            names.add(in.expect(Kind.IDENTIFIER, "a property name after '.'"));
        }
        if (in.peek().kind() == Kind.OTHER && in.peek().text().equals("::")) {
            throw checker.error(in.peek(), "scoped property names (Class::Property) are not supported");
        }
        if (language == QueryLanguage.CQL && refersToFrom(names.get(0)) && (scope == null || scope.property(names.get(0).text()) == null)) {
            names.remove(0);
        }
        Integer index = null;
        if (in.peek().kind() == Kind.LBRACKET) {
            Token open = in.next();
            if (names.isEmpty()) {
                throw checker.error(open, "an index needs an array property");
            }
            Token n = in.expect(Kind.INTEGER, "an array index (an integer)");
            index = index(n);
            in.expect(Kind.RBRACKET, "']'");
        }
        QueryChecker.Resolved r = resolve(names);
        Token last = names.isEmpty() ? first : names.get(names.size() - 1);
        if (index != null) {
            checker.requireArray(r, last, true);
        }
        CimType type = r.type() == null ? null : index != null ? r.type().elementType() : r.type();
        PropertyPath path = new PropertyPath(names.stream().map(t -> CimName.of(t.text())).toList(), index);
        return new Path(path, type, last, index == null ? r : new QueryChecker.Resolved(type, null));
    }

    private boolean refersToFrom(Token t) {
        return (fromName != null && fromName.matches(t.text())) || (alias != null && alias.equalsIgnoreCase(t.text()));
    }

    private QueryChecker.Resolved resolve(List<Token> names) {
        if (names.isEmpty()) {
            return QueryChecker.Resolved.UNKNOWN;
        }
        CimClass owner = scope;
        QueryChecker.Resolved r = null;
        for (int i = 0; i < names.size(); i++) {
            if (i > 0) {
                owner = checker.throughEmbedded(r, names.get(i - 1));
            }
            r = checker.property(owner, names.get(i));
        }
        return r;
    }

    private PropertyPath requireProperty(Path p) {
        if (p.path().isSelf()) {
            throw checker.error(p.last(), "a property is expected, not the class itself");
        }
        return p.path();
    }

    private int index(Token n) {
        try {
            return Integer.parseInt(n.text());
        } catch (NumberFormatException e) {
            throw checker.error(n, "an array index is a decimal integer from 0");
        }
    }

    // ------------------------------------------------------------------ literals and operators

    private ComparisonOperator operator() {
        Token t = in.peek();
        if (t.kind() != Kind.OPERATOR) {
            throw checker.error(t, "a comparison operator (=, <>, <, <=, >, >=), IS, LIKE"
                    + (language == QueryLanguage.FQL ? "" : ", ISA") + " is expected");
        }
        in.next();
        return ComparisonOperator.ofSymbol(t.text());
    }

    private boolean startsLiteral(Token t) {
        return switch (t.kind()) {
            case STRING, INTEGER, REAL, SIGN -> true;
            case LBRACE -> language == QueryLanguage.FQL;
            case IDENTIFIER -> t.is("TRUE") || t.is("FALSE");
            default -> false;
        };
    }

    private static boolean isKeyword(Token t) {
        for (String k : new String[] {"AND", "OR", "NOT", "NULL", "IS", "LIKE", "ISA", "TRUE", "FALSE"}) {
            if (t.is(k)) {
                return true;
            }
        }
        return false;
    }

    private Literal literal() {
        Token t = in.next();
        switch (t.kind()) {
            case STRING:
                return new Literal(CimValue.ofString(t.text()));
            case LBRACE:
                return arrayLiteral(t);
            case IDENTIFIER:
                return new Literal(CimValue.ofBoolean(t.is("TRUE")));
            case SIGN: {
                Token n = in.next();
                if (n.kind() != Kind.INTEGER && n.kind() != Kind.REAL) {
                    throw checker.error(n, "a number is expected after '" + t.text() + "'");
                }
                return number(n, t.text().equals("-"));
            }
            default:
                return number(t, false);
        }
    }

    private Literal number(Token t, boolean negative) {
        if (t.kind() == Kind.REAL) {
            double d = Double.parseDouble(t.text());
            return new Literal(CimValue.ofReal64(negative ? -d : d));
        }
        String s = t.text();
        BigInteger b;
        if (s.startsWith("0x") || s.startsWith("0X")) {
            b = new BigInteger(s.substring(2), 16);
        } else if (s.endsWith("b") || s.endsWith("B")) {
            b = new BigInteger(s.substring(0, s.length() - 1), 2);
        } else {
            b = new BigInteger(s);
        }
        b = negative ? b.negate() : b;
        if (b.bitLength() <= 63) {
            return new Literal(CimValue.ofSint64(b.longValue()));
        }
        if (b.signum() > 0 && b.compareTo(UINT64_MAX) <= 0) {
            return new Literal(CimValue.ofUint64(b));
        }
        throw checker.error(t, "the integer " + (negative ? "-" : "") + s + " is out of the range of sint64 and uint64");
    }

    private Literal arrayLiteral(Token open) {
        List<Literal> items = new ArrayList<>();
        do {
            Token at = in.peek();
            if (!startsLiteral(at) || at.kind() == Kind.LBRACE) {
                throw checker.error(at, "an array literal holds literals");
            }
            items.add(literal());
        } while (in.accept(Kind.COMMA));
        in.expect(Kind.RBRACE, "'}' (the end of the array literal)");
        CimType.Kind kind = items.get(0).value().type().kind();
        for (Literal l : items) {
            CimType.Kind k = l.value().type().kind();
            if (k != kind) {
                if (k.isNumeric() && kind.isNumeric()) {
                    kind = k.isInteger() && kind.isInteger() ? CimType.Kind.UINT64 : CimType.Kind.REAL64;
                } else {
                    throw checker.error(open, "the array literal mixes " + kind.cimName() + " and " + k.cimName() + " values");
                }
            }
        }
        if (kind == CimType.Kind.UINT64) {
            // sint64 and uint64 literals mixed: one type holds them all only if none is negative
            for (Literal l : items) {
                if (l.value().type().kind() == CimType.Kind.SINT64 && ((Number) l.value().value()).longValue() < 0) {
                    throw checker.error(open, "the array literal mixes negative integers with integers beyond the range of sint64");
                }
            }
        }
        List<Object> values = new ArrayList<>();
        for (Literal l : items) {
            Object v = l.value().value();
            values.add(kind == CimType.Kind.REAL64 ? ((Number) v).doubleValue() : v);
        }
        return new Literal(CimValue.of(CimType.arrayOf(kind), values));
    }
}
