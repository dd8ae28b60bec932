package io.jasyncio;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * An event loop's pending tasks ({@link AsyncIO#allTasks()}), in creation order: a doubly linked
 * list threaded through the tasks themselves ({@code Task.prevLive/nextLive}), so registering
 * and unregistering a task allocate nothing and cost O(1).
 */
final class TaskRegistry {
    private Task<?> head;
    private Task<?> tail;
    private int size;

    /** A task was created: it is pending until {@link #remove}. */
    void add(Task<?> t) {
        Task<?> last = tail;
        t.prevLive = last;
        if (last == null) {
            head = t;
        } else {
            last.nextLive = t;
        }
        tail = t;
        size++;
    }

    /** A task is done. */
    void remove(Task<?> t) {
        Task<?> prev = t.prevLive;
        Task<?> next = t.nextLive;
        if (prev == null) {
            head = next;
        } else {
            prev.nextLive = next;
        }
        if (next == null) {
            tail = prev;
        } else {
            next.prevLive = prev;
        }
        t.prevLive = null;
        t.nextLive = null;
        size--;
    }

    /** How many tasks are pending. */
    int size() {
        return size;
    }

    /** The tasks that are not done yet, in creation order. */
    Set<Task<?>> pending() {
        Set<Task<?>> set = new LinkedHashSet<>();
        for (Task<?> t = head; t != null; t = t.nextLive) {
            set.add(t);
        }
        return set;
    }

    /**
     * Cancels every pending task and runs {@code loop} until they are all done, reporting those
     * that ended with an exception instead of the cancellation (the end of {@link AsyncIO#run}).
     */
    void cancelAll(EventLoop loop) {
        List<Task<?>> toCancel = new ArrayList<>(pending());
        if (toCancel.isEmpty()) {
            return;
        }
        for (Task<?> t : toCancel) {
            t.cancel();
        }
        Future<Void> all = loop.createFuture();
        int[] left = {toCancel.size()};
        for (Task<?> t : toCancel) {
            t.addCallback((Consumer<Future<?>>) f -> {
                if (--left[0] == 0) {
                    all.setResult(null);
                }
            });
        }
        loop.runUntilComplete(all);
        for (Task<?> t : toCancel) {
            if (!t.cancelled() && t.exception() != null) {
                loop.callExceptionHandler(
                        new ExceptionContext("unhandled exception during run() shutdown", t.exception(), t, null));
            }
        }
    }
}
