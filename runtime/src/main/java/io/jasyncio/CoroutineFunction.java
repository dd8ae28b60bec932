package io.jasyncio;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;

/**
 * What {@link AsyncIO#isCoroutineFunction(Object)} calls a coroutine function among objects: an
 * instance of a functional interface whose method returns {@link Coroutine} (an async lambda, a
 * method reference to an {@code @Async} method, any {@link AsyncSupplier} or {@link AsyncFunction}).
 */
final class CoroutineFunction {
    private CoroutineFunction() {}

    static boolean test(Object fn) {
        if (fn instanceof Method m) {
            return AsyncIO.isCoroutineFunction(m);
        }
        if (fn == null) {
            return false;
        }
        for (Class<?> c = fn.getClass(); c != null; c = c.getSuperclass()) {
            for (Class<?> itf : c.getInterfaces()) {
                if (returnsCoroutine(itf)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Whether {@code itf} (or an interface it extends) has a single abstract method, returning Coroutine. */
    private static boolean returnsCoroutine(Class<?> itf) {
        Method single = null;
        for (Method m : itf.getMethods()) {
            if (Modifier.isAbstract(m.getModifiers()) && !isObjectMethod(m)) {
                if (single == null || single.getReturnType().isAssignableFrom(m.getReturnType())) {
                    if (single != null && !sameSignature(single, m)) {
                        return false;
                    }
                    single = m;
                } else if (!sameSignature(single, m)) {
                    return false;
                }
            }
        }
        return single != null && Coroutine.class.isAssignableFrom(single.getReturnType());
    }

    private static boolean sameSignature(Method a, Method b) {
        return a.getName().equals(b.getName()) && java.util.Arrays.equals(a.getParameterTypes(), b.getParameterTypes());
    }

    private static boolean isObjectMethod(Method m) {
        try {
            Object.class.getMethod(m.getName(), m.getParameterTypes());
            return true;
        } catch (NoSuchMethodException e) {
            return false;
        }
    }
}
