package org.iscsismis.http;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/** Parsing of the small header grammars CIM-XML uses. Pure functions. */
final class HeaderValues {

    private HeaderValues() {
    }

    /**
     * Decodes {@code %XX} escapes of UTF-8 bytes, as DSP0200 prescribes for CIMMethod and CIMObject.
     * Unlike {@link java.net.URLDecoder}, {@code '+'} stays {@code '+'}.
     *
     * @return the decoded text, or null if an escape is malformed or the bytes are not UTF-8
     */
    static String percentDecode(String text) {
        if (text.indexOf('%') < 0) {
            return text;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '%') {
                if (i + 2 >= text.length()) {
                    return null;
                }
                int hi = Character.digit(text.charAt(i + 1), 16);
                int lo = Character.digit(text.charAt(i + 2), 16);
                if (hi < 0 || lo < 0) {
                    return null;
                }
                bytes.write(hi << 4 | lo);
                i += 2;
            } else if (c < 0x80) {
                bytes.write(c);
            } else {
                byte[] utf8 = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                bytes.write(utf8, 0, utf8.length);
            }
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes.toByteArray())).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    /**
     * True for {@code application/xml} or {@code text/xml} whose charset is absent or utf-8
     * (quoted or not, any letter case).
     */
    static boolean isXmlUtf8(String contentType) {
        if (contentType == null) {
            return false;
        }
        String[] parts = contentType.split(";");
        String mediaType = parts[0].trim().toLowerCase(Locale.ROOT);
        if (!mediaType.equals("application/xml") && !mediaType.equals("text/xml")) {
            return false;
        }
        for (int i = 1; i < parts.length; i++) {
            String param = parts[i].trim();
            int eq = param.indexOf('=');
            if (eq < 0) {
                if (param.isEmpty()) {
                    continue;
                }
                return false;
            }
            if (param.substring(0, eq).trim().equalsIgnoreCase("charset")) {
                String value = unquote(param.substring(eq + 1).trim());
                if (!value.equalsIgnoreCase("utf-8")) {
                    return false;
                }
            }
        }
        return true;
    }

    /**
     * The major and minor number of a {@code CIMProtocolVersion}/{@code PROTOCOLVERSION} value
     * ({@code "1.0"} → {1, 0}), or null if it is not {@code digits.digits}.
     */
    static int[] version(String text) {
        if (text == null || !text.trim().matches("\\d{1,4}\\.\\d{1,4}")) {
            return null;
        }
        String[] parts = text.trim().split("\\.");
        return new int[] {Integer.parseInt(parts[0]), Integer.parseInt(parts[1])};
    }

    /** True if a comma-separated header (e.g. {@code TE: chunked, trailers;q=1}) lists the token. */
    static boolean listsToken(String header, String token) {
        if (header == null) {
            return false;
        }
        for (String element : header.split(",")) {
            int semi = element.indexOf(';');
            String name = (semi < 0 ? element : element.substring(0, semi)).trim();
            if (name.equalsIgnoreCase(token)) {
                return true;
            }
        }
        return false;
    }

    static String unquote(String value) {
        if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
            return value.substring(1, value.length() - 1);
        }
        return value;
    }
}
