package demo;

import static io.jasyncio.AsyncIO.await;
import static io.jasyncio.AsyncIO.done;
import static io.jasyncio.AsyncIO.sleep;

import io.jasyncio.Async;
import io.jasyncio.Coroutine;

public class Locked {
    private final Object lock = new Object();

    @Async
    public Coroutine<Void> locked() {
        synchronized (lock) {
            await(sleep(1)); // line 16: await while holding a monitor
        }
        return done();
    }
}
