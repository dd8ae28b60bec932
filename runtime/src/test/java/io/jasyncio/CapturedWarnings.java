package io.jasyncio;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The debug-mode warnings a test produced (slow steps, never-awaited coroutines), captured
 * instead of logged: {@code @RegisterExtension final CapturedWarnings warnings = new
 * CapturedWarnings();} swaps the runtime's sink for each test and restores it after.
 */
final class CapturedWarnings implements BeforeEachCallback, AfterEachCallback {
    private final List<String> messages = Collections.synchronizedList(new ArrayList<>());
    private Consumer<String> saved;

    @Override
    public void beforeEach(ExtensionContext context) {
        messages.clear();
        saved = DebugWarnings.sink;
        DebugWarnings.sink = messages::add;
    }

    @Override
    public void afterEach(ExtensionContext context) {
        DebugWarnings.sink = saved;
    }

    /** The warnings so far, oldest first (a live view: assert on it after the run). */
    List<String> messages() {
        return messages;
    }

    /**
     * Forces collections until a warning matches {@code expected} (the never-awaited reports come
     * from the garbage collector), at most 100 times; then the caller asserts on {@link #messages()}.
     */
    void collectUntil(Predicate<String> expected) {
        for (int i = 0; i < 100 && messages.stream().noneMatch(expected); i++) {
            collect(1);
            Thread.onSpinWait();
        }
    }

    /** Forces {@code times} collections and reports what they found never awaited. */
    void collect(int times) {
        for (int i = 0; i < times; i++) {
            System.gc();
            NeverAwaited.poll();
        }
    }
}
