package io.jasyncio;

import java.lang.ref.ReferenceQueue;
import java.lang.ref.WeakReference;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Debug mode: coroutine objects that were garbage-collected without ever being awaited or wrapped
 * in a task are reported with where they were created (asyncio's "coroutine '...' was never
 * awaited" RuntimeWarning with its origin traceback). Tracking starts once a loop runs in debug
 * mode (or with {@code -Djasyncio.debug=true}) and covers coroutines created on a thread whose
 * running loop is in debug mode; it costs nothing otherwise.
 */
final class NeverAwaited {
    /** How many creation frames are kept (asyncio's coroutine origin tracking depth). */
    static final int ORIGIN_DEPTH = 10;

    /** Set once any debug loop exists; read on every coroutine creation, so a plain field. */
    static boolean enabled = Boolean.getBoolean("jasyncio.debug");

    private static final ReferenceQueue<Coroutine<?>> QUEUE = new ReferenceQueue<>();
    private static final Map<Coroutine<?>, Origin> TRACKED = new WeakHashMap<>();
    private static final Set<Origin> PENDING = ConcurrentHashMap.newKeySet();

    private NeverAwaited() {}

    /** A tracked coroutine: collected while still in {@link #PENDING} means never awaited. */
    private static final class Origin extends WeakReference<Coroutine<?>> {
        final String name;
        final StackTraceElement[] createdAt;

        Origin(Coroutine<?> coro, StackTraceElement[] createdAt) {
            super(coro, QUEUE);
            this.name = coro.nameAtCreation(createdAt.length > 0 ? createdAt[0] : null);
            this.createdAt = createdAt;
        }
    }

    /** From the Coroutine constructor (only when {@link #enabled}). */
    static void created(Coroutine<?> coro) {
        EventLoop loop = EventLoop.RUNNING.get();
        if (!(loop != null ? loop.getDebug() : Boolean.getBoolean("jasyncio.debug"))) {
            return;
        }
        Origin origin = new Origin(coro, callerFrames(coro.getClass().getName()));
        synchronized (TRACKED) {
            TRACKED.put(coro, origin);
        }
        PENDING.add(origin);
    }

    /** From Coroutine.claim: the coroutine is being awaited or run by a task. */
    static void awaited(Coroutine<?> coro) {
        Origin origin;
        synchronized (TRACKED) {
            origin = TRACKED.remove(coro);
        }
        if (origin != null) {
            PENDING.remove(origin);
        }
    }

    /** Reports every tracked coroutine collected since the last call; cheap when there is none. */
    static void poll() {
        Object ref;
        while ((ref = QUEUE.poll()) != null) {
            Origin origin = (Origin) ref;
            if (PENDING.remove(origin)) {
                StringBuilder sb = new StringBuilder("coroutine '")
                        .append(origin.name)
                        .append("' was never awaited")
                        .append("\nCoroutine created at (most recent call first):");
                for (StackTraceElement e : origin.createdAt) {
                    sb.append("\n\tat ").append(e);
                }
                DebugWarnings.warn(sb.toString());
            }
        }
    }

    /**
     * The creating code: the stack above the coroutine's construction (constructors, and the
     * methods of the coroutine's own class, such as a rewritten frame's factory).
     */
    private static StackTraceElement[] callerFrames(String coroutineClass) {
        StackTraceElement[] all = new Throwable().getStackTrace();
        int from = 0;
        while (from < all.length && isConstruction(all[from], coroutineClass)) {
            from++;
        }
        return Arrays.copyOfRange(all, from, Math.min(all.length, from + ORIGIN_DEPTH));
    }

    private static boolean isConstruction(StackTraceElement e, String coroutineClass) {
        String cls = e.getClassName();
        return cls.equals(NeverAwaited.class.getName())
                || cls.equals(Coroutine.class.getName())
                || cls.equals(coroutineClass)
                || e.getMethodName().equals("<init>");
    }
}
