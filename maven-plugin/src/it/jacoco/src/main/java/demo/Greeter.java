package demo;

import static io.jasyncio.AsyncIO.await;
import static io.jasyncio.AsyncIO.done;
import static io.jasyncio.AsyncIO.sleep;

import io.jasyncio.Async;
import io.jasyncio.Coroutine;

public class Greeter {
    @Async
    public static Coroutine<String> greet(String name, boolean formal) {
        await(sleep(1)); // covered
        String greeting;
        if (formal) {
            greeting = "Good day, " + name; // missed
        } else {
            greeting = "Hi " + name; // covered
        }
        await(sleep(1)); // covered
        return done(greeting); // covered
    }
}
