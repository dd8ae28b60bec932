package io.jasyncio;

/**
 * asyncio.BoundedSemaphore: a {@link Semaphore} that refuses to be released above its initial
 * value ({@link IllegalArgumentException}, asyncio's ValueError), which catches a release
 * without a matching acquire.
 */
public final class BoundedSemaphore extends Semaphore {
    private final int bound;

    /** A bounded semaphore with one permit. */
    public BoundedSemaphore() {
        this(1);
    }

    /** A bounded semaphore with {@code value} permits, never more. */
    public BoundedSemaphore(int value) {
        super(value);
        this.bound = value;
    }

    /** Gives a permit back; {@link IllegalArgumentException} if that would exceed the initial value. */
    @Override
    public void release() {
        if (value >= bound) {
            throw new IllegalArgumentException("BoundedSemaphore released too many times");
        }
        super.release();
    }
}
