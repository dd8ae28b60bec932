package io.jasyncio.junit;

import io.jasyncio.EventLoop;
import io.jasyncio.ExceptionContext;
import io.jasyncio.Task;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.InvocationInterceptor;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.ReflectiveInvocationContext;

/**
 * The extension behind {@link AsyncTest}: gives each test a fresh {@link TestLoop} on virtual
 * time (shared with its {@code @BeforeEach}/{@code @AfterEach} methods), then checks that the
 * test left no pending task, no never-retrieved exception and no never-awaited coroutine, and
 * closes the loop. A test class the jasyncio rewriter did not process fails with one line that
 * says how to enable it.
 */
public final class AsyncExtension
        implements BeforeEachCallback, AfterEachCallback, ParameterResolver, InvocationInterceptor {
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(AsyncExtension.class);
    private static final String KEY = "state";
    /** The start of the runtime's error for an {@code await} reached in code that was not rewritten. */
    private static final String NOT_REWRITTEN = "which was not rewritten by jasyncio";

    /** Creates the extension (JUnit does, from {@code @ExtendWith}). */
    public AsyncExtension() {}

    /** One test's loop, its settings and what the loop reported. */
    private static final class State {
        final Settings settings;
        final EventLoop loop;
        final TestLoop testLoop;
        final List<String> neverRetrieved = new ArrayList<>();
        final List<String> neverAwaited = new ArrayList<>();
        final Handler warnings;

        State(Settings settings) {
            this.settings = settings;
            this.loop = EventLoop.withVirtualTime();
            this.testLoop = new TestLoop(loop, settings.virtualTimeout, settings.realTimeout);
            if (settings.failOnNeverAwaited) {
                loop.setDebug(true);
            }
            loop.setExceptionHandler((l, context) -> {
                if (context.message() != null && context.message().contains("exception was never retrieved")) {
                    neverRetrieved.add(describe(context));
                } else {
                    l.defaultExceptionHandler(context);
                }
            });
            // Debug mode reports never-awaited coroutines as warnings of the "io.jasyncio"
            // System.Logger, whose default backend is java.util.logging.
            warnings = new Handler() {
                @Override
                public void publish(LogRecord record) {
                    String m = record.getMessage();
                    if (m != null && m.contains("was never awaited")) {
                        synchronized (neverAwaited) {
                            neverAwaited.add(m);
                        }
                    }
                }

                @Override
                public void flush() {}

                @Override
                public void close() {}
            };
            if (settings.failOnNeverAwaited) {
                Logger.getLogger("io.jasyncio").addHandler(warnings);
            }
        }
    }

    private record Settings(
            boolean failOnPendingTasks,
            boolean failOnNeverRetrieved,
            boolean failOnNeverAwaited,
            double virtualTimeout,
            double realTimeout) {
        static Settings of(AsyncTest a) {
            if (a == null) {
                return new Settings(true, true, true, 0, 0);
            }
            if (a.virtualTimeout() < 0
                    || a.realTimeout() < 0
                    || Double.isNaN(a.virtualTimeout())
                    || Double.isNaN(a.realTimeout())) {
                throw new IllegalArgumentException(
                        "@AsyncTest timeouts must be >= 0 seconds (0: no limit), got virtualTimeout="
                                + a.virtualTimeout() + ", realTimeout=" + a.realTimeout());
            }
            return new Settings(
                    a.failOnPendingTasks(),
                    a.failOnNeverRetrieved(),
                    a.failOnNeverAwaited(),
                    a.virtualTimeout(),
                    a.realTimeout());
        }
    }

    private static String describe(ExceptionContext context) {
        String s = context.message();
        if (context.exception() != null) {
            s += "\n    exception: " + context.exception();
        }
        return s;
    }

    private static State state(ExtensionContext context) {
        return context.getStore(NAMESPACE)
                .getOrComputeIfAbsent(
                        KEY,
                        k -> new State(
                                Settings.of(context.getRequiredTestMethod().getAnnotation(AsyncTest.class))),
                        State.class);
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        state(context);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext)
            throws ParameterResolutionException {
        Class<?> type = parameterContext.getParameter().getType();
        return (type == TestLoop.class || type == EventLoop.class)
                && extensionContext.getTestMethod().isPresent();
    }

    @Override
    public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext)
            throws ParameterResolutionException {
        State s = state(extensionContext);
        return parameterContext.getParameter().getType() == EventLoop.class ? s.loop : s.testLoop;
    }

    @Override
    public void interceptTestMethod(
            Invocation<Void> invocation,
            ReflectiveInvocationContext<Method> invocationContext,
            ExtensionContext extensionContext)
            throws Throwable {
        proceed(invocation, invocationContext);
    }

    @Override
    public void interceptBeforeEachMethod(
            Invocation<Void> invocation,
            ReflectiveInvocationContext<Method> invocationContext,
            ExtensionContext extensionContext)
            throws Throwable {
        proceed(invocation, invocationContext);
    }

    @Override
    public void interceptAfterEachMethod(
            Invocation<Void> invocation,
            ReflectiveInvocationContext<Method> invocationContext,
            ExtensionContext extensionContext)
            throws Throwable {
        proceed(invocation, invocationContext);
    }

    /** Runs the method; turns the runtime's "not rewritten" error into one line on how to enable the rewriter. */
    private static void proceed(Invocation<Void> invocation, ReflectiveInvocationContext<Method> invocationContext)
            throws Throwable {
        try {
            invocation.proceed();
        } catch (IllegalStateException e) {
            if (e.getMessage() != null && e.getMessage().contains(NOT_REWRITTEN)) {
                Assertions.fail(notRewritten(invocationContext.getTargetClass()), e);
            }
            throw e;
        }
    }

    static String notRewritten(Class<?> testClass) {
        return testClass.getName() + " was not rewritten by jasyncio: enable the rewriter for the test classes"
                + " (the jasyncio-maven-plugin 'instrument-tests' goal, or run the tests with"
                + " -javaagent:jasyncio-agent.jar; see docs/ENABLING.md)";
    }

    @Override
    public void afterEach(ExtensionContext context) {
        State s = context.getStore(NAMESPACE).remove(KEY, State.class);
        if (s == null) {
            return;
        }
        List<String> problems = new ArrayList<>();
        try {
            List<Task<?>> pending = s.testLoop.pendingTasks();
            if (!pending.isEmpty() && s.settings.failOnPendingTasks) {
                StringBuilder sb = new StringBuilder(pending.size() + " task(s) still pending at the end of the test:");
                for (Task<?> t : pending) {
                    sb.append("\n    ").append(t);
                }
                problems.add(sb.toString());
            }
            s.testLoop.cancelAndWait(pending);
            pending = null;
            if (s.settings.failOnNeverRetrieved || s.settings.failOnNeverAwaited) {
                collectGarbageReports(s);
            }
            if (s.settings.failOnNeverRetrieved) {
                problems.addAll(s.neverRetrieved);
            }
            if (s.settings.failOnNeverAwaited) {
                synchronized (s.neverAwaited) {
                    problems.addAll(s.neverAwaited);
                }
            }
        } finally {
            Logger.getLogger("io.jasyncio").removeHandler(s.warnings);
            try {
                s.loop.shutdownDefaultExecutor();
            } finally {
                s.loop.close();
            }
        }
        if (!problems.isEmpty()) {
            Assertions.fail(String.join("\n", problems));
        }
    }

    /**
     * The runtime reports never-retrieved exceptions and never-awaited coroutines when their
     * objects are garbage-collected, from the next loop iteration: collect, let the reference
     * handler enqueue them, and run the loop so it reports them (delivered one iteration later).
     */
    private static void collectGarbageReports(State s) {
        for (int i = 0; i < 2; i++) {
            System.gc();
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            s.testLoop.runOnce();
            s.testLoop.runOnce();
        }
    }
}
