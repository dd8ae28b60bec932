/**
 * A tiny blocking stand-in for the {@code io.jasyncio} names the test programs use, for the
 * reference run of the differential tests: the same source, with {@code io.jasyncio.} replaced
 * by this package, compiles to plain Java where calling an {@code @Async} method runs its body
 * at once and {@code await} just returns the value (or throws the failure). A rewritten run
 * must produce the same trace.
 */
package io.jasyncio.rewriter.testkit.blocking;
