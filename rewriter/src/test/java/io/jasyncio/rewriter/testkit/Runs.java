package io.jasyncio.rewriter.testkit;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Runs a static method of a loaded program and captures its {@link Trace}. When the method
 * returns a coroutine (anything implementing an interface named {@code Awaitable}), it is run
 * to completion with the {@code run(coroutine)} of the {@code AsyncIO} class in that
 * interface's package: the real event loop for rewritten code, the blocking stand-in for the
 * reference run.
 */
public final class Runs {
    private Runs() {}

    public static RunOutcome run(ClassLoader loader, String className, String method) {
        Trace.reset();
        try {
            Method m = Class.forName(className, true, loader).getDeclaredMethod(method);
            m.setAccessible(true);
            Object value = m.invoke(null);
            Class<?> awaitable = awaitableInterface(value);
            if (awaitable != null) {
                value = runCoroutine(awaitable, value);
            }
            return new RunOutcome(Trace.drain(), "returned: " + value, null);
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            return new RunOutcome(Trace.drain(), "threw: " + cause, cause);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError("cannot run " + className + "." + method + "(): " + e, e);
        }
    }

    private static Object runCoroutine(Class<?> awaitable, Object coroutine) throws ReflectiveOperationException {
        Class<?> facade = Class.forName(awaitable.getPackageName() + ".AsyncIO", true, awaitable.getClassLoader());
        for (Method run : facade.getMethods()) {
            if (run.getName().equals("run")
                    && run.getParameterCount() == 1
                    && run.getParameterTypes()[0].isInstance(coroutine)) {
                return run.invoke(null, coroutine);
            }
        }
        throw new AssertionError(facade.getName() + " has no run("
                + coroutine.getClass().getName() + ") yet (runtime core not merged?)");
    }

    private static Class<?> awaitableInterface(Object value) {
        if (value == null) {
            return null;
        }
        Deque<Class<?>> todo = new ArrayDeque<>();
        for (Class<?> c = value.getClass(); c != null; c = c.getSuperclass()) {
            todo.add(c);
        }
        while (!todo.isEmpty()) {
            Class<?> c = todo.pop();
            if (c.isInterface() && c.getSimpleName().equals("Awaitable")) {
                return c;
            }
            todo.addAll(java.util.List.of(c.getInterfaces()));
        }
        return null;
    }

    static String stackTrace(Throwable t) {
        StringWriter out = new StringWriter();
        t.printStackTrace(new PrintWriter(out));
        return out.toString();
    }
}
