package org.iscsismis.cimxml;

import java.util.Locale;
import org.iscsismis.cim.CimException;
import org.iscsismis.cim.CimName;
import org.iscsismis.cim.CimType;

/**
 * Reads the DSP0201 attributes that carry CIM meaning (names, TYPE, PARAMTYPE, EmbeddedObject,
 * ARRAYSIZE) from the cursor's current start tag. A name that is not a CIM identifier is
 * INVALID_PARAMETER; a malformed type or size is NOT_VALID.
 */
final class AttributeReader {

    private final XmlCursor c;

    AttributeReader(XmlCursor cursor) {
        this.c = cursor;
    }

    CimName name(String attribute) throws CimXmlException {
        String v = c.requiredAttr(attribute);
        if (!CimName.isValid(v)) {
            throw notAName(attribute, v);
        }
        return CimName.of(v);
    }

    CimName optionalName(String attribute) {
        String v = c.attr(attribute);
        if (v == null || v.isEmpty()) {
            return null;
        }
        if (!CimName.isValid(v)) {
            throw notAName(attribute, v);
        }
        return CimName.of(v);
    }

    private CimException notAName(String attribute, String v) {
        return c.badValue("attribute " + attribute + " of " + c.name() + " is not a valid CIM name: \"" + v + "\"");
    }

    /** A TYPE attribute holding one of the 14 DSP0201 intrinsic type names. */
    CimType.Kind typeAttr(String attribute, boolean required) throws CimXmlException {
        String v = required ? c.requiredAttr(attribute) : c.attr(attribute);
        if (v == null) {
            return null;
        }
        CimType.Kind k = kindOrNull(v);
        if (k == null || k == CimType.Kind.REFERENCE || k.isStringLike() && k != CimType.Kind.STRING) {
            throw c.invalid("attribute " + attribute + " of " + c.name() + " is not a CIM type: \"" + v + "\"");
        }
        return k;
    }

    /** A PARAMTYPE attribute: an intrinsic type name or reference / object / instance; null when absent. */
    CimType.Kind paramTypeAttr() throws CimXmlException {
        String v = c.attr("PARAMTYPE");
        if (v == null) {
            return null;
        }
        CimType.Kind k = kindOrNull(v);
        if (k == null || v.trim().equalsIgnoreCase("ref")) {
            throw c.invalid("attribute PARAMTYPE of " + c.name() + " is not a CIM type: \"" + v + "\"");
        }
        return k;
    }

    private static CimType.Kind kindOrNull(String v) {
        try {
            return CimType.Kind.fromCimName(v);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** The EmbeddedObject attribute (either spelling): INSTANCE, OBJECT or null. */
    CimType.Kind embeddedAttr() throws CimXmlException {
        String v = c.attr("EmbeddedObject");
        if (v == null) {
            v = c.attr("EMBEDDEDOBJECT");
        }
        if (v == null) {
            return null;
        }
        switch (v.trim().toLowerCase(Locale.ROOT)) {
            case "instance": return CimType.Kind.INSTANCE;
            case "object": return CimType.Kind.OBJECT;
            default: throw c.invalid("attribute EmbeddedObject of " + c.name() + " must be instance or object, got \"" + v + "\"");
        }
    }

    /** Checks an ARRAYSIZE attribute, if present (the size itself is not used). */
    void arraySizeAttr() throws CimXmlException {
        String v = c.attr("ARRAYSIZE");
        if (v != null) {
            try {
                if (Integer.parseInt(v.trim()) < 0) {
                    throw new NumberFormatException();
                }
            } catch (NumberFormatException e) {
                throw c.invalid("attribute ARRAYSIZE of " + c.name() + " must be a non-negative integer, got \"" + v + "\"");
            }
        }
    }
}
