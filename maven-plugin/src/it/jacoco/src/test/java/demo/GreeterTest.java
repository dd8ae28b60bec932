package demo;

import static io.jasyncio.AsyncIO.run;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.jasyncio.EventLoop;
import org.junit.jupiter.api.Test;

class GreeterTest {
    @Test
    void greets() {
        assertEquals("Hi Ada", run(Greeter.greet("Ada", false), EventLoop::withVirtualTime));
    }
}
