package io.jasyncio;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;

/**
 * Every event loop not collected yet, each with a number for reports ("loop 3"): what the JFR
 * statistics walk. Weak, so a loop the program dropped costs nothing here; read from other
 * threads (the JFR periodic thread), hence synchronized.
 */
final class LiveLoops {
    private static final Map<EventLoop, Long> IDS = new WeakHashMap<>();
    private static long next;

    private LiveLoops() {}

    /** A loop was created. */
    static synchronized void add(EventLoop loop) {
        IDS.put(loop, ++next);
    }

    /** The number given to {@code loop} at its creation (1 for the first loop of the process). */
    static synchronized long id(EventLoop loop) {
        Long id = IDS.get(loop);
        return id == null ? 0 : id;
    }

    /** The loops that are not closed, oldest first. */
    static synchronized List<EventLoop> open() {
        List<EventLoop> loops = new ArrayList<>();
        for (EventLoop loop : IDS.keySet()) {
            if (!loop.isClosed()) {
                loops.add(loop);
            }
        }
        loops.sort((a, b) -> Long.compare(IDS.get(a), IDS.get(b)));
        return Collections.unmodifiableList(loops);
    }
}
