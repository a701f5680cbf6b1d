package org.iscsismis.iscsi.target.scsi;

import java.nio.charset.StandardCharsets;

/**
 * The identification strings of standard INQUIRY data: T10 VENDOR IDENTIFICATION (8 characters), PRODUCT
 * IDENTIFICATION (16) and PRODUCT REVISION LEVEL (4), printable ASCII, space-padded.
 */
public record InquiryData(String vendor, String product, String revision) {

    public InquiryData {
        vendor = field(vendor, 8);
        product = field(product, 16);
        revision = field(revision, 4);
    }

    private static String field(String value, int width) {
        StringBuilder sb = new StringBuilder(width);
        for (char c : value.toCharArray()) {
            if (sb.length() == width) {
                break;
            }
            sb.append(c >= 0x20 && c < 0x7f ? c : '_');
        }
        while (sb.length() < width) {
            sb.append(' ');
        }
        return sb.toString();
    }

    static void put(byte[] dst, int at, String text) {
        byte[] b = text.getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(b, 0, dst, at, b.length);
    }
}
