package io.jasyncio.internal;

import io.jasyncio.Coroutine;
import io.jasyncio.Task;

/**
 * The frame contract between rewritten {@code @Async} methods and the runtime. <b>For
 * rewritten code only</b>: application code must not use this class (the Java counterpart of
 * Kotlin's {@code kotlin.coroutines.jvm.internal}). See docs/REWRITER.md.
 *
 * <p>One frame per call: the factory method (the original {@code @Async} method) creates it,
 * stores the receiver and arguments in slots and returns it as the lazy coroutine object. The
 * body lives in a static method of the host class with the same name and the descriptor
 * {@code (Lio/jasyncio/internal/Frame;Lio/jasyncio/Task;)Ljava/lang/Object;}: it is given the
 * frame and the task running it, keeps the task in a local and passes it to every
 * {@link #await} and {@link #result} (a frame does not store its task). The factory gets its method's
 * {@link FrameSite} (the body and where the method is) from an {@code invokedynamic} linked
 * once by {@link FrameSite#bootstrap}. Live values are saved across a suspension in typed
 * slots: references in {@code r0, r1}, then {@code ((Object[]) ext)[i]}; every primitive
 * widened to a {@code long} (float/double as raw bits) in {@code p0}, then
 * {@code ((long[]) ((Object[]) ext)[1])[i - 1]}. Nothing is boxed. {@link #ext} is the
 * method's {@code FrameSite} itself while the inline slots suffice, so a frame is 40 bytes
 * with 12-byte headers and 32 with JDK 25's compact headers; more live values cost one array
 * (two when primitives overflow too).
 *
 * @param <T> the type of the coroutine's result
 */
public final class Frame<T> extends Coroutine<T> {

    /** Bumped on every incompatible change of this contract. */
    public static final int CONTRACT_VERSION = 4;

    /** Reference slots held in fields ({@code r0, r1}); slot i beyond them is {@code ((Object[]) ext)[i]}. */
    public static final int INLINE_REFS = 2;
    /** Primitive slots held in fields ({@code p0}); slot i beyond them is {@code ((long[]) ((Object[]) ext)[1])[i - 1]}. */
    public static final int INLINE_PRIMS = 1;

    /** What {@link #await} returns, and what the body then returns, when it suspends. */
    public static final Object SUSPEND = Coroutine.SUSPEND;

    /** The body of one {@code @Async} method: a non-capturing lambda on the host's static body method. */
    @FunctionalInterface
    public interface Body {
        /**
         * Runs the rewritten method from the await site in {@code frame.state}.
         * @param frame the frame of the call
         * @param task the task running it
         * @return the result, or {@link Frame#SUSPEND}
         * @throws Throwable the failure of the method
         */
        Object resume(Frame<?> frame, Task<?> task) throws Throwable;
    }

    /** 0 = not started; k &gt; 0 = suspended at await site k. Written by the body only. */
    public int state;
    /** The first reference slot kept in a field. */
    public Object r0;
    /** The second reference slot kept in a field. */
    public Object r1;
    /** The primitive slot kept in a field. */
    public long p0;
    /**
     * The method's {@link FrameSite} when the inline slots suffice; otherwise an
     * {@code Object[]} of the site (element 0), the {@code long[]} of primitive slots beyond
     * {@code p0} (element 1, null when there are none) and reference slot i at element i
     * (i &ge; 2). Read by the body only to reach the overflow slots.
     */
    public Object ext;

    private Frame(FrameSite site, int refSlots, int primSlots) {
        if (refSlots > INLINE_REFS || primSlots > INLINE_PRIMS) {
            Object[] x = new Object[Math.max(refSlots, INLINE_REFS)];
            x[0] = site;
            if (primSlots > INLINE_PRIMS) {
                x[1] = new long[primSlots - INLINE_PRIMS];
            }
            ext = x;
        } else {
            ext = site;
        }
    }

    /**
     * Called from the {@code <clinit>} of every rewritten class: fails class initialisation
     * with a clear message when the class was rewritten for another contract version.
     * @param version the contract version the class was rewritten for
     * @param className the binary name of the rewritten class
     */
    public static void checkContract(int version, String className) {
        if (version != CONTRACT_VERSION) {
            throw new IncompatibleClassChangeError(className + " was rewritten by jasyncio for frame contract v"
                    + version + " but this runtime provides v" + CONTRACT_VERSION
                    + ": rebuild it with the jasyncio version of this runtime");
        }
    }

    /**
     * Creates the frame of one call.
     *
     * @param site the method's constant (from {@link FrameSite#bootstrap})
     * @param <T> the type of the result
     * @param refSlots how many reference slots the method keeps across its awaits
     * @param primSlots how many primitive slots the method keeps across its awaits
     * @return the new frame
     */
    public static <T> Frame<T> create(FrameSite site, int refSlots, int primSlots) {
        return new Frame<>(site, refSlots, primSlots);
    }

    private FrameSite site() {
        Object x = ext;
        return x instanceof FrameSite s ? s : (FrameSite) ((Object[]) x)[0];
    }

    /**
     * An await site: the value now, its failure thrown now, or {@link #SUSPEND}.
     * @param awaitable what the site awaits
     * @param frame the frame of the running call
     * @param task the task running it (the body's second parameter)
     * @return the value, or {@link #SUSPEND}
     * @throws Throwable the failure of {@code awaitable} when it already failed
     */
    public static Object await(Object awaitable, Frame<?> frame, Task<?> task) throws Throwable {
        return frame.awaitStep(task, awaitable);
    }

    /**
     * At the resume of an await site: the awaited value, or its failure thrown.
     * @param frame the frame of the running call
     * @param task the task running it (the body's second parameter)
     * @return the awaited value
     * @throws Throwable the failure of the awaited awaitable
     */
    public static Object result(Frame<?> frame, Task<?> task) throws Throwable {
        return frame.awaitResult(task);
    }

    @Override
    protected Object resume(Task<?> task) throws Throwable {
        return site().body.resume(this, task);
    }

    @Override
    protected StackTraceElement location() {
        return site().location(state);
    }

    /**
     * The body's frame on the Java stack, at the line of the await that is running: the innermost
     * frame that is not await plumbing (this class, or the runtime's {@code io.jasyncio} classes
     * between {@link #await} and here).
     */
    @Override
    protected StackTraceElement runningLocation() {
        return WALKER.walk(frames -> frames.filter(f -> !isPlumbing(f.getDeclaringClass()))
                .findFirst()
                .map(StackWalker.StackFrame::toStackTraceElement)
                .orElse(null));
    }

    private static final StackWalker WALKER = StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE);

    private static boolean isPlumbing(Class<?> c) {
        return c == Frame.class
                || c.getClassLoader() == Coroutine.class.getClassLoader()
                        && c.getPackageName().equals(Coroutine.class.getPackageName());
    }

    /** A frame is created by its {@code @Async} method (the factory): it takes that method's name. */
    @Override
    protected String nameAtCreation(StackTraceElement creator) {
        return creator != null ? creator.getMethodName() : super.nameAtCreation(null);
    }

    /** Clears the reference slots (primitives hold nothing alive); the site stays, for stacks. */
    @Override
    protected void releaseState() {
        r0 = null;
        r1 = null;
        if (ext instanceof Object[] x) {
            ext = x[0];
        }
    }
}
