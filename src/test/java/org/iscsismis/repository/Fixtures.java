package org.iscsismis.repository;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.iscsismis.cim.CimClass;
import org.iscsismis.cim.CimException;
import org.iscsismis.cim.CimMethod;
import org.iscsismis.cim.CimName;
import org.iscsismis.cim.CimNamespace;
import org.iscsismis.cim.CimParameter;
import org.iscsismis.cim.CimProperty;
import org.iscsismis.cim.CimQualifier;
import org.iscsismis.cim.CimStatus;
import org.iscsismis.cim.CimType;
import org.iscsismis.cim.CimValue;
import org.iscsismis.cim.ObjectPath;
import org.junit.jupiter.api.function.Executable;

/**
 * A small class tree used by the repository and dispatcher tests:
 * <pre>
 * [Abstract, Description("base")] T_Base { [Key] string Name; string Desc = "base"; [Write] uint16 Level; uint32 Do([In] string X) }
 *   T_Child : T_Base { uint32 Extra; }
 *     T_GrandChild : T_Child { [Override("Desc")] string Desc = "gc"; }
 * T_Other { [Key] uint16 Id; datetime When; char16 C; boolean Flag; string[] Tags; }
 * [Indication] T_Event { string Msg; }
 * </pre>
 */
public final class Fixtures {

    public static final CimNamespace NS = CimNamespace.of("root/test");

    public static final CimClass BASE = CimClass.builder("T_Base")
            .qualifier("Abstract")
            .qualifier(CimQualifier.of("Description", CimValue.ofString("base")))
            .key("Name", CimType.STRING)
            .property(CimProperty.of("Desc", CimValue.ofString("base")))
            .property("Level", CimType.UINT16, CimQualifier.ofTrue("Write"))
            .method(CimMethod.of("Do", CimType.UINT32, List.of(CimParameter.of("X", CimType.STRING, CimQualifier.ofTrue("In")))))
            .build();

    public static final CimClass CHILD = CimClass.builder("T_Child").superClass("T_Base")
            .property("Extra", CimType.UINT32)
            .build();

    public static final CimClass GRANDCHILD = CimClass.builder("T_GrandChild").superClass("T_Child")
            .property(CimProperty.of("Desc", CimValue.ofString("gc"))
                    .withQualifiers(List.of(CimQualifier.of("Override", CimValue.ofString("Desc")))))
            .build();

    public static final CimClass OTHER = CimClass.builder("T_Other")
            .key("Id", CimType.UINT16)
            .property("When", CimType.DATETIME)
            .property("C", CimType.CHAR16)
            .property("Flag", CimType.BOOLEAN)
            .property("Tags", CimType.arrayOf(CimType.Kind.STRING))
            .build();

    public static final CimClass EVENT = CimClass.builder("T_Event").qualifier("Indication")
            .property("Msg", CimType.STRING)
            .build();

    private Fixtures() {
    }

    /** A repository with {@link #NS} holding the standard qualifiers and the fixture classes. */
    public static CimRepository repository() {
        CimRepository repo = new CimRepository();
        repo.createNamespace(NS, StandardQualifiers.declarations());
        for (CimClass c : List.of(BASE, CHILD, GRANDCHILD, OTHER, EVENT)) {
            repo.createClass(NS, c);
        }
        return repo;
    }

    public static CimName name(String s) {
        return CimName.of(s);
    }

    public static ObjectPath childPath(String name) {
        return ObjectPath.builder("T_Child").key("Name", name).build();
    }

    public static ObjectPath otherPath(int id) {
        return ObjectPath.builder("T_Other").key("Id", CimValue.ofUint16(id)).build();
    }

    /** Asserts that {@code body} fails with {@code status} and that the description mentions every word in {@code mentions}. */
    public static CimException assertCimError(CimStatus status, Executable body, String... mentions) {
        CimException e = assertThrows(CimException.class, body);
        assertEquals(status, e.status(), () -> "status; description: " + e.description());
        for (String m : mentions) {
            if (e.description() == null || !e.description().toLowerCase().contains(m.toLowerCase())) {
                throw new AssertionError("description \"" + e.description() + "\" does not mention " + m);
            }
        }
        return e;
    }
}
