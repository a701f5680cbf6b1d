package org.iscsismis.mof;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.antlr.v4.runtime.DefaultErrorStrategy;
import org.antlr.v4.runtime.FailedPredicateException;
import org.antlr.v4.runtime.InputMismatchException;
import org.antlr.v4.runtime.NoViableAltException;
import org.antlr.v4.runtime.Parser;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.misc.IntervalSet;

/**
 * ANTLR's recovery (single-token insertion and deletion, resynchronisation) with messages in
 * plain words: {@code unexpected 'x'; expected ';' or a name}, {@code missing ';' after '}'}.
 */
final class MofErrorStrategy extends DefaultErrorStrategy {

    /** Receives one syntax error at a 1-based line and column. */
    interface Sink {
        void syntaxError(int line, int column, String message);
    }

    private final Sink sink;

    MofErrorStrategy(Sink sink) {
        this.sink = sink;
    }

    /**
     * Before a '}' where a ';' is due, do nothing: the following {@code match(';')} then inserts
     * the missing ';' (reported as such) instead of deleting the '}' and losing the declaration.
     */
    @Override
    public void sync(Parser recognizer) {
        if (recognizer.getInputStream().LA(1) == MofParser.RBRACE
                && recognizer.getATN().nextTokens(recognizer.getInterpreter().atn.states.get(recognizer.getState()))
                        .contains(MofParser.SEMICOLON)) {
            return;
        }
        super.sync(recognizer);
    }

    /** A closing token is never dropped as "extraneous": it is far more likely that something is missing before it. */
    @Override
    protected Token singleTokenDeletion(Parser recognizer) {
        int la = recognizer.getInputStream().LA(1);
        if (la == MofParser.RBRACE || la == MofParser.SEMICOLON || la == MofParser.RPAREN || la == MofParser.RBRACKET) {
            return null;
        }
        return super.singleTokenDeletion(recognizer);
    }

    @Override
    protected void reportNoViableAlternative(Parser recognizer, NoViableAltException e) {
        Token t = e.getOffendingToken();
        report(t, unexpected(t) + expecting(recognizer, t, e.getExpectedTokens()));
    }

    @Override
    protected void reportInputMismatch(Parser recognizer, InputMismatchException e) {
        Token t = e.getOffendingToken();
        report(t, unexpected(t) + expecting(recognizer, t, e.getExpectedTokens()));
    }

    @Override
    protected void reportFailedPredicate(Parser recognizer, FailedPredicateException e) {
        report(e.getOffendingToken(), unexpected(e.getOffendingToken()));
    }

    @Override
    protected void reportUnwantedToken(Parser recognizer) {
        if (inErrorRecoveryMode(recognizer)) {
            return;
        }
        beginErrorCondition(recognizer);
        Token t = recognizer.getCurrentToken();
        report(t, unexpected(t) + expecting(recognizer, t, getExpectedTokens(recognizer)));
    }

    @Override
    protected void reportMissingToken(Parser recognizer) {
        if (inErrorRecoveryMode(recognizer)) {
            return;
        }
        beginErrorCondition(recognizer);
        Token t = recognizer.getCurrentToken();
        Token previous = recognizer.getInputStream().LT(-1);
        String expected = words(recognizer, getExpectedTokens(recognizer));
        if (previous != null && previous.getType() != Token.EOF) {
            // right after the token that should have been followed by the missing one
            String text = previous.getText();
            int length = text.codePointCount(0, text.length());
            int newline = text.lastIndexOf('\n');
            int line = previous.getLine();
            int column = previous.getCharPositionInLine() + length + 1;
            if (newline >= 0) {
                line += (int) text.chars().filter(ch -> ch == '\n').count();
                column = text.length() - newline;
            }
            sink.syntaxError(line, column, "missing " + expected + " after " + quote(previous));
        } else {
            report(t, "missing " + expected + " before " + quote(t));
        }
    }

    private void report(Token t, String message) {
        sink.syntaxError(t.getLine(), t.getCharPositionInLine() + 1, message);
    }

    private static String unexpected(Token t) {
        if (t.getType() == Token.EOF) {
            return "unexpected end of file";
        }
        if (t.getType() == MofParser.BAD_CHAR) {
            String text = t.getText();
            if (text.equals("\"")) {
                return "unterminated string: a string must end with \" on the same line";
            }
            if (text.equals("'")) {
                return "bad char16 literal: write one character between quotes, e.g. 'a'";
            }
            if (text.equals("/") && t.getInputStream() != null && t.getStopIndex() + 1 < t.getInputStream().size()
                    && t.getInputStream().getText(org.antlr.v4.runtime.misc.Interval.of(t.getStopIndex() + 1, t.getStopIndex() + 1)).equals("*")) {
                return "unterminated comment: /* has no closing */";
            }
            return "unexpected character " + quote(t);
        }
        return "unexpected " + quote(t);
    }

    private static String quote(Token t) {
        if (t.getType() == Token.EOF) {
            return "end of file";
        }
        String text = t.getText();
        if (text.length() > 40) {
            text = text.substring(0, 37) + "...";
        }
        return "'" + text + "'";
    }

    private static String expecting(Parser recognizer, Token offending, IntervalSet expected) {
        if (offending.getType() == MofParser.BAD_CHAR) {
            return "";
        }
        String words = words(recognizer, expected);
        return words.isEmpty() ? "" : "; expected " + words;
    }

    /** The expected tokens in words, e.g. {@code ';' or a value}. */
    static String words(Parser recognizer, IntervalSet expected) {
        if (expected == null || expected.isNil()) {
            return "";
        }
        Set<Integer> types = new LinkedHashSet<>(expected.toList());
        if (types.contains(MofParser.CLASS) && types.contains(MofParser.INSTANCE) && types.contains(MofParser.PRAGMA)
                && !types.contains(MofParser.IDENTIFIER)) {
            return "a declaration ('class', 'instance of', 'qualifier', '[' or '#pragma')";
        }
        Set<String> words = new LinkedHashSet<>();
        boolean name = types.contains(MofParser.IDENTIFIER);
        boolean value = types.contains(MofParser.STRING) && types.contains(MofParser.DECIMAL);
        if (value) {
            words.add("a value");
        }
        for (int type : types) {
            String w = word(recognizer, type, name, value);
            if (w != null) {
                words.add(w);
            }
        }
        List<String> list = new ArrayList<>(words);
        if (list.size() > 8) {
            list = list.subList(0, 8);
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < list.size(); i++) {
            if (i > 0) {
                sb.append(i == list.size() - 1 ? " or " : ", ");
            }
            sb.append(list.get(i));
        }
        return sb.toString();
    }

    private static String word(Parser recognizer, int type, boolean name, boolean value) {
        switch (type) {
            case Token.EOF: return "end of file";
            case MofParser.IDENTIFIER: return "a name";
            case MofParser.CLASS: case MofParser.QUALIFIER: case MofParser.INSTANCE: case MofParser.OF:
            case MofParser.AS: case MofParser.REF: case MofParser.SCOPE: case MofParser.FLAVOR:
                return name ? null : "'" + keyword(type) + "'";
            case MofParser.STRING: return value ? null : "a string";
            case MofParser.DECIMAL: case MofParser.HEX: case MofParser.BINARY: case MofParser.REAL:
                return value ? null : "a number";
            case MofParser.CHAR_LITERAL: case MofParser.TRUE: case MofParser.FALSE: case MofParser.NULL:
            case MofParser.PLUS: case MofParser.MINUS:
                return value ? null : recognizer.getVocabulary().getDisplayName(type);
            case MofParser.ALIAS: return "an alias ($name)";
            case MofParser.PRAGMA: return "'#pragma'";
            default: {
                String literal = recognizer.getVocabulary().getLiteralName(type);
                return literal != null ? literal : recognizer.getVocabulary().getDisplayName(type);
            }
        }
    }

    private static String keyword(int type) {
        switch (type) {
            case MofParser.CLASS: return "class";
            case MofParser.QUALIFIER: return "qualifier";
            case MofParser.INSTANCE: return "instance";
            case MofParser.OF: return "of";
            case MofParser.AS: return "as";
            case MofParser.SCOPE: return "scope";
            case MofParser.REF: return "ref";
            default: return "flavor";
        }
    }
}
