package lib;

import static io.jasyncio.AsyncIO.await;
import static io.jasyncio.AsyncIO.done;
import static io.jasyncio.AsyncIO.sleep;

import io.jasyncio.Async;
import io.jasyncio.Coroutine;

public class Service {
    protected int calls;

    @Async
    public Coroutine<String> call(String request) {
        await(sleep(0.5));
        calls++;
        return done(request.toUpperCase());
    }
}
