/**
 * The rewriter's test harness, for any test of the module: compile sources in memory
 * ({@link io.jasyncio.rewriter.testkit.ClassSet#compile}: javac through javax.tools or ecj, any
 * {@code --release} this JDK has, {@code -g}/{@code -g:none}, {@code -parameters}), rewrite every
 * class with a hierarchy read from class bytes ({@link io.jasyncio.rewriter.testkit.ClassPathHierarchy}),
 * verify each output (CheckClassAdapter and a type-checking data-flow analysis), load it in a
 * fresh child-first loader (the JVM verifies it: surefire runs with -Xverify:all), run a static
 * method and capture its {@link io.jasyncio.rewriter.testkit.Trace}; and
 * {@link io.jasyncio.rewriter.testkit.ReferenceSources#blocking} for the same program against a
 * blocking stand-in of the {@code io.jasyncio} names.
 *
 * <pre>
 * ClassSet out = ClassSet.compile(CompileOptions.javac(8).withDebug(false), source).rewrite().verified();
 * RunOutcome rewritten = out.run("p.Hello", "main");   // trace lines + "returned: ..." / "threw: ..."
 * </pre>
 */
package io.jasyncio.rewriter.testkit;
