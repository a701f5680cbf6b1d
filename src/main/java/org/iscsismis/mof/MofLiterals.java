package org.iscsismis.mof;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

import org.antlr.v4.runtime.Token;
import org.iscsismis.cim.CimValue;

/** Parse trees of values ──▶ {@link MofLiteral}: numbers in every DSP0004 radix, escapes, concatenation. */
final class MofLiterals {

    private MofLiterals() {
    }

    static MofLiteral initializer(MofParser.InitializerContext c) {
        if (c.value != null) {
            return literal(c.value);
        }
        if (c.array != null) {
            return array(c.array);
        }
        return alias(c.alias);
    }

    static MofLiteral qualifierValue(MofParser.QualifierValueContext c) {
        return c.single != null ? literal(c.single) : array(c.array);
    }

    static MofLiteral array(MofParser.ArrayInitializerContext c) {
        List<MofParser.ArrayElementContext> elements = c.items;
        List<MofLiteral> items = new ArrayList<>(elements.size());
        for (MofParser.ArrayElementContext e : elements) {
            items.add(e.value != null ? literal(e.value) : alias(e.alias));
        }
        return new MofLiteral(MofLiteral.Kind.ARRAY, items, c.getStart());
    }

    static MofLiteral alias(Token t) {
        return new MofLiteral(MofLiteral.Kind.ALIAS, t.getText().substring(1), t);
    }

    static MofLiteral literal(MofParser.LiteralContext c) {
        Token start = c.getStart();
        if (c.num != null) {
            return number(c.num);
        }
        if (c.str != null) {
            List<Token> parts = c.str.parts;
            if (parts.size() == 1) {
                return new MofLiteral(MofLiteral.Kind.STRING, unescape(parts.get(0)), start);
            }
            StringBuilder sb = new StringBuilder();
            for (Token part : parts) {
                sb.append(unescape(part));
            }
            return new MofLiteral(MofLiteral.Kind.STRING, sb.toString(), start);
        }
        if (c.charLiteral != null) {
            String s = unescape(start);
            if (s.length() != 1) {
                throw new MofFailure(start, "a char16 literal holds exactly one character, not " + s.length() + ": " + start.getText());
            }
            return new MofLiteral(MofLiteral.Kind.CHAR, s.charAt(0), start);
        }
        switch (start.getType()) {
            case MofParser.TRUE: return new MofLiteral(MofLiteral.Kind.BOOLEAN, Boolean.TRUE, start);
            case MofParser.FALSE: return new MofLiteral(MofLiteral.Kind.BOOLEAN, Boolean.FALSE, start);
            default: return new MofLiteral(MofLiteral.Kind.NULL, null, start);
        }
    }

    /** The number after a sign; error recovery may have left none (a sign followed by garbage): a diagnostic. */
    private static Token digitsAfterSign(MofParser.NumberContext c) {
        if (c.digits == null) {
            throw new MofFailure(c.sign, "a sign (" + c.sign.getText() + ") must be followed by a number");
        }
        return c.digits;
    }

    static MofLiteral number(MofParser.NumberContext c) {
        Token start = c.getStart();
        boolean negative = c.sign != null && c.sign.getType() == MofParser.MINUS;
        Token digits = c.sign == null ? start : digitsAfterSign(c);
        String text = digits.getText();
        if (text.length() > CimValue.MAX_NUMBER_LENGTH) {
            throw new MofFailure(digits, "a numeric literal of " + text.length() + " characters exceeds the limit of "
                    + CimValue.MAX_NUMBER_LENGTH + " characters");
        }
        BigInteger value;
        switch (digits.getType()) {
            case MofParser.REAL:
                return new MofLiteral(MofLiteral.Kind.REAL, negative ? "-" + text : text, start);
            case MofParser.HEX:
                value = parse(digits, 2, text.length(), 16);
                break;
            case MofParser.BINARY:
                value = parse(digits, 0, text.length() - 1, 2);
                break;
            default:
                if (text.length() > 1 && text.charAt(0) == '0') {
                    for (int i = 1; i < text.length(); i++) {
                        if (text.charAt(i) > '7') {
                            throw new MofFailure(digits, i, "not an octal number: " + text
                                    + " (a number with a leading 0 is octal; its digits are 0 to 7)");
                        }
                    }
                    value = parse(digits, 1, text.length(), 8);
                } else {
                    value = parse(digits, 0, text.length(), 10);
                }
        }
        return new MofLiteral(MofLiteral.Kind.INTEGER, negative ? value.negate() : value, start);
    }

    private static BigInteger parse(Token digits, int from, int to, int radix) {
        String text = digits.getText();
        int bitsPerDigit = radix == 16 ? 4 : radix == 8 ? 3 : radix == 2 ? 1 : 4;
        try {
            if ((to - from) * bitsPerDigit < 63) {
                return BigInteger.valueOf(Long.parseLong(text, from, to, radix));
            }
            return new BigInteger(text.substring(from, to), radix);
        } catch (NumberFormatException | IndexOutOfBoundsException e) {
            // only after a syntax error: the parser's recovery put another token where the number was expected
            throw new MofFailure(digits, "not a number: " + text);
        }
    }

    /**
     * Decodes a STRING or CHAR_LITERAL token without its quotes: {@code \b \t \n \f \r \" \' \\}
     * and {@code \x} or {@code \X} followed by one to four hex digits.
     */
    static String unescape(Token t) {
        String plain = t instanceof MofToken m ? m.plainLiteral() : null;
        if (plain != null) {
            return plain;
        }
        String text = t.getText();
        int end = text.length() - 1;
        int backslash = text.indexOf('\\', 1);
        if (backslash < 0 || backslash >= end) {
            return text.substring(1, end);
        }
        StringBuilder sb = new StringBuilder(end);
        sb.append(text, 1, backslash);
        int i = backslash;
        while (i < end) {
            char c = text.charAt(i);
            if (c != '\\') {
                sb.append(c);
                i++;
                continue;
            }
            char e = i + 1 < end ? text.charAt(i + 1) : '\0';
            switch (e) {
                case 'b': sb.append('\b'); i += 2; break;
                case 't': sb.append('\t'); i += 2; break;
                case 'n': sb.append('\n'); i += 2; break;
                case 'f': sb.append('\f'); i += 2; break;
                case 'r': sb.append('\r'); i += 2; break;
                case '"': sb.append('"'); i += 2; break;
                case '\'': sb.append('\''); i += 2; break;
                case '\\': sb.append('\\'); i += 2; break;
                case 'x':
                case 'X': {
                    int j = i + 2;
                    int cp = 0;
                    while (j < end && j < i + 6 && Character.digit(text.charAt(j), 16) >= 0) {
                        cp = cp * 16 + Character.digit(text.charAt(j), 16);
                        j++;
                    }
                    if (j == i + 2) {
                        throw new MofFailure(t, i, "\\" + e + " must be followed by 1 to 4 hex digits");
                    }
                    sb.append((char) cp);
                    i = j;
                    break;
                }
                default:
                    throw new MofFailure(t, i, "unknown escape \\" + e
                            + " (MOF knows \\b \\t \\n \\f \\r \\\" \\' \\\\ and \\xHHHH)");
            }
        }
        return sb.toString();
    }
}
