package demo;

import static io.jasyncio.AsyncIO.await;
import static io.jasyncio.AsyncIO.done;
import static io.jasyncio.AsyncIO.sleep;

import io.jasyncio.Async;
import io.jasyncio.Coroutine;

public class Fine {
    @Async
    public static Coroutine<Void> nap() {
        await(sleep(1));
        return done();
    }
}
