package org.iscsismis.cimxml;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.iscsismis.cim.CimName;
import org.iscsismis.cim.CimNamespace;
import org.iscsismis.cim.CimType;
import org.iscsismis.cim.CimValue;
import org.iscsismis.cim.KeyBinding;
import org.iscsismis.cim.ObjectPath;
import org.junit.jupiter.api.Test;

/** A reference value is written in the most specific of the six DSP0201 path forms its path allows. */
class CimXmlReferenceFormsTest {

    private static final CimNamespace NS = CimNamespace.of("root/x");
    private static final CimName C = CimName.of("C");

    private static String write(CimValue v) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        CimXmlElementWriter w = CimXmlElementWriter.forStream(out);
        w.value(v);
        w.flush();
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void eachPathShapeHasItsElement() throws Exception {
        List<KeyBinding> keys = List.of(KeyBinding.of("K", "v"));
        List<Object> paths = Arrays.asList(
                ObjectPath.of("h", NS, C, keys),
                ObjectPath.of(NS, C, keys),
                ObjectPath.of(null, null, C, keys),
                ObjectPath.of("h", NS, C, List.of()),
                ObjectPath.forClass(NS, C),
                ObjectPath.forClass(null, C),
                null);
        String ns = "<LOCALNAMESPACEPATH><NAMESPACE NAME=\"root\"/><NAMESPACE NAME=\"x\"/></LOCALNAMESPACEPATH>";
        String name = "<INSTANCENAME CLASSNAME=\"C\"><KEYBINDING NAME=\"K\"><KEYVALUE VALUETYPE=\"string\" TYPE=\"string\">v</KEYVALUE></KEYBINDING></INSTANCENAME>";
        assertEquals("<VALUE.REFARRAY>"
                + "<VALUE.REFERENCE><INSTANCEPATH><NAMESPACEPATH><HOST>h</HOST>" + ns + "</NAMESPACEPATH>" + name + "</INSTANCEPATH></VALUE.REFERENCE>"
                + "<VALUE.REFERENCE><LOCALINSTANCEPATH>" + ns + name + "</LOCALINSTANCEPATH></VALUE.REFERENCE>"
                + "<VALUE.REFERENCE>" + name + "</VALUE.REFERENCE>"
                + "<VALUE.REFERENCE><CLASSPATH><NAMESPACEPATH><HOST>h</HOST>" + ns + "</NAMESPACEPATH><CLASSNAME NAME=\"C\"/></CLASSPATH></VALUE.REFERENCE>"
                + "<VALUE.REFERENCE><LOCALCLASSPATH>" + ns + "<CLASSNAME NAME=\"C\"/></LOCALCLASSPATH></VALUE.REFERENCE>"
                + "<VALUE.REFERENCE><CLASSNAME NAME=\"C\"/></VALUE.REFERENCE>"
                + "<VALUE.NULL/></VALUE.REFARRAY>",
                write(CimValue.of(CimType.arrayOf(CimType.Kind.REFERENCE), paths)));
    }

    @Test
    void aReferenceKeyIsAValueReferenceInsideItsKeyBinding() throws Exception {
        ObjectPath inner = ObjectPath.of(NS, CimName.of("In"), List.of(KeyBinding.of("N", CimValue.ofSint64(-3))));
        ObjectPath outer = ObjectPath.of(null, null, C, List.of(KeyBinding.of("R", CimValue.ofReference(inner))));
        assertEquals("<VALUE.REFERENCE><INSTANCENAME CLASSNAME=\"C\"><KEYBINDING NAME=\"R\"><VALUE.REFERENCE><LOCALINSTANCEPATH>"
                + "<LOCALNAMESPACEPATH><NAMESPACE NAME=\"root\"/><NAMESPACE NAME=\"x\"/></LOCALNAMESPACEPATH>"
                + "<INSTANCENAME CLASSNAME=\"In\"><KEYBINDING NAME=\"N\"><KEYVALUE VALUETYPE=\"numeric\" TYPE=\"sint64\">-3</KEYVALUE></KEYBINDING></INSTANCENAME>"
                + "</LOCALINSTANCEPATH></VALUE.REFERENCE></KEYBINDING></INSTANCENAME></VALUE.REFERENCE>",
                write(CimValue.ofReference(outer)));
    }
}
