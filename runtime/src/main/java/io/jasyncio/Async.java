package io.jasyncio;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a coroutine function: a method that returns {@link Coroutine} and may call
 * {@link AsyncIO#await}. The jasyncio rewriter (Maven plugin or agent) turns its body into a
 * resumable state machine; calling the method then only captures its arguments and returns
 * a lazy coroutine object.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Async {}
