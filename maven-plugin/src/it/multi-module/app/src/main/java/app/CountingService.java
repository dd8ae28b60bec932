package app;

import static io.jasyncio.AsyncIO.await;
import static io.jasyncio.AsyncIO.done;

import io.jasyncio.Async;
import io.jasyncio.Coroutine;
import java.util.ArrayList;
import java.util.List;
import lib.Service;

/** Extends lib's class: the two branches below merge a lib.Service and an app.CountingService. */
public class CountingService extends Service {
    @Async
    public Coroutine<List<String>> callAll(List<String> requests, Service other) {
        List<String> answers = new ArrayList<>();
        for (String r : requests) {
            Service target = r.startsWith("x") ? other : this;
            answers.add(await(target.call(r)));
        }
        return done(answers);
    }

    public int calls() {
        return calls;
    }
}
