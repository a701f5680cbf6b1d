package org.iscsismis.cimxml;

import java.util.Locale;

/**
 * The kinds of bound the request reader enforces, each with the words that name it in a refusal.
 * The parser (Woodstox) enforces the first five while it reads and reports them in its own words,
 * which {@link #ofParserMessage} recognises; the reader checks text length of split text and the
 * nesting of embedded objects itself.
 */
enum ReaderLimit {
    ELEMENT_DEPTH("Element nesting", "levels"),
    ELEMENT_COUNT("The number of elements", "elements"),
    ATTRIBUTE_SIZE("An attribute value", "characters"),
    ATTRIBUTES_PER_ELEMENT("The number of attributes of an element", "attributes"),
    TEXT_SIZE("A text", "characters"),
    ENTITY_EXPANSION("Entity expansion", "levels or references"),
    EMBEDDING_DEPTH("The nesting of embedded objects", "levels");

    /** Entity references are never expanded; the parser's bound on them is a second line of defence. */
    static final int MAX_ENTITY_EXPANSION = 1;

    private final String subject;
    private final String unit;

    ReaderLimit(String subject, String unit) {
        this.subject = subject;
        this.unit = unit;
    }

    /** The bound of this kind in {@code limits}. */
    long valueIn(ReaderLimits limits) {
        return switch (this) {
            case ELEMENT_DEPTH -> limits.maxDepth();
            case ELEMENT_COUNT -> limits.maxElements();
            case ATTRIBUTE_SIZE -> limits.maxAttributeValueLength();
            case ATTRIBUTES_PER_ELEMENT -> CimXmlRequestReader.MAX_ATTRIBUTES_PER_ELEMENT;
            case TEXT_SIZE -> limits.maxTextLength();
            case ENTITY_EXPANSION -> MAX_ENTITY_EXPANSION;
            case EMBEDDING_DEPTH -> EmbeddedObjectReader.MAX_EMBEDDING_DEPTH;
        };
    }

    /**
     * The refusal: which bound, its value and where, e.g. "Element nesting exceeds the limit of 64
     * levels (at line 1:195)".
     *
     * @param subject what exceeded it, or null for this kind's general words
     * @param where   the position suffix ({@code " (at line L:C)"}) or ""
     */
    CimXmlException exceeded(ReaderLimits limits, String subject, String where) {
        return new CimXmlException(CimXmlException.Kind.LIMIT_EXCEEDED,
                (subject == null ? this.subject : subject) + " exceeds the limit of " + valueIn(limits) + " " + unit + where);
    }

    /** Whether a parser message reports a violated bound at all (of a kind named here or not). */
    static boolean isLimitMessage(String message) {
        return message.contains(" limit (") && message.toLowerCase(Locale.ROOT).contains("exceeded")
                || message.contains("Maximum") && message.contains("limit");
    }

    /** The kind of bound a parser message reports, or null when it names none of ours. */
    static ReaderLimit ofParserMessage(String message) {
        String m = message.toLowerCase(Locale.ROOT);
        if (m.contains("element depth")) {
            return ELEMENT_DEPTH;
        }
        if (m.contains("element count")) {
            return ELEMENT_COUNT;
        }
        if (m.contains("attribute size")) {
            return ATTRIBUTE_SIZE;
        }
        if (m.startsWith("attribute limit")) {
            return ATTRIBUTES_PER_ELEMENT;
        }
        if (m.contains("text size")) {
            return TEXT_SIZE;
        }
        if (m.contains("entity expansion")) {
            return ENTITY_EXPANSION;
        }
        return null;
    }
}
