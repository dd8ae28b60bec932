/**
 * Random {@code @Async} methods (jqwik, fixed seed): {@code GeneratedMethodsTest} runs 500
 * per build; {@code -Djasyncio.generated.methodsPerTry=N} runs 50 * N for a longer local hunt.
 */
package io.jasyncio.rewriter.generated;
