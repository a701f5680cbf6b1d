package org.iscsismis.query;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.iscsismis.cim.CimClass;
import org.iscsismis.cim.CimDateTime;
import org.iscsismis.cim.CimInstance;
import org.iscsismis.cim.CimName;
import org.iscsismis.cim.CimNamespace;
import org.iscsismis.cim.CimProperty;
import org.iscsismis.cim.CimQualifier;
import org.iscsismis.cim.CimType;
import org.iscsismis.cim.CimValue;
import org.iscsismis.cim.ObjectPath;

/**
 * A small class model for the query tests: {@code Test_Item} (key InstanceID, scalars of most types,
 * an array, a reference, an embedded instance of {@code Test_Part}), its subclass
 * {@code Test_SpecialItem}, and {@code Test_Part}.
 */
final class QueryFixtures {

    static final CimNamespace NS = CimNamespace.of("root/test");

    static final CimClass PART = CimClass.builder("Test_Part")
            .key("PartID", CimType.STRING)
            .property("Size", CimType.UINT32)
            .build();

    static final CimClass ITEM = CimClass.builder("Test_Item")
            .key("InstanceID", CimType.STRING)
            .property("Name", CimType.STRING)
            .property("Counter", CimType.UINT32)
            .property("Delta", CimType.SINT32)
            .property("Big", CimType.UINT64)
            .property("Ratio", CimType.REAL64)
            .property("Enabled", CimType.BOOLEAN)
            .property("Created", CimType.DATETIME)
            .property("Status", CimType.UINT16)
            .property("Tags", CimType.arrayOf(CimType.Kind.STRING))
            .property("Codes", CimType.arrayOf(CimType.Kind.UINT16))
            .property("Owner", CimType.reference(CimName.of("Test_Part")))
            .property(new CimProperty(CimName.of("Part"), CimType.INSTANCE, null,
                    List.of(CimQualifier.of("EmbeddedInstance", CimValue.ofString("Test_Part"))), null, false))
            .build();

    static final CimClass SPECIAL = ITEM.withName(CimName.of("Test_SpecialItem")).withSuperClassName(ITEM.name())
            .withProperties(java.util.stream.Stream.concat(ITEM.properties().stream(),
                    java.util.stream.Stream.of(CimProperty.declare("Extra", CimType.STRING))).toList());

    /** The model over the three classes; Test_SpecialItem derives from Test_Item. */
    static final ClassModel MODEL = new ClassModel() {
        private final Map<String, CimClass> classes = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);

        {
            classes.put("Test_Item", ITEM);
            classes.put("Test_SpecialItem", SPECIAL);
            classes.put("Test_Part", PART);
        }

        @Override
        public CimClass findClass(CimName name) {
            return classes.get(name.toString());
        }

        @Override
        public boolean isSubclassOf(CimName subclass, CimName superclass) {
            for (CimClass c = findClass(subclass); c != null; c = c.superClassName() == null ? null : findClass(c.superClassName())) {
                if (c.name().equals(superclass)) {
                    return true;
                }
            }
            return false;
        }
    };

    private QueryFixtures() {
    }

    static CimInstance part(String id, long size) {
        return CimInstance.builder("Test_Part").property("PartID", CimValue.ofString(id)).property("Size", CimValue.ofUint32(size)).build();
    }

    /** Item {@code n}: Counter n, Status 2 + n % 5, Enabled for even n, Tags [a-n%3, b, c], Name NULL when n % 7 == 6. */
    static CimInstance item(int n) {
        return CimInstance.builder("Test_Item")
                .property("InstanceID", CimValue.ofString("Item:" + n))
                .property("Name", n % 7 == 6 ? CimValue.nullOf(CimType.STRING) : CimValue.ofString("item-" + n))
                .property("Counter", CimValue.ofUint32(n))
                .property("Delta", CimValue.ofSint32(n % 2 == 0 ? n : -n))
                .property("Big", CimValue.ofUint64(4_000_000_000L + n))
                .property("Ratio", CimValue.ofReal64(n / 4.0))
                .property("Enabled", CimValue.ofBoolean(n % 2 == 0))
                .property("Created", CimValue.ofDateTime(CimDateTime.parse(String.format("2024011512%02d00.000000+000", n % 60))))
                .property("Status", CimValue.ofUint16(2 + n % 5))
                .property("Tags", CimValue.ofStrings(List.of("a-" + n % 3, "b", "c")))
                .property("Codes", CimValue.of(CimType.arrayOf(CimType.Kind.UINT16), List.of(n % 4, 10, 20)))
                .property("Owner", CimValue.ofReference(ObjectPath.parse("Test_Part.PartID=\"p" + n % 2 + "\"")))
                .property("Part", CimValue.ofEmbeddedInstance(part("p" + n, n * 10L)))
                .build();
    }

    static CompiledQuery wql(String text) {
        return CompiledQuery.compile("WQL", text, NS, MODEL);
    }

    static CompiledQuery cql(String text) {
        return CompiledQuery.compile("DMTF:CQL", text, NS, MODEL);
    }

    static CompiledQuery fql(String text) {
        return CompiledQuery.compileFilter("DMTF:FQL", text, NS, MODEL, CimName.of("Test_Item"));
    }
}
