package io.jasyncio.benchmarks;

import io.jasyncio.rewriter.RewriteResult;
import io.jasyncio.rewriter.Rewriter;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Rewriter throughput in classes per second: on the classes of {@code java.util} (no
 * {@code @Async}: what the agent and the plugin see most) through the cheap pre-filter and
 * through a full {@code rewrite}, and on generated classes of {@value #METHODS} {@code @Async}
 * methods each ({@link AsyncSources}).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(
        value = 1,
        jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class RewriterBenchmarks {
    static final int CLASSES = 8;
    static final int METHODS = 10;

    private List<byte[]> plain;
    private List<byte[]> async;
    private Rewriter rewriter;
    private int next;

    @Setup
    public void setUp() throws IOException {
        plain = ClassBytes.jdkPackage("java.base", "java/util");
        Map<String, byte[]> generated = AsyncSources.compile(CLASSES, METHODS);
        async = List.copyOf(generated.values());
        rewriter = new Rewriter(new ResourceHierarchy(generated));
        for (byte[] b : async) {
            RewriteResult r = rewriter.rewrite(b);
            if (r.hasErrors() || !r.changed()) {
                throw new IllegalStateException("generated class not rewritten: " + r.diagnostics());
            }
        }
    }

    private byte[] nextOf(List<byte[]> classes) {
        int i = next++;
        if (next == classes.size()) {
            next = 0;
        }
        return classes.get(i % classes.size());
    }

    /** The pre-filter every class goes through (constant-pool scan). */
    @Benchmark
    public boolean plainClassPreFilter() {
        return Rewriter.mayNeedRewrite(nextOf(plain));
    }

    /** A full rewrite call on a class without @Async (returns it unchanged). */
    @Benchmark
    public RewriteResult plainClassRewrite() {
        return rewriter.rewrite(nextOf(plain));
    }

    /** A class with {@value #METHODS} @Async methods (8 await sites each, plus two small ones), rewritten. */
    @Benchmark
    public RewriteResult asyncClassRewrite() {
        return rewriter.rewrite(nextOf(async));
    }
}
