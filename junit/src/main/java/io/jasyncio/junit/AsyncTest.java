package io.jasyncio.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A test that runs its async code on a fresh {@link io.jasyncio.EventLoop#withVirtualTime()
 * virtual-time} loop, handed to it as a {@link TestLoop} (or {@link io.jasyncio.EventLoop})
 * parameter: {@code loop.run(coro)} runs a coroutine to completion, so {@code sleep(3600)}
 * takes no wall time. After the test and its {@code @AfterEach} methods the test fails when
 * tasks are still pending, when a task exception was never retrieved, or when a coroutine was
 * never awaited; each check can be turned off here.
 *
 * <p>JUnit runs only {@code void} test and lifecycle methods, so the async body is an
 * {@code @Async} method the test passes to {@link TestLoop#run}. The same loop serves the
 * {@code @BeforeEach} and {@code @AfterEach} methods of the test.
 *
 * <p>A class that uses plain {@code @Test} methods with {@code @ExtendWith(AsyncExtension.class)}
 * gets the defaults of every attribute.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@Test
@ExtendWith(AsyncExtension.class)
public @interface AsyncTest {
    /** Fail when tasks are still pending once the test and its {@code @AfterEach} methods ended. */
    boolean failOnPendingTasks() default true;

    /** Fail when a task or future failed and nobody retrieved its exception. */
    boolean failOnNeverRetrieved() default true;

    /**
     * Fail when a coroutine was garbage-collected without being awaited. Runs the loop in
     * debug mode, which tracks the coroutines created while the loop runs.
     */
    boolean failOnNeverAwaited() default true;

    /** Seconds of virtual time the test may take, counted from the loop's creation; 0: no limit. */
    double virtualTimeout() default 0;

    /** Seconds of real (wall-clock) time each {@link TestLoop#run} may take; 0: no limit. */
    double realTimeout() default 0;
}
