package io.jasyncio;

import java.util.Collections;
import java.util.Set;

/**
 * What {@link AsyncIO#waitTasks} returns: asyncio.wait's {@code (done, pending)} pair. Both sets
 * hold the very futures and tasks that were passed in, in input order, so
 * {@code done().contains(task)} works.
 *
 * @param done    the futures that finished (with a result, an exception, or cancelled)
 * @param pending the futures still running
 * @param <T>     the futures' result type
 */
public record WaitResult<T>(Set<Future<T>> done, Set<Future<T>> pending) {
    /**
     * The two sets, wrapped unmodifiable.
     * @param done the futures that are done
     * @param pending the futures that are not
     */
    public WaitResult {
        done = Collections.unmodifiableSet(done);
        pending = Collections.unmodifiableSet(pending);
    }
}
