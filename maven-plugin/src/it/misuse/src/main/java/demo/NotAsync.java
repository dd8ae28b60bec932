package demo;

import static io.jasyncio.AsyncIO.await;
import static io.jasyncio.AsyncIO.sleep;

public class NotAsync {
    public static void forgotTheAnnotation() {
        await(sleep(1)); // line 8: await in a method without @Async
    }
}
