package io.jasyncio;

/**
 * asyncio.Barrier (3.11): {@link #parties()} tasks wait for each other; when the last one arrives
 * they all go on. {@code Barrier.wait()} is {@link #arriveAndWait()} in Java ({@code wait} is
 * final on {@code Object}); its value is the arrival index, 0 to {@code parties - 1}.
 *
 * <p>As in asyncio, built on a {@link Condition}: a barrier fills, then drains (the released tasks
 * leave, new arrivals wait for the draining to end), and is filling again once the last task left.
 * {@link #reset()} sends the waiting tasks a {@link BrokenBarrierError} and makes the barrier
 * usable again; {@link #abort()} breaks it for good. A task cancelled while it waits just leaves:
 * the barrier is not broken and waits for one more arrival (unlike {@code threading.Barrier}).
 *
 * <p>Bound to the loop it is first waited on. Not thread-safe: use it from its loop's thread only.
 */
public final class Barrier {
    private enum State {
        FILLING,
        DRAINING,
        RESETTING,
        BROKEN
    }

    private final Condition cond = new Condition();
    private final int parties;
    private State state = State.FILLING;
    /** Tasks inside {@link #arriveAndWait()}: waiting, or released and not gone yet. */
    private int count;

    /** A barrier for {@code parties} tasks; {@link IllegalArgumentException} when below 1. */
    public Barrier(int parties) {
        if (parties < 1) {
            throw new IllegalArgumentException("parties must be >= 1");
        }
        this.parties = parties;
    }

    /** The number of tasks needed to pass the barrier. */
    public int parties() {
        return parties;
    }

    /** asyncio's {@code n_waiting}: the number of tasks waiting while the barrier fills (0 otherwise). */
    public int nWaiting() {
        return state == State.FILLING ? count : 0;
    }

    /** True once {@link #abort()} broke the barrier. */
    public boolean broken() {
        return state == State.BROKEN;
    }

    /**
     * asyncio's {@code Barrier.wait()}: waits until {@link #parties()} tasks are waiting, then
     * releases them all; the awaited value is this task's arrival index (the last to arrive gets
     * {@code parties - 1}). Waits first while the barrier drains or resets. Fails with
     * {@link BrokenBarrierError} when the barrier is broken, or is reset or aborted while this
     * task waits. A lazy coroutine.
     */
    public Coroutine<Integer> arriveAndWait() {
        return new Arrive(this);
    }

    /**
     * Puts the barrier back to its initial state: tasks waiting on it get a
     * {@link BrokenBarrierError}; a broken barrier becomes usable again. A lazy coroutine (it
     * takes the barrier's lock).
     */
    public Coroutine<Void> reset() {
        return cond.run(new Action(() -> {
            if (count > 0) {
                state = State.RESETTING;
            } else {
                state = State.FILLING;
            }
            cond.notifyAllWaiters();
        }));
    }

    /**
     * Breaks the barrier: waiting tasks and every later {@link #arriveAndWait()} get a
     * {@link BrokenBarrierError} until {@link #reset()}. A lazy coroutine (it takes the barrier's
     * lock).
     */
    public Coroutine<Void> abort() {
        return cond.run(new Action(() -> {
            state = State.BROKEN;
            cond.notifyAllWaiters();
        }));
    }

    /** The last task of a round left: let the next round fill, and wake those waiting for that. */
    private void exit() {
        if (count == 0) {
            if (state == State.RESETTING || state == State.DRAINING) {
                state = State.FILLING;
            }
            cond.notifyAllWaiters();
        }
    }

    @Override
    public String toString() {
        String extra = state.name().toLowerCase();
        if (state != State.BROKEN) {
            extra += ", waiters:" + nWaiting() + "/" + parties;
        }
        return "<Barrier [" + extra + "]>";
    }

    /** The coroutine of {@link #arriveAndWait()}. */
    private static final class Arrive extends Coroutine<Integer> {
        /** Taking the barrier's lock. */
        private static final int LOCKING = 1;
        /** Waiting while the barrier drains or resets. */
        private static final int BLOCKED = 2;
        /** Counted in, waiting for the barrier to fill. */
        private static final int WAITING = 3;

        private final Barrier barrier;
        private int pc;
        private int index;

        Arrive(Barrier barrier) {
            this.barrier = barrier;
        }

        @Override
        protected Object resume(Task<?> task) throws Throwable {
            Barrier b = barrier;
            boolean resumed = pc != 0;
            if (pc == 0) {
                pc = LOCKING;
                if (awaitStep(task, b.cond.acquire()) == SUSPEND) {
                    return SUSPEND;
                }
            }
            if (pc == LOCKING) {
                if (resumed) {
                    resumed = false;
                    awaitResult(task); // not holding the lock yet: nothing to undo
                }
                pc = BLOCKED;
                try {
                    if (awaitStep(task, b.cond.waitFor(() -> b.state != State.DRAINING && b.state != State.RESETTING))
                            == SUSPEND) {
                        return SUSPEND;
                    }
                } catch (Throwable e) {
                    b.cond.release();
                    throw e;
                }
            }
            if (pc == BLOCKED) {
                try {
                    if (resumed) {
                        resumed = false;
                        awaitResult(task);
                    }
                    if (b.state == State.BROKEN) {
                        throw new BrokenBarrierError("Barrier aborted");
                    }
                } catch (Throwable e) {
                    b.cond.release();
                    throw e;
                }
                index = b.count++;
                if (index + 1 == b.parties) {
                    // the last one: release the others
                    b.state = State.DRAINING;
                    b.cond.notifyAllWaiters();
                    return leave(null);
                }
                pc = WAITING;
                try {
                    if (awaitStep(task, b.cond.waitFor(() -> b.state != State.FILLING)) == SUSPEND) {
                        return SUSPEND;
                    }
                } catch (Throwable e) {
                    return leave(e);
                }
            }
            Throwable error = null;
            try {
                if (resumed) {
                    awaitResult(task);
                }
                if (b.state == State.BROKEN || b.state == State.RESETTING) {
                    throw new BrokenBarrierError("Abort or reset of barrier");
                }
            } catch (Throwable e) {
                error = e;
            }
            return leave(error);
        }

        /** Leaves the barrier (and its lock) with the arrival index, or throwing {@code error}. */
        private Object leave(Throwable error) throws Throwable {
            Barrier b = barrier;
            b.count--;
            b.exit();
            b.cond.release();
            if (error != null) {
                throw error;
            }
            return index;
        }

        @Override
        protected StackTraceElement location() {
            return new StackTraceElement(Barrier.class.getName(), "arriveAndWait", null, -1);
        }
    }

    /** A body that runs {@code action} under the barrier's lock without waiting. */
    private static final class Action extends Coroutine<Void> {
        private final Runnable action;

        Action(Runnable action) {
            this.action = action;
        }

        @Override
        protected Object resume(Task<?> task) {
            action.run();
            return null;
        }
    }
}
