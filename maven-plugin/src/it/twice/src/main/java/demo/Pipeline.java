package demo;

import static io.jasyncio.AsyncIO.await;
import static io.jasyncio.AsyncIO.done;
import static io.jasyncio.AsyncIO.sleep;

import io.jasyncio.Async;
import io.jasyncio.Coroutine;
import java.util.ArrayList;
import java.util.List;

public class Pipeline {
    @Async
    public static Coroutine<List<String>> stages(int n) {
        List<String> done = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            await(sleep(0.1));
            done.add("stage " + i);
        }
        return done(done);
    }

    @Async
    public Coroutine<Long> sum(long a, double b) {
        long total = a + await(stages(2)).size();
        await(sleep(b));
        return done(total);
    }
}
