package org.iscsismis.dispatch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.iscsismis.cim.CimClass;
import org.iscsismis.cim.CimInstance;
import org.iscsismis.cim.CimName;
import org.iscsismis.cim.CimNamespace;
import org.iscsismis.cim.CimProperty;
import org.iscsismis.cim.CimQualifier;
import org.iscsismis.cim.CimType;
import org.iscsismis.cim.CimValue;
import org.iscsismis.repository.CimRepository;
import org.iscsismis.repository.StandardQualifiers;
import org.junit.jupiter.api.Test;

/** The filter copies a property only when the answer needs another form of it. */
class InstanceFilterTest {

    private static final CimNamespace NS = CimNamespace.of("root/test");
    private final CimRepository repository = new CimRepository();
    private final CimClass base;
    private final CimClass item;
    private final CimInstance stored;

    InstanceFilterTest() {
        repository.createNamespace(NS, StandardQualifiers.declarations());
        base = repository.createClass(NS, CimClass.builder("T_Base").key("Id", CimType.STRING).build());
        item = repository.createClass(NS, CimClass.builder("T_Item").superClass("T_Base")
                .property("Count", CimType.UINT32).build());
        stored = repository.createInstance(NS, CimInstance.builder("T_Item").property("Id", "a")
                .property("Count", CimValue.ofUint32(7)).build());
    }

    @Test
    void theCommonFilterKeepsTheStoredPropertiesAsTheyAre() {
        CimInstance out = new InstanceFilter(item, true, false, false, null).applyWithLocalPath(stored, item);
        assertSame(stored.properties(), out.properties(), "no property copied");
        assertNull(out.path().namespace());
        assertSame(out.path(), new InstanceFilter(item, true, false, false, null).applyWithLocalPath(stored, item).path(),
                "the local path is made once per stored instance");
    }

    @Test
    void onlyTheFilterThatChangesNothingTakesAStoredInstanceAsItIs() {
        InstanceFilter common = new InstanceFilter(item, true, false, false, null);
        assertTrue(common.keepsStoredAsIs());
        CimInstance asIs = InstanceFilter.storedWithLocalPath(stored);
        CimInstance filtered = common.applyWithLocalPath(stored, item);
        assertSame(filtered.properties(), asIs.properties());
        assertEquals(filtered, asIs);
        assertSame(filtered.path(), asIs.path(), "the same local path");
        assertTrue(new InstanceFilter(null, false, false, false, null).keepsStoredAsIs(), "no class to cut by");
        assertFalse(new InstanceFilter(base, false, false, false, null).keepsStoredAsIs(), "DeepInheritance=false cuts");
        assertFalse(new InstanceFilter(item, true, true, false, null).keepsStoredAsIs(), "qualifiers added");
        assertFalse(new InstanceFilter(item, true, false, true, null).keepsStoredAsIs(), "class origin added");
        assertFalse(new InstanceFilter(item, true, false, false, List.of(CimName.of("Id"))).keepsStoredAsIs(), "a PropertyList");
    }

    @Test
    void theClassOriginAndQualifiersComeFromTheClassWhenAskedFor() {
        CimInstance out = new InstanceFilter(item, true, true, true, null).apply(stored, item);
        assertEquals(CimName.of("T_Base"), out.property("Id").classOrigin());
        assertEquals(CimName.of("T_Item"), out.property("Count").classOrigin());
        assertTrue(out.property("Id").isKey(), "the Key qualifier of the declaration");
        assertNull(out.path());
    }

    @Test
    void aProviderInstanceLosesWhatTheRequestDidNotAskFor() {
        CimInstance fromProvider = CimInstance.builder("T_Item")
                .property(new CimProperty(CimName.of("Id"), CimType.STRING, CimValue.ofString("b"),
                        List.of(CimQualifier.of("Key", CimValue.ofBoolean(true))), CimName.of("T_Base"), true))
                .property("Count", CimValue.ofUint32(1)).build();
        CimInstance out = new InstanceFilter(item, true, false, false, null).apply(fromProvider, item);
        assertEquals(List.of(), out.property("Id").qualifiers());
        assertNull(out.property("Id").classOrigin());
        assertTrue(out.property("Id").propagated());
        assertSame(fromProvider.property("Count"), out.property("Count"), "already in its answer's form");
    }

    @Test
    void deepInheritanceFalseAndAPropertyListCut() {
        CimInstance shallow = new InstanceFilter(base, false, false, false, null).apply(stored, item);
        assertEquals(List.of(CimName.of("Id")), shallow.properties().stream().map(CimProperty::name).toList());
        CimInstance listed = new InstanceFilter(item, true, false, false, List.of(CimName.of("count"))).apply(stored, item);
        assertEquals(List.of(CimName.of("Count")), listed.properties().stream().map(CimProperty::name).toList());
    }
}
