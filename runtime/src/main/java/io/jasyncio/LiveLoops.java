package io.jasyncio;

import java.lang.ref.ReferenceQueue;
import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.List;

/**
 * The event loops of this JVM that are not closed, for the tools that look at all of them (the
 * task dump): weak references, so that registering keeps no loop alive. A loop registers when it
 * is made and leaves when it is closed or collected; each gets a number, unique in the JVM, that
 * the dump shows. Cost: one weak reference per loop made, nothing per task or step.
 */
final class LiveLoops {
    private static final ReferenceQueue<EventLoop> COLLECTED = new ReferenceQueue<>();
    private static final List<Entry> ENTRIES = new ArrayList<>();
    private static int counter;

    private LiveLoops() {}

    private static final class Entry extends WeakReference<EventLoop> {
        final int id;

        Entry(EventLoop loop, int id) {
            super(loop, COLLECTED);
            this.id = id;
        }
    }

    /** A new loop. */
    static synchronized void add(EventLoop loop) {
        purge();
        ENTRIES.add(new Entry(loop, ++counter));
    }

    /** A closed loop. */
    static synchronized void remove(EventLoop loop) {
        ENTRIES.removeIf(e -> e.get() == loop);
    }

    /** The live loops, oldest first. */
    static synchronized List<EventLoop> all() {
        purge();
        List<EventLoop> loops = new ArrayList<>(ENTRIES.size());
        for (Entry e : ENTRIES) {
            EventLoop loop = e.get();
            if (loop != null) {
                loops.add(loop);
            }
        }
        return loops;
    }

    /** The number of {@code loop} (1 for the first loop made in the JVM), or 0 when it is not registered. */
    static synchronized int idOf(EventLoop loop) {
        for (Entry e : ENTRIES) {
            if (e.get() == loop) {
                return e.id;
            }
        }
        return 0;
    }

    private static void purge() {
        if (COLLECTED.poll() != null) {
            while (COLLECTED.poll() != null) {
                // drain: one pass below removes every cleared entry
            }
            ENTRIES.removeIf(e -> e.get() == null);
        }
    }
}
