package app;

import static io.jasyncio.AsyncIO.await;
import static io.jasyncio.AsyncIO.createTask;
import static io.jasyncio.AsyncIO.done;
import static io.jasyncio.AsyncIO.getRunningLoop;
import static io.jasyncio.AsyncIO.run;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.jasyncio.Async;
import io.jasyncio.Coroutine;
import io.jasyncio.EventLoop;
import io.jasyncio.Task;
import java.util.List;
import lib.Service;
import org.junit.jupiter.api.Test;

class CountingServiceTest {
    /** An @Async helper in the test sources: rewritten by instrument-tests. */
    @Async
    static Coroutine<String> concurrently(CountingService service) {
        double start = getRunningLoop().time();
        Task<List<String>> first = createTask(service.callAll(List.of("a", "xb"), new Service()));
        Task<List<String>> second = createTask(service.callAll(List.of("c"), service));
        String answers = await(first) + " " + await(second);
        return done(answers + " after " + (getRunningLoop().time() - start));
    }

    @Test
    void callsAcrossModules() {
        CountingService service = new CountingService();
        List<String> answers = run(service.callAll(List.of("a", "xb", "c"), new Service()), EventLoop::withVirtualTime);
        assertEquals(List.of("A", "XB", "C"), answers);
        assertEquals(2, service.calls());
    }

    @Test
    void asyncTestCodeIsRewrittenToo() {
        CountingService service = new CountingService();
        assertEquals("[A, XB] [C] after 1.0", run(concurrently(service), EventLoop::withVirtualTime));
    }
}
