package io.jasyncio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A virtual loop's wall clock: pinned start, follows virtual time; the system properties that pick it. */
class VirtualWallClockTest {
    private static final Instant START = Instant.parse("2026-01-01T09:00:00Z");

    @AfterEach
    void clearProperties() {
        System.clearProperty("jasyncio.clock");
        System.clearProperty("jasyncio.clock.start");
    }

    @Test
    void theWallClockStartsAtTheGivenInstantAndFollowsVirtualTime() {
        EventLoop loop = EventLoop.withVirtualTime(START);
        assertThat(loop.wallClock().instant()).isEqualTo(START);
        loop.runUntilComplete(AsyncIO.sleep(2.5));
        assertThat(loop.wallClock().instant()).isEqualTo(START.plusMillis(2500));
        assertThat(loop.wallClock().withZone(ZoneOffset.UTC).instant()).isEqualTo(START.plusMillis(2500));
        loop.close();
    }

    @Test
    void theStartPropertyPinsTheDefaultVirtualLoop() {
        System.setProperty("jasyncio.clock", "virtual");
        System.setProperty("jasyncio.clock.start", "2026-01-01T09:00:00Z");
        EventLoop loop = AsyncIO.newEventLoop();
        assertThat(loop.isVirtualTime()).isTrue();
        assertThat(loop.wallClock().instant()).isEqualTo(START);
        loop.close();
    }

    @Test
    void theStartPropertyAloneDoesNotMakeALoopVirtual() {
        System.setProperty("jasyncio.clock.start", "2026-01-01T09:00:00Z");
        EventLoop loop = AsyncIO.newEventLoop();
        assertThat(loop.isVirtualTime()).isFalse();
        loop.close();
    }

    @Test
    void aMalformedStartIsRefusedByName() {
        System.setProperty("jasyncio.clock", "virtual");
        System.setProperty("jasyncio.clock.start", "09:00");
        assertThatThrownBy(AsyncIO::newEventLoop)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("jasyncio.clock.start")
                .hasMessageContaining("'09:00'");
    }

    @Test
    void aNullStartIsRefused() {
        assertThatThrownBy(() -> EventLoop.withVirtualTime(null)).isInstanceOf(NullPointerException.class);
    }
}
