package example;

import static io.jasyncio.AsyncIO.await;
import static io.jasyncio.AsyncIO.done;
import static io.jasyncio.AsyncIO.sleep;

import io.jasyncio.Async;
import io.jasyncio.Coroutine;

/** A class the rewriter must refuse: an await while holding a monitor. */
public class Misuse {
    private final Object lock = new Object();

    @Async
    public Coroutine<Void> locked() {
        synchronized (lock) {
            await(sleep(1));
        }
        return done();
    }
}
