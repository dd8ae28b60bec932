package io.jasyncio.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.jasyncio.EventLoop;
import io.jasyncio.Future;
import io.jasyncio.Task;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * The frame contract's runtime side, with a body written by hand the way the rewriter emits it
 * (contract v4): the method's constant from {@link FrameSite#bootstrap}, slots beyond the inline
 * ones in {@code ext}, and a finished frame that keeps none of its values alive.
 */
class FrameTest {
    private static final String SITE = "example.Host\0keep\0Host.java\0" + "10,12";

    /** Keeps four references and three primitives across one await, then sums what it kept. */
    static Object keep(Frame<?> f, Task<?> t) throws Throwable {
        Object v;
        if (f.state == 0) {
            Object[] x = (Object[]) f.ext;
            long[] px = (long[]) x[1];
            f.r0 = "a";
            f.r1 = "b";
            x[2] = "c";
            x[3] = "d";
            f.p0 = 1;
            px[0] = 2;
            px[1] = 3;
            v = Frame.await(future, f, t);
            if (v == Frame.SUSPEND) {
                f.state = 1;
                return Frame.SUSPEND;
            }
        } else {
            v = Frame.result(f, t);
        }
        Object[] x = (Object[]) f.ext;
        long[] px = (long[]) x[1];
        return "" + f.r0 + f.r1 + x[2] + x[3] + (f.p0 + px[0] + px[1] + (Integer) v);
    }

    private static Future<Integer> future;

    private static FrameSite site() throws Throwable {
        MethodHandles.Lookup lookup = MethodHandles.lookup();
        return (FrameSite) FrameSite.bootstrap(
                        lookup,
                        "site",
                        MethodType.methodType(FrameSite.class),
                        lookup.findStatic(
                                FrameTest.class, "keep", MethodType.methodType(Object.class, Frame.class, Task.class)),
                        SITE)
                .getTarget()
                .invoke();
    }

    @Test
    void overflowSlotsLiveInExtAndAFinishedFrameKeepsOnlyItsSite() throws Throwable {
        FrameSite site = site();
        Frame<String> frame = Frame.create(site, 4, 3);
        assertThat(frame.ext).isInstanceOf(Object[].class);
        EventLoop loop = EventLoop.withVirtualTime();
        try {
            future = loop.createFuture();
            loop.callLater(1, () -> future.setResult(4));
            assertThat(loop.runUntilComplete(frame)).isEqualTo("abcd10");
            assertThat(frame.state).isEqualTo(1); // it suspended: the slots were kept across the await
        } finally {
            loop.close();
            future = null;
        }
        assertThat(frame.r0).isNull();
        assertThat(frame.r1).isNull();
        assertThat(frame.ext).isSameAs(site);
        assertThat(frame.toString()).contains("keep");
    }

    @Test
    void aFrameWhoseSlotsFitInlineHoldsItsSiteInExtAndNoArray() throws Throwable {
        FrameSite site = site();
        assertThat(Frame.create(site, 2, 1).ext).isSameAs(site);
        Object[] refsOnly = (Object[]) Frame.create(site, 3, 0).ext;
        assertThat(refsOnly).hasSize(3);
        assertThat(refsOnly[0]).isSameAs(site);
        assertThat(refsOnly[1]).isNull();
        Object[] primsOnly = (Object[]) Frame.create(site, 0, 2).ext;
        assertThat(Arrays.asList(primsOnly)).hasSize(2);
        assertThat((long[]) primsOnly[1]).hasSize(1);
    }

    @Test
    void theSiteGivesTheLineOfTheAwaitTheFrameIsSuspendedAt() throws Throwable {
        FrameSite site = site();
        assertThat(site.location(0)).hasToString("example.Host.keep(Host.java:10)");
        assertThat(site.location(1)).hasToString("example.Host.keep(Host.java:12)");
        assertThat(site.location(7).getLineNumber()).isEqualTo(-1);
    }
}
