package org.iscsismis.e2e;

import java.nio.charset.StandardCharsets;

/**
 * Request bodies of a given size in the shapes that cost the server the most heap per byte once decoded
 * (measured: an array of one-character strings, many one-value properties, many key bindings, long texts).
 * All are CreateInstance of a class that does not exist, so the server decodes them whole and answers
 * INVALID_CLASS.
 */
final class LargeRequests {

    static final int SHAPES = 4;

    private LargeRequests() {
    }

    static byte[] shape(int shape, int size) {
        String head = "<?xml version=\"1.0\" encoding=\"utf-8\" ?><CIM CIMVERSION=\"2.0\" DTDVERSION=\"2.0\"><MESSAGE ID=\"1\""
                + " PROTOCOLVERSION=\"1.0\"><SIMPLEREQ><IMETHODCALL NAME=\"CreateInstance\"><LOCALNAMESPACEPATH>"
                + "<NAMESPACE NAME=\"root\"/><NAMESPACE NAME=\"cimv2\"/></LOCALNAMESPACEPATH><IPARAMVALUE NAME=\"NewInstance\">"
                + "<INSTANCE CLASSNAME=\"E2E_Nowhere\">";
        String tail = "</INSTANCE></IPARAMVALUE></IMETHODCALL></SIMPLEREQ></MESSAGE></CIM>";
        StringBuilder sb = new StringBuilder(size).append(head);
        int room = size - tail.length() - 200;
        switch (shape) {
            case 0 -> {
                sb.append("<PROPERTY.ARRAY NAME=\"A\" TYPE=\"string\"><VALUE.ARRAY>");
                while (sb.length() < room) {
                    sb.append("<VALUE>a</VALUE>");
                }
                sb.append("</VALUE.ARRAY></PROPERTY.ARRAY>");
            }
            case 1 -> {
                for (int i = 0; sb.length() < room; i++) {
                    sb.append("<PROPERTY NAME=\"P").append(i).append("\" TYPE=\"string\"><VALUE>x</VALUE></PROPERTY>");
                }
            }
            case 2 -> {
                sb.append("<PROPERTY.REFERENCE NAME=\"R\"><VALUE.REFERENCE><INSTANCENAME CLASSNAME=\"E2E_Nowhere\">");
                for (int i = 0; sb.length() < room; i++) {
                    sb.append("<KEYBINDING NAME=\"K").append(i).append("\"><KEYVALUE VALUETYPE=\"string\">v</KEYVALUE></KEYBINDING>");
                }
                sb.append("</INSTANCENAME></VALUE.REFERENCE></PROPERTY.REFERENCE>");
            }
            default -> {
                for (int i = 0; sb.length() < room - (1 << 20); i++) {
                    sb.append("<PROPERTY NAME=\"T").append(i).append("\" TYPE=\"string\"><VALUE>")
                            .append("x".repeat((1 << 20) - 16)).append("</VALUE></PROPERTY>");
                }
            }
        }
        return sb.append(tail).toString().getBytes(StandardCharsets.UTF_8);
    }
}
