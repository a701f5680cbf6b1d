package org.iscsismis.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class TerminalProgressTest {

    private final StringWriter text = new StringWriter();
    private final AtomicLong nanos = new AtomicLong();

    private TerminalProgress progress(boolean terminal) {
        return new TerminalProgress(new PrintWriter(text), terminal, "mof load:", nanos::get);
    }

    @Test
    void notATerminalGetsOnlyTheLines() {
        TerminalProgress p = progress(false);
        p.total(2);
        p.println("root/cimv2: class A: created");
        p.step("class A");
        p.step("class B");
        p.finish();
        assertEquals("root/cimv2: class A: created" + System.lineSeparator(), text.toString());
    }

    @Test
    void aTerminalSeesTheStatusLineRedrawnInPlaceAndRemovedAtTheEnd() {
        TerminalProgress p = progress(true);
        p.total(4);
        p.step("class A");
        assertTrue(text.toString().endsWith("\r\u001b[Kmof load: 1/4 (25 %): class A"), text.toString());
        p.println("root/cimv2: class B: created");
        String afterLine = text.toString();
        assertTrue(afterLine.contains("\r\u001b[Kroot/cimv2: class B: created" + System.lineSeparator()
                + "\r\u001b[Kmof load: 1/4 (25 %): class A"), afterLine);
        p.finish();
        assertTrue(text.toString().endsWith("\r\u001b[K"), "the status line is cleared");
    }

    @Test
    void redrawsAtMostEveryTenthOfASecondButAlwaysTheLastStep() {
        TerminalProgress p = progress(true);
        p.total(3);
        p.step("class A");
        p.step("class B");
        assertFalse(text.toString().contains("2/3"), "no redraw within the interval");
        nanos.addAndGet(TerminalProgress.REDRAW_NANOS);
        p.step("class C");
        assertTrue(text.toString().endsWith("mof load: 3/3 (100 %): class C"), text.toString());
    }

    @Test
    void withoutATotalTheCountAlone() {
        TerminalProgress p = progress(true);
        p.step("");
        assertEquals("mof load: 1", p.statusLine());
    }
}
