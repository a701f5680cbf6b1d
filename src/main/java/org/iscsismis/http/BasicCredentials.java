package org.iscsismis.http;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;

/**
 * The user and password of an {@code Authorization: Basic} header (RFC 7617), decoded as UTF-8.
 *
 * @param user     the user name (before the first colon)
 * @param password the password (after it; may contain colons)
 */
record BasicCredentials(String user, char[] password) {

    /** The credentials of the header, or null when it is absent, not Basic, or not Base64 of {@code user:password}. */
    static BasicCredentials parse(String authorizationHeader) {
        if (authorizationHeader == null) {
            return null;
        }
        String header = authorizationHeader.trim();
        int space = header.indexOf(' ');
        if (space < 0 || !header.substring(0, space).equalsIgnoreCase("Basic")) {
            return null;
        }
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(header.substring(space + 1).trim());
        } catch (IllegalArgumentException e) {
            return null;
        }
        CharBuffer chars;
        try {
            chars = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes));
        } catch (CharacterCodingException e) {
            return null;
        } finally {
            Arrays.fill(bytes, (byte) 0);
        }
        char[] all = new char[chars.remaining()];
        chars.get(all);
        for (int i = 0; i < all.length; i++) {
            if (all[i] == ':') {
                String user = new String(all, 0, i);
                char[] password = Arrays.copyOfRange(all, i + 1, all.length);
                Arrays.fill(all, '\0');
                return new BasicCredentials(user, password);
            }
        }
        Arrays.fill(all, '\0');
        return null;
    }

    /** The user name for a log line: control characters replaced, at most 64 characters. */
    String userForLog() {
        String u = user.replaceAll("\\p{Cntrl}", "?");
        return u.length() > 64 ? u.substring(0, 64) + "..." : u;
    }

    @Override
    public String toString() {
        return "BasicCredentials[" + userForLog() + ":***]";
    }
}
