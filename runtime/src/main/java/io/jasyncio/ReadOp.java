package io.jasyncio;

/**
 * One read of a {@link StreamReader} as a coroutine: try to satisfy it from the buffer, and
 * when the bytes are not there yet, park on the reader's waiter until data, end of stream or an
 * error arrives, then try again (asyncio's {@code while ...: await self._wait_for_data(...)}).
 * Nothing is taken from the buffer except by a successful attempt, so a cancelled read loses
 * no byte.
 */
abstract class ReadOp<T> extends Coroutine<T> {
    /** {@link #attempt()}'s answer when it must wait for more data. */
    static final Object AGAIN = new Object();

    private final StreamReader reader;
    private final String name;
    private Future<Void> waiting;
    /** For readUntil: how many buffered bytes were searched without finding the separator. */
    int searched;

    ReadOp(StreamReader reader, String name) {
        this.reader = reader;
        this.name = name;
    }

    /** The result, or {@link #AGAIN}; may throw the read's failure. */
    abstract Object attempt() throws Throwable;

    @Override
    protected final Object resume(Task<?> task) throws Throwable {
        if (waiting != null) {
            Future<Void> w = waiting;
            waiting = null;
            try {
                awaitResult(task);
            } finally {
                reader.waitDone(w);
            }
        }
        for (; ; ) {
            Object r = attempt();
            if (r != AGAIN) {
                return r;
            }
            Future<Void> w = reader.waitForData(name);
            Object v;
            try {
                v = awaitStep(task, w);
            } catch (Throwable e) {
                reader.waitDone(w);
                throw e;
            }
            if (v == SUSPEND) {
                waiting = w;
                return SUSPEND;
            }
            reader.waitDone(w);
        }
    }

    @Override
    protected StackTraceElement location() {
        return new StackTraceElement("io.jasyncio.StreamReader", name, null, -1);
    }
}
