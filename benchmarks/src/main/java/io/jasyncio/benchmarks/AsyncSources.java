package io.jasyncio.benchmarks;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Classes full of {@code @Async} methods, generated as source and compiled in memory with javac
 * (not rewritten): loops, try/catch/finally around awaits, long and double locals, values on
 * the operand stack across an await, string concatenation. The rewriter benchmark's input.
 */
final class AsyncSources {
    private AsyncSources() {}

    static String source(int classIndex, int methods) {
        StringBuilder s = new StringBuilder();
        s.append("package gen;\n")
                .append("import io.jasyncio.Async;\nimport io.jasyncio.Coroutine;\n")
                .append("import static io.jasyncio.AsyncIO.*;\n")
                .append("public class Gen")
                .append(classIndex)
                .append(" {\n")
                .append("  @Async static Coroutine<Integer> leaf(int i) { await(sleep(0)); return done(i); }\n")
                .append("  @Async static Coroutine<String> text(String s) { return done(s + s.length()); }\n");
        for (int m = 0; m < methods; m++) {
            s.append("  @Async public Coroutine<Integer> m")
                    .append(m)
                    .append("(int n, String s) throws Exception {\n")
                    .append("    int total = ")
                    .append(m)
                    .append("; long acc = 1L; double d = 0.5;\n")
                    .append("    for (int i = 0; i < n; i++) {\n")
                    .append("      total += await(leaf(i)) * 2 + await(leaf(total));\n")
                    .append("      try {\n")
                    .append("        acc += await(text(s)).length();\n")
                    .append("        if (acc > 1000) throw new IllegalStateException(\"big \" + acc);\n")
                    .append("      } catch (IllegalStateException e) {\n")
                    .append("        total -= await(leaf(e.getMessage().length()));\n")
                    .append("      } finally {\n")
                    .append("        d *= 1.5;\n")
                    .append("      }\n")
                    .append("      switch (i % 3) {\n")
                    .append("        case 0: total += await(leaf(1)); break;\n")
                    .append("        case 1: acc -= await(leaf(2)); break;\n")
                    .append("        default: d += await(leaf(3));\n")
                    .append("      }\n")
                    .append("    }\n")
                    .append("    String msg = \"t=\" + total + \" a=\" + await(text(s)) + acc + d;\n")
                    .append("    return done(msg.length() + total);\n")
                    .append("  }\n");
        }
        return s.append("}\n").toString();
    }

    /** Compiles {@code classes} generated classes of {@code methods} @Async methods each: internal name to bytes. */
    static Map<String, byte[]> compile(int classes, int methods) {
        Map<String, String> sources = new LinkedHashMap<>();
        for (int c = 0; c < classes; c++) {
            sources.put("gen.Gen" + c, source(c, methods));
        }
        return Javac.compile(sources, System.getProperty("java.class.path"));
    }
}
