package io.jasyncio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.File;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.Pipe;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The loop's wait on I/O (asyncio's selector event loop: add_reader/remove_reader, the selector
 * woken by call_soon_threadsafe). A pipe stands for a socket: both are selectable channels.
 */
class IoPollerTest {
    private static final Duration BOUND = Duration.ofSeconds(10);

    private static Pipe pipe() throws IOException {
        Pipe p = Pipe.open();
        p.source().configureBlocking(false);
        return p;
    }

    private static void writeByte(Pipe p) {
        try {
            p.sink().write(ByteBuffer.wrap(new byte[] {1}));
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static int openFiles() {
        String[] fds = new File("/proc/self/fd").list();
        return fds == null ? -1 : fds.length;
    }

    @Test
    void aReaderIsCalledWhenItsChannelIsReadableUntilRemoved() throws IOException {
        EventLoop loop = new EventLoop();
        Pipe p = pipe();
        List<String> got = new ArrayList<>();
        loop.addReader(p.source(), () -> {
            ByteBuffer b = ByteBuffer.allocate(10);
            try {
                got.add("read " + p.source().read(b));
            } catch (IOException e) {
                throw new AssertionError(e);
            }
            if (got.size() == 1) {
                writeByte(p); // readable again: called again
            } else if (got.size() == 2) {
                assertThat(loop.removeReader(p.source())).isTrue();
                writeByte(p); // readable, but no longer watched
                loop.callLater(0.05, loop::stop);
            }
        });
        writeByte(p);
        assertTimeoutPreemptively(BOUND, loop::runForever);
        assertThat(got).containsExactly("read 1", "read 1");
        assertThat(loop.removeReader(p.source())).isFalse();
        loop.close();
        p.source().close();
        p.sink().close();
    }

    @Test
    void callSoonThreadsafeWakesALoopBlockedInItsSelector() throws IOException {
        EventLoop loop = new EventLoop();
        Pipe p = pipe();
        loop.addReader(p.source(), () -> {});
        new Thread(() -> {
                    sleepQuietly(50);
                    loop.callSoonThreadsafe(loop::stop);
                })
                .start();
        // no timer: without the wake-up the loop would wait for the pipe forever
        assertTimeoutPreemptively(BOUND, loop::runForever);
        loop.close();
        p.source().close();
        p.sink().close();
    }

    @Test
    void virtualTimeRunsNoFasterThanRealTimeWhileAChannelIsWatched() throws IOException {
        EventLoop loop = EventLoop.withVirtualTime();
        Pipe p = pipe();
        double[] at = {-1};
        loop.addReader(p.source(), () -> {
            at[0] = loop.time();
            loop.removeReader(p.source());
            loop.stop();
        });
        loop.callLater(3600, () -> at[0] = 3600);
        new Thread(() -> {
                    sleepQuietly(50);
                    writeByte(p);
                })
                .start();
        assertTimeoutPreemptively(BOUND, loop::runForever);
        // the timer an hour away did not fire first: virtual time followed the real wait
        assertThat(at[0]).isBetween(0.0, 60.0);
        loop.close();
        p.source().close();
        p.sink().close();
    }

    @Test
    void aLoopWithoutChannelsStillJumpsToItsTimers() {
        EventLoop loop = EventLoop.withVirtualTime();
        loop.callLater(3600, loop::stop);
        assertTimeoutPreemptively(BOUND, loop::runForever);
        assertThat(loop.time()).isEqualTo(3600.0);
        loop.close();
    }

    @Test
    void closingTheLoopClosesItsSelector() throws IOException {
        // the JDK opens some descriptors for good on the first use of a selector and a pipe
        // (JDK 25 does): one of each first, so that only the loop's own are counted
        java.nio.channels.Selector.open().close();
        Pipe warm = Pipe.open();
        warm.source().close();
        warm.sink().close();
        int before = openFiles();
        EventLoop loop = new EventLoop();
        Pipe p = pipe();
        loop.addReader(p.source(), () -> {});
        loop.removeReader(p.source());
        p.source().close();
        p.sink().close();
        loop.close();
        if (before >= 0) {
            assertThat(openFiles()).isLessThanOrEqualTo(before);
        }
        assertThatThrownBy(() -> loop.addReader(p.source(), () -> {})).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void badChannelsAreRefused() throws IOException {
        EventLoop loop = new EventLoop();
        Pipe p = Pipe.open();
        assertThatThrownBy(() -> loop.addReader(p.source(), () -> {}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("blocking");
        p.source().configureBlocking(false);
        p.source().close();
        assertThatThrownBy(() -> loop.addReader(p.source(), () -> {}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("closed");
        assertThatThrownBy(() -> loop.sockRecv(null, 1)).isInstanceOf(NullPointerException.class);
        p.sink().close();
        loop.close();
    }

    private static void sleepQuietly(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
