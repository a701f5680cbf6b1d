package org.iscsismis.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class LoginThrottleTest {

    private final AtomicLong now = new AtomicLong(1_000);
    private final LoginThrottle throttle = new LoginThrottle(3, 60, now::get);

    @Test
    void anAddressIsRefusedAfterItsFailuresUntilTheWindowEnds() {
        for (int i = 0; i < 3; i++) {
            assertEquals(0, throttle.retryAfterSeconds("10.0.0.1"));
            throttle.failed("10.0.0.1");
        }
        assertEquals(60, throttle.retryAfterSeconds("10.0.0.1"));
        assertEquals(0, throttle.retryAfterSeconds("10.0.0.2"), "other addresses are not affected");
        now.addAndGet(59_500_000_000L);
        assertEquals(1, throttle.retryAfterSeconds("10.0.0.1"));
        now.addAndGet(500_000_000L);
        assertEquals(0, throttle.retryAfterSeconds("10.0.0.1"), "a new window");
    }

    @Test
    void zeroFailuresTurnsItOff() {
        LoginThrottle off = LoginThrottle.off();
        for (int i = 0; i < 100; i++) {
            off.failed("a");
        }
        assertEquals(0, off.retryAfterSeconds("a"));
    }

    @Test
    void memoryIsBounded() {
        for (int i = 0; i < LoginThrottle.MAX_ADDRESSES + 10; i++) {
            throttle.failed("addr" + i);
        }
        throttle.failed("addr0"); // the oldest was dropped: this is its first failure again
        throttle.failed("addr0");
        assertEquals(0, throttle.retryAfterSeconds("addr0"));
    }
}
