package org.iscsismis.mof;

import static org.iscsismis.mof.MofParser.*;

import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;

/**
 * The clean parse of a MOF source written out by hand: a recursive-descent parser over {@link MofScanner} that
 * builds the same {@link MofParser} contexts as ANTLR's SLL parse without children lists
 * ({@code MofSession.parseClean}) — the same labelled fields (and the fields ANTLR sets beside a {@code +=} label),
 * the same parents, {@code start} and {@code stop} tokens and token indexes — or answers null at the first token
 * the grammar does not accept. {@code Mof.g4} stays the definition of the language: on null, the generated
 * parser parses the source again and reports the error. In a cold JVM ANTLR's prediction and token-stream
 * machinery run interpreted and took a quarter of a schema compile; this parser needs one token of lookahead,
 * two where a name may be the keyword {@code REF}. {@code MofFastParserProperties} checks that it agrees with
 * ANTLR, field by field, on every MOF file we know of and on mutations of them.
 *
 * <p>The contexts' {@code invokingState} (an ANTLR automaton state, read only by ANTLR's tree printing) is -1.
 * Recursion is bounded by the grammar: nothing nests but an array initializer inside a qualifier value or an
 * initializer, and array elements are literals, so a source of any size or shape is parsed in at most a dozen
 * frames; every loop consumes a token per turn.
 */
final class MofFastParser {

    /** Where the source stops being MOF; thrown without a stack trace, caught by {@link #parse}. */
    private static final class Mismatch extends RuntimeException {
        private static final long serialVersionUID = 1L;
        static final Mismatch INSTANCE = new Mismatch();

        private Mismatch() {
            super(null, null, false, false);
        }
    }

    private static final int NO_STATE = -1;
    /** The tokens rule {@code identifier} accepts: names and the keywords that may be names. */
    private static final long IDENTIFIERS = bits(IDENTIFIER, CLASS, QUALIFIER, INSTANCE, OF, AS, REF, SCOPE, FLAVOR);
    private static final long NUMBERS = bits(DECIMAL, HEX, BINARY, REAL);
    private static final long LITERALS = NUMBERS | bits(PLUS, MINUS, STRING, CHAR_LITERAL, TRUE, FALSE, NULL);
    private static final long PRODUCTIONS = bits(PRAGMA, QUALIFIER, CLASS, INSTANCE, LBRACKET);

    private final MofScanner scanner;
    /** The next token, the one after it (null until needed) and the last one consumed. */
    private MofToken next;
    private MofToken after;
    private MofToken previous;
    /** The index the next token read from the scanner gets, as {@code CommonTokenStream} numbers them. */
    private int tokenIndex;

    private MofFastParser(String text, String sourceName) {
        this.scanner = new MofScanner(text, sourceName);
        this.next = read();
    }

    /** The tree of {@code text} if it is exactly what {@code Mof.g4} accepts, else null. */
    static MofSpecificationContext parse(String sourceName, String text) {
        try {
            return new MofFastParser(text, sourceName).mofSpecification();
        } catch (Mismatch e) {
            return null;
        }
    }

    // ------------------------------------------------------------------ tokens

    private static long bits(int... types) {
        long set = 0;
        for (int t : types) {
            set |= 1L << t;
        }
        return set;
    }

    private static boolean in(long set, int type) {
        return type >= 0 && (set & (1L << type)) != 0;
    }

    private MofToken read() {
        MofToken t = (MofToken) scanner.nextToken();
        t.setTokenIndex(tokenIndex++);
        return t;
    }

    private int la() {
        return next.getType();
    }

    private int la2() {
        if (after == null) {
            after = read();
        }
        return after.getType();
    }

    private MofToken consume() {
        previous = next;
        if (after != null) {
            next = after;
            after = null;
        } else {
            next = read();
        }
        return previous;
    }

    /** Consumes the next token if it is of {@code type}. */
    private boolean skip(int type) {
        if (la() != type) {
            return false;
        }
        consume();
        return true;
    }

    private MofToken match(int type) {
        if (la() != type) {
            throw Mismatch.INSTANCE;
        }
        return consume();
    }

    /** ANTLR's {@code enterRule}: a context starts at the next token. */
    private <T extends ParserRuleContext> T begin(T ctx) {
        ctx.start = next;
        return ctx;
    }

    /** ANTLR's {@code exitRule}: a context stops at the last token consumed. */
    private <T extends ParserRuleContext> T end(T ctx) {
        ctx.stop = previous;
        return ctx;
    }

    // ------------------------------------------------------------------ rules, in the order of Mof.g4

    private MofSpecificationContext mofSpecification() {
        MofSpecificationContext ctx = begin(new MofSpecificationContext(null, NO_STATE));
        while (in(PRODUCTIONS, la())) {
            ctx.mofProduction = mofProduction(ctx);
            ctx.productions.add(ctx.mofProduction);
        }
        if (la() != Token.EOF) {
            throw Mismatch.INSTANCE;
        }
        ctx.stop = next; // EOF is matched, never consumed
        return ctx;
    }

    private MofProductionContext mofProduction(ParserRuleContext parent) {
        MofProductionContext ctx = begin(new MofProductionContext(parent, NO_STATE));
        switch (la()) {
            case PRAGMA -> ctx.directive = compilerDirective(ctx);
            case QUALIFIER -> ctx.qualifierDecl = qualifierDeclaration(ctx);
            case CLASS -> ctx.classDecl = classDeclaration(ctx, null);
            case INSTANCE -> ctx.instanceDecl = instanceDeclaration(ctx, null);
            default -> {
                // a qualifier list begins both declarations; the keyword after it says which one it belongs to
                QualifierListContext quals = qualifierList(null);
                switch (la()) {
                    case CLASS -> ctx.classDecl = classDeclaration(ctx, quals);
                    case INSTANCE -> ctx.instanceDecl = instanceDeclaration(ctx, quals);
                    default -> throw Mismatch.INSTANCE;
                }
            }
        }
        return end(ctx);
    }

    private CompilerDirectiveContext compilerDirective(ParserRuleContext parent) {
        CompilerDirectiveContext ctx = begin(new CompilerDirectiveContext(parent, NO_STATE));
        match(PRAGMA);
        ctx.pragmaName = identifier(ctx);
        if (skip(LPAREN)) {
            if (in(LITERALS, la())) {
                do {
                    ctx.literal = literal(ctx);
                    ctx.args.add(ctx.literal);
                } while (skip(COMMA));
            }
            match(RPAREN);
        }
        return end(ctx);
    }

    private QualifierDeclarationContext qualifierDeclaration(ParserRuleContext parent) {
        QualifierDeclarationContext ctx = begin(new QualifierDeclarationContext(parent, NO_STATE));
        match(QUALIFIER);
        ctx.qualifierName = identifier(ctx);
        match(COLON);
        ctx.dataType = identifier(ctx);
        if (la() == LBRACKET) {
            ctx.array = arraySpec(ctx);
        }
        if (skip(EQUALS)) {
            ctx.init = initializer(ctx);
        }
        match(COMMA);
        match(SCOPE);
        match(LPAREN);
        do {
            ctx.identifier = identifier(ctx);
            ctx.scopes.add(ctx.identifier);
        } while (skip(COMMA));
        match(RPAREN);
        if (skip(COMMA)) {
            match(FLAVOR);
            match(LPAREN);
            do {
                ctx.identifier = identifier(ctx);
                ctx.flavors.add(ctx.identifier);
            } while (skip(COMMA));
            match(RPAREN);
        }
        match(SEMICOLON);
        return end(ctx);
    }

    /** {@code quals} is the qualifier list the production already read (it decided the declaration), or null. */
    private ClassDeclarationContext classDeclaration(ParserRuleContext parent, QualifierListContext quals) {
        ClassDeclarationContext ctx = new ClassDeclarationContext(parent, NO_STATE);
        ctx.quals = adopt(ctx, quals);
        match(CLASS);
        ctx.className = identifier(ctx);
        if (skip(COLON)) {
            ctx.superClass = identifier(ctx);
        }
        if (skip(AS)) {
            ctx.alias = match(ALIAS);
        }
        match(LBRACE);
        while (la() == LBRACKET || in(IDENTIFIERS, la())) {
            ctx.classFeature = classFeature(ctx);
            ctx.features.add(ctx.classFeature);
        }
        match(RBRACE);
        match(SEMICOLON);
        return end(ctx);
    }

    /** A declaration starts at its qualifier list when it has one, and is that list's parent. */
    private QualifierListContext adopt(ParserRuleContext declaration, QualifierListContext quals) {
        if (quals == null) {
            begin(declaration);
        } else {
            declaration.start = quals.start;
            quals.setParent(declaration);
        }
        return quals;
    }

    private ClassFeatureContext classFeature(ParserRuleContext parent) {
        ClassFeatureContext ctx = begin(new ClassFeatureContext(parent, NO_STATE));
        if (la() == LBRACKET) {
            ctx.quals = qualifierList(ctx);
        }
        ctx.dataType = identifier(ctx);
        if (isRefKeyword()) {
            ctx.isRef = consume();
        }
        ctx.featureName = identifier(ctx);
        if (la() == LPAREN) {
            ctx.params = methodParameters(ctx);
        }
        if (la() == LBRACKET) {
            ctx.array = arraySpec(ctx);
        }
        if (skip(EQUALS)) {
            ctx.init = initializer(ctx);
        }
        match(SEMICOLON);
        return end(ctx);
    }

    /**
     * After a data type, REF is the reference keyword if a name follows it ({@code Foo REF Bar}, {@code Foo REF REF}),
     * else it is the name ({@code Foo REF;}, {@code Foo REF(...)}): what may follow a name is never a name.
     */
    private boolean isRefKeyword() {
        return la() == REF && in(IDENTIFIERS, la2());
    }

    private MethodParametersContext methodParameters(ParserRuleContext parent) {
        MethodParametersContext ctx = begin(new MethodParametersContext(parent, NO_STATE));
        match(LPAREN);
        if (la() == LBRACKET || in(IDENTIFIERS, la())) {
            do {
                ctx.parameter = parameter(ctx);
                ctx.items.add(ctx.parameter);
            } while (skip(COMMA));
        }
        match(RPAREN);
        return end(ctx);
    }

    private ParameterContext parameter(ParserRuleContext parent) {
        ParameterContext ctx = begin(new ParameterContext(parent, NO_STATE));
        if (la() == LBRACKET) {
            ctx.quals = qualifierList(ctx);
        }
        ctx.dataType = identifier(ctx);
        if (isRefKeyword()) {
            ctx.isRef = consume();
        }
        ctx.parameterName = identifier(ctx);
        if (la() == LBRACKET) {
            ctx.array = arraySpec(ctx);
        }
        if (skip(EQUALS)) {
            ctx.init = initializer(ctx);
        }
        return end(ctx);
    }

    private ArraySpecContext arraySpec(ParserRuleContext parent) {
        ArraySpecContext ctx = begin(new ArraySpecContext(parent, NO_STATE));
        match(LBRACKET);
        if (la() == DECIMAL) {
            ctx.size = consume();
        }
        match(RBRACKET);
        return end(ctx);
    }

    private QualifierListContext qualifierList(ParserRuleContext parent) {
        QualifierListContext ctx = begin(new QualifierListContext(parent, NO_STATE));
        match(LBRACKET);
        do {
            ctx.qualifier = qualifier(ctx);
            ctx.items.add(ctx.qualifier);
        } while (skip(COMMA));
        match(RBRACKET);
        return end(ctx);
    }

    private QualifierContext qualifier(ParserRuleContext parent) {
        QualifierContext ctx = begin(new QualifierContext(parent, NO_STATE));
        ctx.qualifierName = identifier(ctx);
        if (la() == LPAREN || la() == LBRACE) {
            ctx.value = qualifierValue(ctx);
        }
        if (skip(COLON)) {
            do { // greedy: every name that follows is a flavor
                ctx.identifier = identifier(ctx);
                ctx.flavors.add(ctx.identifier);
            } while (in(IDENTIFIERS, la()));
        }
        return end(ctx);
    }

    private QualifierValueContext qualifierValue(ParserRuleContext parent) {
        QualifierValueContext ctx = begin(new QualifierValueContext(parent, NO_STATE));
        if (skip(LPAREN)) {
            ctx.single = literal(ctx);
            match(RPAREN);
        } else {
            ctx.array = arrayInitializer(ctx);
        }
        return end(ctx);
    }

    /** {@code quals} as in {@link #classDeclaration}. */
    private InstanceDeclarationContext instanceDeclaration(ParserRuleContext parent, QualifierListContext quals) {
        InstanceDeclarationContext ctx = new InstanceDeclarationContext(parent, NO_STATE);
        ctx.quals = adopt(ctx, quals);
        match(INSTANCE);
        match(OF);
        ctx.className = identifier(ctx);
        if (skip(AS)) {
            ctx.alias = match(ALIAS);
        }
        match(LBRACE);
        while (la() == LBRACKET || in(IDENTIFIERS, la())) {
            ctx.valueInitializer = valueInitializer(ctx);
            ctx.values.add(ctx.valueInitializer);
        }
        match(RBRACE);
        match(SEMICOLON);
        return end(ctx);
    }

    private ValueInitializerContext valueInitializer(ParserRuleContext parent) {
        ValueInitializerContext ctx = begin(new ValueInitializerContext(parent, NO_STATE));
        if (la() == LBRACKET) {
            ctx.quals = qualifierList(ctx);
        }
        ctx.propertyName = identifier(ctx);
        match(EQUALS);
        ctx.init = initializer(ctx);
        match(SEMICOLON);
        return end(ctx);
    }

    private InitializerContext initializer(ParserRuleContext parent) {
        InitializerContext ctx = begin(new InitializerContext(parent, NO_STATE));
        if (in(LITERALS, la())) {
            ctx.value = literal(ctx);
        } else if (la() == LBRACE) {
            ctx.array = arrayInitializer(ctx);
        } else {
            ctx.alias = match(ALIAS);
        }
        return end(ctx);
    }

    private ArrayInitializerContext arrayInitializer(ParserRuleContext parent) {
        ArrayInitializerContext ctx = begin(new ArrayInitializerContext(parent, NO_STATE));
        match(LBRACE);
        if (la() == ALIAS || in(LITERALS, la())) {
            do {
                ctx.arrayElement = arrayElement(ctx);
                ctx.items.add(ctx.arrayElement);
            } while (skip(COMMA));
        }
        match(RBRACE);
        return end(ctx);
    }

    private ArrayElementContext arrayElement(ParserRuleContext parent) {
        ArrayElementContext ctx = begin(new ArrayElementContext(parent, NO_STATE));
        if (la() == ALIAS) {
            ctx.alias = consume();
        } else {
            ctx.value = literal(ctx);
        }
        return end(ctx);
    }

    private LiteralContext literal(ParserRuleContext parent) {
        LiteralContext ctx = begin(new LiteralContext(parent, NO_STATE));
        switch (la()) {
            case STRING -> ctx.str = stringValue(ctx);
            case CHAR_LITERAL -> ctx.charLiteral = consume();
            case TRUE -> ctx.isTrue = consume();
            case FALSE -> ctx.isFalse = consume();
            case NULL -> ctx.isNull = consume();
            default -> ctx.num = number(ctx);
        }
        return end(ctx);
    }

    private NumberContext number(ParserRuleContext parent) {
        NumberContext ctx = begin(new NumberContext(parent, NO_STATE));
        if (la() == PLUS || la() == MINUS) {
            ctx.sign = consume();
        }
        if (!in(NUMBERS, la())) {
            throw Mismatch.INSTANCE;
        }
        ctx.digits = consume();
        return end(ctx);
    }

    private StringValueContext stringValue(ParserRuleContext parent) {
        StringValueContext ctx = begin(new StringValueContext(parent, NO_STATE));
        do {
            ctx.STRING = match(STRING);
            ctx.parts.add(ctx.STRING);
        } while (la() == STRING);
        return end(ctx);
    }

    private IdentifierContext identifier(ParserRuleContext parent) {
        IdentifierContext ctx = begin(new IdentifierContext(parent, NO_STATE));
        if (!in(IDENTIFIERS, la())) {
            throw Mismatch.INSTANCE;
        }
        consume();
        return end(ctx);
    }
}
