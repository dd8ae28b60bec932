package io.jasyncio.tests;

import static io.jasyncio.AsyncIO.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.jasyncio.Async;
import io.jasyncio.Coroutine;
import io.jasyncio.EventLoop;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Debug mode seen from rewritten code, through the "io.jasyncio" logger (System.Logger, which
 * defaults to java.util.logging): as asyncio, slow steps are logged and a coroutine object that
 * is collected without being awaited is reported with the @Async method's name and where it was
 * created.
 */
class DebugAsyncTest {
    private final List<String> logged = Collections.synchronizedList(new ArrayList<>());
    private final Logger logger = Logger.getLogger("io.jasyncio");
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            logged.add(record.getMessage());
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
    };

    @BeforeEach
    void attach() {
        logger.addHandler(capture);
    }

    @AfterEach
    void detach() {
        logger.removeHandler(capture);
    }

    @Async
    Coroutine<Integer> forgotten() {
        return done(1);
    }

    @Async
    Coroutine<Void> forgets() {
        forgotten(); // never awaited
        await(sleep(0));
        return done();
    }

    @Async
    Coroutine<Void> collectUntilReported() {
        for (int i = 0; i < 200 && logged.stream().noneMatch(m -> m.contains("never awaited")); i++) {
            System.gc();
            await(sleep(0));
        }
        return done();
    }

    @Test
    void neverAwaitedCoroutineIsReportedWithItsOrigin() {
        run(forgets(), true); // the README's debug-mode example
        EventLoop next = EventLoop.withVirtualTime();
        next.setDebug(true);
        run(collectUntilReported(), () -> next);
        assertThat(logged)
                .anyMatch(m -> m.startsWith("coroutine 'forgotten' was never awaited")
                        && m.contains("at " + DebugAsyncTest.class.getName() + ".forgets("));
    }

    @Async
    Coroutine<Void> slowish() {
        getRunningLoop().setSlowCallbackDuration(0);
        await(sleep(1));
        return done();
    }

    @Test
    void slowStepsAreLoggedInDebugMode() {
        run(slowish(), () -> {
            EventLoop loop = EventLoop.withVirtualTime();
            loop.setDebug(true);
            return loop;
        });
        assertThat(logged).anyMatch(m -> m.matches("Executing <Task .*slowish.* took \\d+\\.\\d{3} seconds"));
    }
}
