package org.iscsismis.repository;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.iscsismis.cim.CimFlavor;
import org.iscsismis.cim.CimName;
import org.iscsismis.cim.CimQualifierType;
import org.iscsismis.cim.CimScope;
import org.iscsismis.cim.CimType;
import org.iscsismis.cim.CimValue;

/**
 * The DMTF qualifier declarations of CIM Schema 2.49.0 ({@code qualifiers.mof} plus
 * {@code qualifiers_optional.mof}), as data. Every namespace is seeded with them until the MOF
 * compiler loads {@code mof/} instead.
 *
 * <p>Table columns: name, type, default (text; {@code null} = NULL), scopes, flavor code.
 * Flavor codes: {@code E}/{@code D} = EnableOverride/DisableOverride, {@code T}/{@code R} =
 * ToSubclass/Restricted, a trailing {@code +} = Translatable.
 */
public final class StandardQualifiers {

    private static final String CLS = "class";
    private static final String ASC = "association";
    private static final String IND = "indication";
    private static final String PRP = "property";
    private static final String REF = "reference";
    private static final String MTH = "method";
    private static final String PAR = "parameter";
    private static final String ANY = "any";

    // name, type, default, scopes (comma-separated), flavor
    private static final String[][] TABLE = {
            {"Association", "boolean", "false", ASC, "DT"},
            {"Indication", "boolean", "false", CLS + "," + IND, "DT"},
            {"Abstract", "boolean", "false", CLS + "," + ASC + "," + IND, "ER"},
            {"Aggregate", "boolean", "false", REF, "DT"},
            {"Aggregation", "boolean", "false", ASC, "DT"},
            {"ArrayType", "string", "Bag", PRP + "," + PAR, "DT"},
            {"BitMap", "string[]", null, PRP + "," + MTH + "," + PAR, "ET"},
            {"BitValues", "string[]", null, PRP + "," + MTH + "," + PAR, "ET+"},
            {"ClassConstraint", "string[]", null, CLS + "," + ASC + "," + IND, "ET"},
            {"Composition", "boolean", "false", ASC, "DT"},
            {"Correlatable", "string[]", null, PRP, "ET"},
            {"Counter", "boolean", "false", PRP + "," + MTH + "," + PAR, "ET"},
            {"Deprecated", "string[]", null, ANY, "ER"},
            {"Description", "string", null, ANY, "ET+"},
            {"DisplayName", "string", null, ANY, "ET+"},
            {"DN", "boolean", "false", PRP + "," + MTH + "," + PAR, "DT"},
            {"EmbeddedInstance", "string", null, PRP + "," + MTH + "," + PAR, "ET"},
            {"EmbeddedObject", "boolean", "false", PRP + "," + MTH + "," + PAR, "DT"},
            {"Exception", "boolean", "false", CLS + "," + IND, "DT"},
            {"Experimental", "boolean", "false", ANY, "ER"},
            {"Gauge", "boolean", "false", PRP + "," + MTH + "," + PAR, "ET"},
            {"In", "boolean", "true", PAR, "DT"},
            {"IsPUnit", "boolean", "false", PRP + "," + MTH + "," + PAR, "ET"},
            {"Key", "boolean", "false", PRP + "," + REF, "DT"},
            {"MappingStrings", "string[]", null, ANY, "ET"},
            {"Max", "uint32", null, REF, "ET"},
            {"MaxLen", "uint32", null, PRP + "," + MTH + "," + PAR, "ET"},
            {"MaxValue", "sint64", null, PRP + "," + MTH + "," + PAR, "ET"},
            {"MethodConstraint", "string[]", null, MTH, "ET"},
            {"Min", "uint32", "0", REF, "ET"},
            {"MinLen", "uint32", "0", PRP + "," + MTH + "," + PAR, "ET"},
            {"MinValue", "sint64", null, PRP + "," + MTH + "," + PAR, "ET"},
            {"ModelCorrespondence", "string[]", null, ANY, "ET"},
            {"NullValue", "string", null, PRP, "DT"},
            {"Octetstring", "boolean", "false", PRP + "," + MTH + "," + PAR, "DT"},
            {"Out", "boolean", "false", PAR, "DT"},
            {"Override", "string", null, PRP + "," + REF + "," + MTH, "ER"},
            {"Propagated", "string", null, PRP, "DT"},
            {"PropertyConstraint", "string[]", null, PRP + "," + REF, "ET"},
            {"PUnit", "string", null, PRP + "," + MTH + "," + PAR, "ET"},
            {"Read", "boolean", "true", PRP, "ET"},
            {"Reference", "string", null, PRP, "ET"},
            {"Required", "boolean", "false", PRP + "," + REF + "," + MTH + "," + PAR, "DT"},
            {"Revision", "string", null, CLS + "," + ASC + "," + IND, "ET+"},
            {"Schema", "string", null, PRP + "," + MTH, "DT+"},
            {"Static", "boolean", "false", PRP + "," + MTH, "DT"},
            {"Structure", "boolean", "false", CLS + "," + IND, "DT"},
            {"Terminal", "boolean", "false", CLS + "," + ASC + "," + IND, "ET"},
            {"UMLPackagePath", "string", null, CLS + "," + ASC + "," + IND, "ET"},
            {"Units", "string", null, PRP + "," + MTH + "," + PAR, "ET+"},
            {"ValueMap", "string[]", null, PRP + "," + MTH + "," + PAR, "ET"},
            {"Values", "string[]", null, PRP + "," + MTH + "," + PAR, "ET+"},
            {"Version", "string", null, CLS + "," + ASC + "," + IND, "ER+"},
            {"Weak", "boolean", "false", REF, "DT"},
            {"Write", "boolean", "false", PRP, "ET"},
            {"XMLNamespaceName", "string", null, PRP + "," + MTH + "," + PAR, "ET"},
            // qualifiers_optional.mof
            {"Alias", "string", null, PRP + "," + REF + "," + MTH, "ET+"},
            {"Delete", "boolean", "false", ASC + "," + REF, "ET"},
            {"DisplayDescription", "string", null, ANY, "ET+"},
            {"Expensive", "boolean", "false", ANY, "ET"},
            {"Ifdeleted", "boolean", "false", ASC + "," + REF, "ET"},
            {"Invisible", "boolean", "false", CLS + "," + ASC + "," + PRP + "," + REF + "," + MTH, "ET"},
            {"Large", "boolean", "false", CLS + "," + PRP, "ET"},
            {"PropertyUsage", "string", "CurrentContext", PRP, "ET"},
            {"Provider", "string", null, ANY, "ET"},
            {"SyntaxType", "string", null, PRP + "," + REF + "," + MTH + "," + PAR, "ET"},
            {"Syntax", "string", null, PRP + "," + REF + "," + MTH + "," + PAR, "ET"},
            {"TriggerType", "string", null, CLS + "," + ASC + "," + IND + "," + PRP + "," + REF + "," + MTH, "ET"},
            {"UnknownValues", "string[]", null, PRP, "DT"},
            {"UnsupportedValues", "string[]", null, PRP, "DT"},
    };

    /** Number of qualifiers in {@code qualifiers.mof} (the rest are from {@code qualifiers_optional.mof}). */
    public static final int STANDARD_COUNT = 56;

    private static final List<CimQualifierType> DECLARATIONS = build();

    private StandardQualifiers() {
    }

    /** All 70 declarations (56 standard, then 14 optional), in the order of the fact sheet. */
    public static List<CimQualifierType> declarations() {
        return DECLARATIONS;
    }

    private static List<CimQualifierType> build() {
        List<CimQualifierType> out = new ArrayList<>(TABLE.length);
        for (String[] row : TABLE) {
            out.add(declaration(row[0], row[1], row[2], row[3], row[4]));
        }
        return List.copyOf(out);
    }

    private static CimQualifierType declaration(String name, String typeText, String defaultText, String scopeText, String flavorCode) {
        boolean array = typeText.endsWith("[]");
        CimType.Kind kind = CimType.Kind.fromCimName(array ? typeText.substring(0, typeText.length() - 2) : typeText);
        CimType type = array ? CimType.arrayOf(kind) : CimType.scalar(kind);
        CimValue def = defaultText == null ? CimValue.nullOf(type) : CimValue.parse(type, defaultText);
        Set<CimScope> scopes = EnumSet.noneOf(CimScope.class);
        for (String s : scopeText.split(",")) {
            scopes.add(CimScope.fromName(s));
        }
        CimFlavor flavor = new CimFlavor(flavorCode.charAt(0) == 'E', flavorCode.charAt(1) == 'T', flavorCode.endsWith("+"));
        return new CimQualifierType(CimName.of(name), type, def, scopes, flavor);
    }
}
