package io.jasyncio.junit;

import static io.jasyncio.AsyncIO.await;
import static io.jasyncio.AsyncIO.done;
import static io.jasyncio.AsyncIO.sleep;
import static io.jasyncio.AsyncIO.waitFor;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.jasyncio.Async;
import io.jasyncio.Coroutine;

/** The README's "Testing async code" example, as written there. */
class ReadmeExampleTest {
    @Async
    Coroutine<String> fetchSlowly() {
        await(sleep(3600)); // an hour of virtual time, no wall time
        return done("data");
    }

    @AsyncTest(virtualTimeout = 7200)
    void waitsAnHour(TestLoop loop) {
        assertEquals("data", loop.run(waitFor(fetchSlowly(), 4000)));
        assertEquals(3600.0, loop.time(), 1e-9);
    }
}
