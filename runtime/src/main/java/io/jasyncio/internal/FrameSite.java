package io.jasyncio.internal;

import io.jasyncio.Task;
import java.lang.invoke.CallSite;
import java.lang.invoke.ConstantCallSite;
import java.lang.invoke.LambdaMetafactory;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;

/**
 * What every frame of one {@code @Async} method shares: its body and its site (where the method
 * and its await sites are). One constant per rewritten method, made once by
 * {@link #bootstrap}, so a frame keeps it in a single field. <b>For rewritten code only.</b>
 *
 * <p>The site string is decoded into stack elements only on demand (stacks, toString, async
 * stack traces), once per state.
 */
public final class FrameSite {
    private static final MethodType BODY_TYPE = MethodType.methodType(Object.class, Frame.class, Task.class);

    final Frame.Body body;
    private final String site;
    /** The decoded site, built on first use (racy publication is fine: it is immutable). */
    private Parsed parsed;

    private FrameSite(Frame.Body body, String site) {
        this.body = body;
        this.site = site;
    }

    /**
     * The bootstrap of the {@code invokedynamic} each factory method uses to get its method's
     * constant: links the call site, once, to one {@code FrameSite} for {@code body}.
     *
     * @param lookup the host class's lookup (the JVM passes it)
     * @param name ignored (the JVM passes the call site's name)
     * @param type {@code ()FrameSite}
     * @param body the host's static body method, {@code (Frame, Task)Object}
     * @param site "binary.class.Name\0method\0SourceFile.java\0L0,L1,...,Ln": L0 is the method's
     *     first line, Lk the line of await site k (-1 when unknown)
     * @return a constant call site
     * @throws Throwable when the body cannot be bound
     */
    public static CallSite bootstrap(
            MethodHandles.Lookup lookup, String name, MethodType type, MethodHandle body, String site)
            throws Throwable {
        Frame.Body b = (Frame.Body) LambdaMetafactory.metafactory(
                        lookup, "resume", MethodType.methodType(Frame.Body.class), BODY_TYPE, body, BODY_TYPE)
                .getTarget()
                .invoke();
        return new ConstantCallSite(MethodHandles.constant(FrameSite.class, new FrameSite(b, site)));
    }

    StackTraceElement location(int state) {
        Parsed p = parsed;
        if (p == null) {
            p = new Parsed(site);
            parsed = p;
        }
        return p.at(state);
    }

    private static final class Parsed {
        private final String className;
        private final String method;
        private final String file;
        private final int[] lines;
        /** One element per state, built on first use (the elements are immutable, so shared). */
        private final StackTraceElement[] elements;

        private final StackTraceElement noLine;

        Parsed(String site) {
            String[] parts = site.split("\0", -1);
            className = parts[0];
            method = parts.length > 1 ? parts[1] : "?";
            file = parts.length > 2 && !parts[2].isEmpty() ? parts[2] : null;
            if (parts.length > 3 && !parts[3].isEmpty()) {
                String[] ls = parts[3].split(",");
                lines = new int[ls.length];
                for (int i = 0; i < ls.length; i++) {
                    lines[i] = Integer.parseInt(ls[i]);
                }
            } else {
                lines = new int[0];
            }
            elements = new StackTraceElement[lines.length];
            noLine = new StackTraceElement(className, method, file, -1);
        }

        StackTraceElement at(int state) {
            if (state < 0 || state >= lines.length) {
                return noLine;
            }
            StackTraceElement e = elements[state];
            if (e == null) {
                e = new StackTraceElement(className, method, file, lines[state]);
                elements[state] = e;
            }
            return e;
        }
    }
}
