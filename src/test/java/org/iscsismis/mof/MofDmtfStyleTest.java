package org.iscsismis.mof;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;

import org.iscsismis.cim.CimClass;
import org.iscsismis.cim.CimFlavor;
import org.iscsismis.cim.CimInstance;
import org.iscsismis.cim.CimMethod;
import org.iscsismis.cim.CimName;
import org.iscsismis.cim.CimType;
import org.iscsismis.cim.CimValue;
import org.iscsismis.cim.ObjectPath;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A schema written the way the DMTF writes the CIM Schema compiles without a diagnostic, with the right model. */
class MofDmtfStyleTest {

    private static MofCompilation compilation;

    @BeforeAll
    static void compile() throws URISyntaxException {
        Path file = Path.of(MofDmtfStyleTest.class.getResource("dmtf-style.mof").toURI());
        compilation = MofCompiler.offline().compile(file);
    }

    @Test
    void compilesWithoutAnyDiagnostic() {
        assertEquals(List.of(), compilation.diagnostics().stream().map(MofDiagnostic::format).toList());
        assertFalse(compilation.hasErrors());
        assertEquals(14, compilation.classes("root/cimv2").size());
        assertEquals(6, compilation.instances("root/cimv2").size());
    }

    @Test
    void longDescriptionsAreConcatenatedWithEscapes() {
        CimClass me = compilation.cimClass("root/cimv2", "CIM_ManagedElement");
        String d = me.property("InstanceID").qualifier("Description").value().asString();
        assertTrue(d.startsWith("InstanceID is an optional property that may be used to opaquely"), d);
        assertTrue(d.contains("defined below.\nTo ensure"), d);
        assertTrue(d.contains("\"preferred\" algorithm: \n<OrgID>:<LocalID>"), d);
        assertEquals(new CimFlavor(true, true, true), me.qualifier("Description").flavor(), "Translatable from the declaration");
        assertEquals(CimFlavor.RESTRICTED.withTranslatable(true), me.qualifier("Version").flavor());
    }

    @Test
    void valueMapsArrayTypesAndDeprecated() {
        CimClass mse = compilation.cimClass("root/cimv2", "CIM_ManagedSystemElement");
        List<String> valueMap = mse.property("OperationalStatus").qualifier("ValueMap").value().toTexts();
        assertEquals(21, valueMap.size());
        assertEquals("0x8000..", valueMap.get(20));
        assertEquals(CimValue.ofString("Indexed"), mse.property("OperationalStatus").qualifier("ArrayType").value());
        assertEquals(CimType.arrayOf(CimType.Kind.UINT16), mse.property("OperationalStatus").type());
        assertEquals(CimValue.ofStrings(List.of("CIM_ManagedSystemElement.OperationalStatus")),
                mse.property("Status").qualifier("Deprecated").value());
        assertEquals(CimValue.ofUint16(0), mse.property("HealthState").value());
    }

    @Test
    void methodsWithInOutReferencesArraysAndEmbeddedInstances() {
        CimMethod create = compilation.cimClass("root/cimv2", "CIM_ReplicationService").method("CreateElementReplica");
        assertEquals(CimType.UINT32, create.returnType());
        assertEquals(7, create.parameters().size());
        assertEquals(CimType.reference(CimName.of("CIM_StorageExtent")), create.parameter("SourceElement").type());
        assertTrue(create.parameter("TargetElement").isIn() && create.parameter("TargetElement").isOut());
        assertFalse(create.parameter("Job").isIn());
        assertEquals(CimType.INSTANCE, create.parameter("ReplicationSettingData").type());
        assertEquals(CimType.arrayOf(CimType.Kind.UINT16), create.parameter("Priorities").type());
        assertEquals(CimType.arrayOf(CimType.Kind.INSTANCE),
                compilation.cimClass("root/cimv2", "CIM_ConcreteJob").method("GetErrors").parameter("Errors").type());
        assertEquals(CimType.OBJECT, compilation.cimClass("root/cimv2", "CIM_AlertIndication").property("SourceInstance").type());
    }

    @Test
    void associationsAndInstancesWithAliases() {
        CimClass systemDevice = compilation.cimClass("root/cimv2", "CIM_SystemDevice");
        assertTrue(systemDevice.isAssociation());
        assertEquals(List.of(CimName.of("GroupComponent"), CimName.of("PartComponent")), systemDevice.keyNames());
        List<CimInstance> instances = compilation.instances("root/cimv2");
        ObjectPath system = ObjectPath.builder("CIM_ComputerSystem").namespace("root/cimv2")
                .key("CreationClassName", "CIM_ComputerSystem").key("Name", "target.example.com").build();
        assertEquals(system, instances.get(0).path());
        ObjectPath source = ObjectPath.builder("CIM_StorageExtent").namespace("root/cimv2")
                .key("SystemCreationClassName", "CIM_ComputerSystem").key("SystemName", "target.example.com")
                .key("CreationClassName", "CIM_StorageExtent").key("DeviceID", "disk-1").build();
        assertEquals(source, instances.get(1).path());
        assertEquals(CimValue.ofUint64(0x100000), instances.get(1).value("NumberOfBlocks"));
        CimInstance member = instances.get(3);
        assertEquals(system, member.value("GroupComponent").asReference());
        assertEquals(source, member.value("PartComponent").asReference());
        CimInstance sync = instances.get(5);
        assertEquals(CimValue.ofUint16(4), sync.value("CopyState"));
        assertEquals(CimType.DATETIME, sync.value("WhenSynced").type());
    }
}
