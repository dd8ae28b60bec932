package io.jasyncio.rewriter;

import static io.jasyncio.rewriter.testkit.DiagnosticAssert.lineOf;
import static org.assertj.core.api.Assertions.assertThat;

import io.jasyncio.rewriter.testkit.ClassSet;
import io.jasyncio.rewriter.testkit.CompileOptions;
import io.jasyncio.rewriter.testkit.JavaSource;
import io.jasyncio.rewriter.testkit.RunOutcome;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.LocalVariableNode;
import org.objectweb.asm.tree.MethodNode;

/** Stack traces and debuggers still see the user's method, lines and local variables. */
class DebugInfoTest {
    static final JavaSource BOOM = Programs.source(
            "Boom",
            ""
                    + "public class Boom {\n"
                    + "  @Async static Coroutine<Integer> v(int x) { await(sleep(0)); return done(x); }\n"
                    + "  @Async static Coroutine<Integer> boom(int n, String label) {\n"
                    + "    int total = 0;\n"
                    + "    for (int i = 0; i < n; i++) {\n"
                    + "      total += await(v(i));\n"
                    + "    }\n"
                    + "    String text = label + total;\n"
                    + "    throw new IllegalStateException(text); // BOOM\n"
                    + "  }\n"
                    + "  static Object main() { return boom(3, \"t\"); }\n"
                    + "}\n");

    @Test
    void anExceptionAfterAnAwaitShowsTheUserMethodAndLine() {
        RunOutcome out = ClassSet.compile(CompileOptions.javac(17), BOOM)
                .rewrite()
                .verified()
                .run("Boom", "main");
        assertThat(out.end()).isEqualTo("threw: java.lang.IllegalStateException: t3");
        StackTraceElement top = out.failure().getStackTrace()[0];
        assertThat(top.getClassName()).isEqualTo("Boom");
        assertThat(top.getMethodName()).isEqualTo("boom");
        assertThat(top.getFileName()).isEqualTo("Boom.java");
        assertThat(top.getLineNumber()).isEqualTo(lineOf(BOOM, "BOOM"));
    }

    @Test
    void localVariableNamesAndIndicesAreKept() {
        ClassSet compiled = ClassSet.compile(CompileOptions.javac(17), BOOM);
        MethodNode before = method(compiled.bytes("Boom"), "boom", "(ILjava/lang/String;)Lio/jasyncio/Coroutine;");
        byte[] after = compiled.rewrite().verified().bytes("Boom");
        MethodNode body = method(after, "boom", "(Lio/jasyncio/internal/Frame;Lio/jasyncio/Task;)Ljava/lang/Object;");
        MethodNode factory = method(after, "boom", "(ILjava/lang/String;)Lio/jasyncio/Coroutine;");
        assertThat(describe(body))
                .isEqualTo(describe(before))
                .contains("n:I@0", "label:Ljava/lang/String;@1", "total:I@2", "i:I@3", "text:Ljava/lang/String;@3");
        assertThat(describe(factory)).containsExactlyInAnyOrder("n:I@0", "label:Ljava/lang/String;@1");
        assertThat(body.access & org.objectweb.asm.Opcodes.ACC_SYNTHETIC)
                .as("JaCoCo skips synthetic methods")
                .isZero();
    }

    private static List<String> describe(MethodNode m) {
        return m.localVariables.stream()
                .map((LocalVariableNode lv) -> lv.name + ":" + lv.desc + "@" + lv.index)
                .sorted()
                .collect(Collectors.toList());
    }

    private static MethodNode method(byte[] bytes, String name, String desc) {
        ClassNode node = new ClassNode();
        new ClassReader(bytes).accept(node, 0);
        return node.methods.stream()
                .filter(m -> m.name.equals(name) && m.desc.equals(desc))
                .findFirst()
                .orElseThrow();
    }
}
