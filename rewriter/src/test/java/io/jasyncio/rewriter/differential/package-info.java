/**
 * The rewriter's differential suite. {@code DifferentialCorpusTest}: every program of the corpus
 * ({@code ControlFlowCases}, {@code ExceptionCases}, {@code ValueCases}, {@code ClassShapeCases})
 * on every class-file target of {@code CompileOptions.matrix()}, rewritten and run with awaits
 * that really suspend, against its blocking reference twin. {@code LargeScaleTest}: 100,000-deep
 * chains and ten million suspensions in constant memory. {@code StackTraceAndLocalsTest}: lines and
 * local names after rewriting. {@code KnownRewriterBugs}: open bugs, each with its reproduction.
 */
package io.jasyncio.rewriter.differential;
