package org.iscsismis.query;

import java.util.ArrayList;
import java.util.List;
import org.iscsismis.cim.CimClass;
import org.iscsismis.cim.CimName;
import org.iscsismis.cim.CimNamespace;
import org.iscsismis.query.Token.Kind;

/**
 * The statement level of the three languages, by recursive descent: WQL and CQL's
 * {@code SELECT list FROM class [WHERE condition]} (CQL with an optional alias), FQL's bare condition.
 * The condition itself is {@link ConditionParser}'s. Features a language has but this server does not
 * evaluate are refused with CIM_ERR_INVALID_QUERY naming them.
 */
final class QueryParser {

    private final TokenStream in;
    private final QueryChecker checker;
    private final QueryLanguage language;

    private QueryParser(QueryLanguage language, String text, QueryChecker checker) {
        this.language = language;
        this.in = new TokenStream(language, QueryLexer.tokens(text, language));
        this.checker = checker;
    }

    /**
     * Parses and checks {@code text}. {@code model} null checks the syntax only; {@code filterClass} is
     * the class an FQL filter applies to (null when not known, e.g. associators without ResultClass).
     */
    static Query parse(QueryLanguage language, String text, ClassModel model, CimNamespace namespace, CimName filterClass) {
        QueryParser p = new QueryParser(language, text, new QueryChecker(language, model, namespace));
        return language.hasSelect() ? p.select() : p.filter(filterClass);
    }

    private Query filter(CimName filterClass) {
        CimClass scope = filterClass == null || !checker.hasModel() ? null
                : checker.requireClass(new Token(Kind.IDENTIFIER, filterClass.toString(), 0, 1, 1));
        if (in.peek().kind() == Kind.END) {
            throw checker.error(in.peek(), "the filter is empty; give a condition such as Name = 'x'");
        }
        Expression where = new ConditionParser(in, checker, scope, null, null).condition();
        in.expectEnd();
        return new Query(language, null, null, null, where);
    }

    private Query select() {
        in.expectKeyword("SELECT");
        refuseIf("DISTINCT", "DISTINCT");
        refuseIf("FIRST", "FIRST n");
        List<List<Token>> items = new ArrayList<>();
        boolean star = false;
        if (in.peek().kind() == Kind.STAR) {
            in.next();
            star = true;
        } else {
            do {
                items.add(selectItem());
            } while (in.accept(Kind.COMMA));
        }
        if (in.peek().is("ASSOCIATORS") || in.peek().is("REFERENCES")) {
            throw checker.error(in.peek(), in.peek().text().toUpperCase() + " OF is a WMI schema query, not supported here");
        }
        in.expectKeyword("FROM");
        Token classToken = in.expect(Kind.IDENTIFIER, "a class name");
        CimClass from = checker.requireClass(classToken);
        String alias = null;
        if (language == QueryLanguage.CQL && (in.peek().is("AS") || isAlias(in.peek()))) {
            in.acceptKeyword("AS");
            alias = in.expect(Kind.IDENTIFIER, "an alias for class " + classToken.text()).text();
        }
        if (in.peek().kind() == Kind.COMMA) {
            throw checker.error(in.peek(), "only one FROM class is supported (a join is not a basic query)");
        }
        CimName fromName = CimName.of(classToken.text());
        List<CimName> selectList = star ? null : selectList(items, from, fromName, alias);
        Expression where = null;
        if (in.acceptKeyword("WHERE")) {
            where = new ConditionParser(in, checker, from, fromName, alias).condition();
        }
        refuseIf("ORDER", "ORDER BY");
        refuseIf("GROUP", "GROUP BY");
        refuseIf("WITHIN", "WITHIN (WMI event polling)");
        refuseIf("HAVING", "HAVING");
        in.expectEnd();
        return new Query(language, selectList, fromName, alias, where);
    }

    private static boolean isAlias(Token t) {
        return t.kind() == Kind.IDENTIFIER && !t.is("WHERE") && !t.is("ORDER") && !t.is("GROUP");
    }

    /** One select-list entry: {@code Prop}, and in CQL also {@code Class.Prop}, {@code alias.Prop}, {@code alias.*}. */
    private List<Token> selectItem() {
        Token first = in.expect(Kind.IDENTIFIER, "a property name or *");
        if (in.peek().kind() == Kind.LPAREN) {
            throw checker.error(first, "functions such as " + first.text() + "() are not supported in the select list");
        }
        if (!in.accept(Kind.DOT)) {
            return List.of(first);
        }
        if (language != QueryLanguage.CQL) {
            throw checker.error(in.peek(), "a select-list entry is a property name; " + language + " has no qualified names");
        }
        if (in.peek().kind() == Kind.STAR) {
            return List.of(first, in.next());
        }
        Token second = in.expect(Kind.IDENTIFIER, "a property name");
        if (in.peek().kind() == Kind.DOT) {
            throw checker.error(in.peek(), "embedded properties cannot be selected; select the property that holds the instance");
        }
        return List.of(first, second);
    }

    /** The selected properties, checked against the FROM class; {@code alias.*} or {@code Class.*} means all. */
    private List<CimName> selectList(List<List<Token>> items, CimClass from, CimName fromName, String alias) {
        List<CimName> out = new ArrayList<>();
        for (List<Token> item : items) {
            Token t = item.get(item.size() - 1);
            if (item.size() == 2) {
                Token qualifier = item.get(0);
                if (!(fromName.matches(qualifier.text()) || (alias != null && alias.equalsIgnoreCase(qualifier.text())))) {
                    throw checker.error(qualifier, qualifier.text() + " is neither the FROM class nor its alias");
                }
                if (t.kind() == Kind.STAR) {
                    return null;
                }
            }
            checker.property(from, t);
            out.add(CimName.of(t.text()));
        }
        return out;
    }

    private void refuseIf(String keyword, String feature) {
        if (in.peek().is(keyword)) {
            throw checker.error(in.peek(), feature + " is not supported: this server evaluates "
                    + (language == QueryLanguage.CQL ? "DSP0202's basic query (SELECT, one FROM class, WHERE)" : "SELECT ... FROM ... WHERE"));
        }
    }
}
