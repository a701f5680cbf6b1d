package org.iscsismis.http;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import org.junit.jupiter.api.Test;

class LimitedInputStreamTest {

    @Test
    void exactlyTheLimitIsFine() throws Exception {
        LimitedInputStream in = new LimitedInputStream(new ByteArrayInputStream(new byte[100]), 100);
        assertArrayEquals(new byte[100], in.readAllBytes());
        assertFalse(in.exceeded());
    }

    @Test
    void oneByteMoreFailsAndStaysFailed() {
        LimitedInputStream in = new LimitedInputStream(new ByteArrayInputStream(new byte[101]), 100);
        assertThrows(LimitedInputStream.BodyTooLargeException.class, in::readAllBytes);
        assertTrue(in.exceeded());
        assertThrows(LimitedInputStream.BodyTooLargeException.class, () -> in.read(new byte[1], 0, 1));
    }

    @Test
    void singleByteReadsAreCounted() throws Exception {
        LimitedInputStream in = new LimitedInputStream(new ByteArrayInputStream(new byte[3]), 2);
        in.read();
        in.read();
        assertThrows(LimitedInputStream.BodyTooLargeException.class, in::read);
    }
}
