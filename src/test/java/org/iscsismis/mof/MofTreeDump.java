package org.iscsismis.mof;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.antlr.v4.runtime.BailErrorStrategy;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.atn.PredictionMode;
import org.antlr.v4.runtime.misc.ParseCancellationException;

/**
 * What the compiler can read of a clean parse tree, as lines of text: every public field of every context (the
 * grammar's labels and the fields ANTLR sets beside them), each context's parent, start and stop token, children
 * and exception, and each token's type, index, position, text and whether it holds an escape. Two trees with the
 * same dump are the same to the compiler. Also the reference the hand-written parser is compared with: ANTLR's
 * own clean parse (SLL, stopping at the first error, no children lists).
 */
final class MofTreeDump {

    private MofTreeDump() {
    }

    /** ANTLR's clean parse of {@code text}, or null at its first syntax error. */
    static MofParser.MofSpecificationContext antlrClean(String file, String text) {
        MofParser parser = new MofParser(new CommonTokenStream(new MofScanner(text, file)));
        parser.removeErrorListeners();
        parser.getInterpreter().setPredictionMode(PredictionMode.SLL);
        parser.setErrorHandler(new BailErrorStrategy());
        parser.setBuildParseTree(false);
        try {
            return parser.mofSpecification();
        } catch (ParseCancellationException e) {
            return null;
        }
    }

    /** The dump of a tree, or {@code ["null"]}. */
    static List<String> dump(ParserRuleContext tree) {
        List<String> out = new ArrayList<>();
        if (tree == null) {
            out.add("null");
        } else {
            context(tree, null, "", out);
        }
        return out;
    }

    /** Null if the two dumps are equal, else the first line that differs with the lines before it. */
    static String firstDifference(List<String> expected, List<String> actual) {
        int n = Math.min(expected.size(), actual.size());
        for (int i = 0; i <= n; i++) {
            String e = i < expected.size() ? expected.get(i) : "<end>";
            String a = i < actual.size() ? actual.get(i) : "<end>";
            if (!e.equals(a)) {
                String before = String.join("\n", expected.subList(Math.max(0, i - 6), Math.min(i, expected.size())));
                return "line " + i + " differs after\n" + before + "\nexpected: " + e + "\nactual:   " + a;
            }
        }
        return null;
    }

    private static void context(ParserRuleContext ctx, ParserRuleContext holder, String indent, List<String> out) {
        String parent = ctx.getParent() == holder ? "^"
                : ctx.getParent() == null ? "no parent" : "parent " + ctx.getParent().getClass().getSimpleName();
        out.add(indent + ctx.getClass().getSimpleName() + " " + parent + " children=" + ctx.getChildCount()
                + (ctx.exception == null ? "" : " exception=" + ctx.exception));
        out.add(indent + "  start " + token(ctx.getStart()));
        out.add(indent + "  stop  " + token(ctx.getStop()));
        for (Field f : fields(ctx.getClass())) {
            Object value;
            try {
                value = f.get(ctx);
            } catch (IllegalAccessException e) {
                throw new IllegalStateException(e);
            }
            if (value instanceof List<?> list) {
                out.add(indent + "  " + f.getName() + " [" + list.size() + "]");
                for (Object element : list) {
                    value(element, ctx, indent + "    ", out);
                }
            } else {
                out.add(indent + "  " + f.getName() + ":");
                value(value, ctx, indent + "    ", out);
            }
        }
    }

    private static void value(Object value, ParserRuleContext holder, String indent, List<String> out) {
        if (value instanceof ParserRuleContext child) {
            context(child, holder, indent, out);
        } else if (value instanceof Token t) {
            out.add(indent + token(t));
        } else {
            out.add(indent + value);
        }
    }

    /** The public instance fields the generated class declares, by name. */
    private static List<Field> fields(Class<?> type) {
        return Arrays.stream(type.getDeclaredFields())
                .filter(f -> Modifier.isPublic(f.getModifiers()) && !Modifier.isStatic(f.getModifiers()))
                .sorted(Comparator.comparing(Field::getName))
                .toList();
    }

    private static String token(Token t) {
        if (t == null) {
            return "null";
        }
        String escapes = t instanceof MofToken m && (t.getType() == MofParser.STRING || t.getType() == MofParser.CHAR_LITERAL)
                ? (m.plainLiteral() == null ? " escapes" : " plain") : "";
        return t.getClass().getSimpleName() + " type=" + t.getType() + " #" + t.getTokenIndex() + " " + t.getLine() + ":"
                + t.getCharPositionInLine() + " [" + t.getStartIndex() + ".." + t.getStopIndex() + "] channel="
                + t.getChannel() + " '" + t.getText() + "'" + escapes;
    }
}
