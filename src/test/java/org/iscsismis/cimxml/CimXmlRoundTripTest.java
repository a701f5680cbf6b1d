package org.iscsismis.cimxml;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.iscsismis.cim.CimClass;
import org.iscsismis.cim.CimDateTime;
import org.iscsismis.cim.CimFlavor;
import org.iscsismis.cim.CimInstance;
import org.iscsismis.cim.CimName;
import org.iscsismis.cim.CimProperty;
import org.iscsismis.cim.CimQualifier;
import org.iscsismis.cim.CimQualifierType;
import org.iscsismis.cim.CimScope;
import org.iscsismis.cim.CimType;
import org.iscsismis.cim.CimValue;
import org.iscsismis.cim.ObjectPath;
import org.iscsismis.operation.CreateClassRequest;
import org.iscsismis.operation.CreateInstanceRequest;
import org.iscsismis.operation.ModifyInstanceRequest;
import org.iscsismis.operation.SetQualifierRequest;
import org.junit.jupiter.api.Test;

/** What the element writer writes, the request reader reads back as an equal model object. */
class CimXmlRoundTripTest {

    interface Body {
        void write(CimXmlElementWriter w) throws Exception;
    }

    static ParsedRequest roundTrip(String op, String param, Body body) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        var x = CimXmlElementWriter.newWriter(out);
        x.writeRaw("<?xml version=\"1.0\" encoding=\"utf-8\" ?><CIM CIMVERSION=\"2.0\" DTDVERSION=\"2.0\"><MESSAGE ID=\"1\" PROTOCOLVERSION=\"1.0\">"
                + "<SIMPLEREQ><IMETHODCALL NAME=\"" + op + "\"><LOCALNAMESPACEPATH><NAMESPACE NAME=\"root\"/></LOCALNAMESPACEPATH>"
                + "<IPARAMVALUE NAME=\"" + param + "\">");
        body.write(new CimXmlElementWriter(x));
        x.writeRaw("</IPARAMVALUE></IMETHODCALL></SIMPLEREQ></MESSAGE></CIM>");
        x.flush();
        return new CimXmlRequestReader().read(new ByteArrayInputStream(out.toByteArray()), ReaderLimits.DEFAULT);
    }

    static final CimInstance EMBEDDED = CimInstance.builder("CIM_SettingData").property("ElementName", "<&>").build();

    static final CimInstance INSTANCE = CimInstance.builder("CIM_Everything")
            .property("s", "x\ty")
            .property("b", CimValue.ofBoolean(false))
            .property("c", CimValue.ofChar16('\u00e9'))
            .property("u8", CimValue.ofUint8(1)).property("s8", CimValue.ofSint8(-1))
            .property("u16", CimValue.ofUint16(65535)).property("s16", CimValue.ofSint16(-2))
            .property("u32", CimValue.ofUint32(4294967295L)).property("s32", CimValue.ofSint32(Integer.MIN_VALUE))
            .property("u64", CimValue.ofUint64(new java.math.BigInteger("18446744073709551615"))).property("s64", CimValue.ofSint64(-7))
            .property("r32", CimValue.ofReal32(3.4028235e38f)).property("r64", CimValue.ofReal64(Math.PI))
            .property("nan", CimValue.ofReal64(Double.NaN)).property("inf", CimValue.ofReal32(Float.POSITIVE_INFINITY))
            .property("dt", CimValue.ofDateTime(CimDateTime.parse("2026112511****.******+000")))
            .property("iv", CimValue.ofDateTime(CimDateTime.parse("00000001020304.000005:000")))
            .property("arr", CimValue.of(CimType.arrayOf(CimType.Kind.REAL64), Arrays.asList(0.1, null, -0.0)))
            .property("ref", CimValue.ofReference(ObjectPath.builder("CIM_Foo").namespace("root/x").key("A", CimValue.ofUint8(1))
                    .key("R", CimValue.ofReference(ObjectPath.builder("CIM_Bar").key("k", "v").build())).build()))
            .property("emb", CimValue.ofEmbeddedInstance(EMBEDDED))
            .property("embArr", CimValue.of(CimType.arrayOf(CimType.Kind.INSTANCE), Arrays.asList(EMBEDDED, null)))
            .property("nul", CimValue.nullOf(CimType.DATETIME))
            .property(new CimProperty(CimName.of("orig"), CimType.STRING, CimValue.ofString("o"), List.of(CimQualifier.ofTrue("Key")), CimName.of("Base"), true))
            .qualifier(CimQualifier.of("Description", CimValue.ofString("d")))
            .build();

    @Test
    void instanceRoundTrips() throws Exception {
        ParsedRequest r = roundTrip("CreateInstance", "NewInstance", w -> w.instance(INSTANCE));
        assertEquals(INSTANCE, ((CreateInstanceRequest) r.request()).newInstance());
    }

    @Test
    void namedInstanceRoundTrips() throws Exception {
        CimInstance named = INSTANCE.withPath(ObjectPath.builder("CIM_Everything").key("orig", "o").key("n", CimValue.ofSint64(-1)).build());
        ParsedRequest r = roundTrip("ModifyInstance", "ModifiedInstance", w -> w.namedInstance(named));
        CimInstance back = ((ModifyInstanceRequest) r.request()).modifiedInstance();
        assertEquals(named, back);
    }

    @Test
    void classRoundTrips() throws Exception {
        CimClass c = CimXmlResponseWriterTest.CLS.toBuilder()
                .property(CimProperty.declare("Emb", CimType.INSTANCE, CimQualifier.of("EmbeddedInstance", CimValue.ofString("CIM_SettingData"))))
                .build();
        ParsedRequest r = roundTrip("CreateClass", "NewClass", w -> w.cimClass(c));
        assertEquals(c, ((CreateClassRequest) r.request()).newClass());
    }

    @Test
    void qualifierDeclarationsRoundTrip() throws Exception {
        for (CimQualifierType d : List.of(
                CimQualifierType.of("Key", CimType.BOOLEAN, CimValue.ofBoolean(false), Set.of(CimScope.PROPERTY, CimScope.REFERENCE), CimFlavor.DISABLE_OVERRIDE),
                CimQualifierType.of("Description", CimType.STRING, null, Set.of(CimScope.ANY), new CimFlavor(true, true, true)),
                CimQualifierType.of("ValueMap", CimType.arrayOf(CimType.Kind.STRING), CimValue.ofStrings(List.of("a")), Set.of(), CimFlavor.RESTRICTED))) {
            ParsedRequest r = roundTrip("SetQualifier", "QualifierDeclaration", w -> w.qualifierDeclaration(d));
            assertEquals(d, ((SetQualifierRequest) r.request()).qualifierDeclaration());
        }
    }
}
