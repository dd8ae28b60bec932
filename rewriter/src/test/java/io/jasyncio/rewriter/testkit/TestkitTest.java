package io.jasyncio.rewriter.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jasyncio.rewriter.Diagnostic;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.InsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.TypeInsnNode;

/** The harness itself, without the rewriter: compilers, verification, loading, runs, references. */
class TestkitTest {
    static final JavaSource PLAIN = JavaSource.of(
            "p.Plain",
            String.join(
                    "\n",
                    "package p;",
                    "import io.jasyncio.rewriter.testkit.Trace;",
                    "public class Plain {",
                    "    interface Shape { int area(); }",
                    "    static int sum(int... xs) { int s = 0; for (int x : xs) { Trace.log(\"x=\" + x); s += x; } return s; }",
                    "    static Object main() {",
                    "        Shape sq = new Shape() { public int area() { return 4; } };",
                    "        return sum(1, 2, sq.area());",
                    "    }",
                    "    static Object boom() { throw new IllegalStateException(\"boom \" + sum(5)); }",
                    "}"));

    @Test
    void everyCompilerOfTheMatrixProducesItsClassFileVersionAndRuns() {
        for (CompileOptions options : CompileOptions.matrix()) {
            ClassSet classes = ClassSet.compile(options, PLAIN);
            assertThat(classes.names()).contains("p/Plain", "p/Plain$Shape", "p/Plain$1");
            int major = new ClassReader(classes.bytes("p/Plain")).readShort(6);
            assertThat(major).as("class file version from %s", options).isEqualTo(44 + options.release());
            ClassPathHierarchy hierarchy = new ClassPathHierarchy(classes.asMap());
            classes.names().forEach(n -> ClassVerification.verify(classes.bytes(n), hierarchy));
            classes.loadAll();
            RunOutcome outcome = classes.run("p.Plain", "main");
            assertThat(outcome.lines()).as("%s", options).containsExactly("x=1", "x=2", "x=4", "returned: 7");
        }
    }

    @Test
    void debugInfoFollowsTheOptions() {
        String withG =
                describe(ClassSet.compile(CompileOptions.javac(17), PLAIN).bytes("p/Plain"));
        String without = describe(
                ClassSet.compile(CompileOptions.ecj(17).withDebug(false), PLAIN).bytes("p/Plain"));
        assertThat(withG).contains("LocalVariableTable", "LineNumber");
        assertThat(without).doesNotContain("LocalVariableTable").doesNotContain("LineNumber");
    }

    private static String describe(byte[] bytes) {
        ClassNode node = new ClassNode();
        new ClassReader(bytes).accept(node, 0);
        StringBuilder sb = new StringBuilder();
        for (MethodNode m : node.methods) {
            if (m.localVariables != null && !m.localVariables.isEmpty()) {
                sb.append("LocalVariableTable ");
            }
            m.instructions.forEach(i -> {
                if (i instanceof org.objectweb.asm.tree.LineNumberNode) {
                    sb.append("LineNumber ");
                }
            });
        }
        return sb.toString();
    }

    @Test
    void aThrowingRunEndsWithTheException() {
        RunOutcome outcome = ClassSet.compile(CompileOptions.javac(8), PLAIN).run("p.Plain", "boom");
        assertThat(outcome.lines()).containsExactly("x=5", "threw: java.lang.IllegalStateException: boom 5");
        assertThat(outcome.failure()).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void compileErrorsShowTheMessageAndTheNumberedSource() {
        JavaSource bad = JavaSource.of("p.Bad", "package p;\nclass Bad { int x = \"no\"; }\n");
        assertThatThrownBy(() -> ClassSet.compile(CompileOptions.javac(17), bad))
                .isInstanceOf(CompilationFailed.class)
                .hasMessageContaining("p/Bad.java:2")
                .hasMessageContaining("   2  class Bad");
        assertThatThrownBy(() -> ClassSet.compile(CompileOptions.ecj(17), bad))
                .isInstanceOf(CompilationFailed.class)
                .hasMessageContaining("Type mismatch");
    }

    @Test
    void theVerifierRejectsABrokenMethodAndShowsTheFrames() {
        ClassSet classes = ClassSet.compile(CompileOptions.javac(17), PLAIN);
        ClassNode node = new ClassNode();
        new ClassReader(classes.bytes("p/Plain")).accept(node, 0);
        MethodNode main = node.methods.stream()
                .filter(m -> m.name.equals("main"))
                .findFirst()
                .orElseThrow();
        // A String where the code then calls Shape.area(): type-incorrect, structurally fine.
        main.instructions.insert(new InsnNode(Opcodes.POP));
        main.instructions.insert(new TypeInsnNode(Opcodes.NEW, "java/lang/String"));
        main.instructions.insert(new InsnNode(Opcodes.ACONST_NULL));
        ClassWriter w = new ClassWriter(ClassWriter.COMPUTE_MAXS);
        node.accept(w);
        ClassPathHierarchy hierarchy = new ClassPathHierarchy(classes.asMap());
        ClassVerification.verify(w.toByteArray(), hierarchy); // still valid: pushes and pops
        MethodNode sum = node.methods.stream()
                .filter(m -> m.name.equals("sum"))
                .findFirst()
                .orElseThrow();
        // int[] used as a String receiver: ASM's basic check accepts it, the type check must not.
        sum.instructions.insert(new InsnNode(Opcodes.POP));
        sum.instructions.insert(
                new org.objectweb.asm.tree.MethodInsnNode(Opcodes.INVOKEVIRTUAL, "java/lang/String", "length", "()I"));
        sum.instructions.insert(new org.objectweb.asm.tree.VarInsnNode(Opcodes.ALOAD, 0));
        ClassWriter broken = new ClassWriter(ClassWriter.COMPUTE_MAXS);
        node.accept(broken);
        assertThatThrownBy(() -> ClassVerification.verify(broken.toByteArray(), hierarchy))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("p/Plain.sum")
                .hasMessageContaining("INVOKEVIRTUAL java/lang/String.length");
    }

    @Test
    void theHierarchyReadsTheCompiledSetAndTheClassPathWithoutLoading() {
        ClassSet classes = ClassSet.compile(CompileOptions.javac(17), PLAIN);
        ClassPathHierarchy h = new ClassPathHierarchy(classes.asMap());
        assertThat(h.isInterface("p/Plain$Shape")).isTrue();
        assertThat(h.superName("p/Plain$1")).isEqualTo("java/lang/Object");
        assertThat(h.interfaces("p/Plain$1")).containsExactly("p/Plain$Shape");
        assertThat(h.superName("java/util/ArrayList")).isEqualTo("java/util/AbstractList");
        assertThat(h.isInterface("io/jasyncio/Awaitable")).isTrue();
        assertThatThrownBy(() -> h.superName("no/Such")).hasMessageContaining("no.Such");
    }

    @Test
    void theReferenceTwinRunsAgainstTheBlockingStandIn() {
        JavaSource program = JavaSource.of(
                "p.Ref",
                String.join(
                        "\n",
                        "package p;",
                        "import io.jasyncio.Async;",
                        "import io.jasyncio.Coroutine;",
                        "import io.jasyncio.rewriter.testkit.Trace;",
                        "import static io.jasyncio.AsyncIO.*;",
                        "public class Ref {",
                        "    @Async static Coroutine<Integer> twice(int x) throws java.io.IOException {",
                        "        await(sleep(0));",
                        "        if (x < 0) throw new java.io.IOException(\"negative\");",
                        "        return done(2 * x);",
                        "    }",
                        "    @Async static Coroutine<String> main() throws java.io.IOException {",
                        "        int a = await(twice(20)) + 2;",
                        "        Trace.log(\"a=\" + a);",
                        "        try { await(twice(-1)); } catch (java.io.IOException e) { Trace.log(\"caught \" + e.getMessage()); }",
                        "        io.jasyncio.Future<String> f = getRunningLoop().createFuture();",
                        "        f.setResult(\"set\");",
                        "        return done(await(f) + a);",
                        "    }",
                        "}"));
        JavaSource twin = ReferenceSources.blocking(program);
        assertThat(twin.code())
                .contains("import static io.jasyncio.rewriter.testkit.blocking.AsyncIO.*;")
                .contains("io.jasyncio.rewriter.testkit.blocking.Future<String>")
                .contains("import io.jasyncio.rewriter.testkit.Trace;");
        RunOutcome outcome = ClassSet.compile(CompileOptions.javac(8), twin).run("p.Ref", "main");
        assertThat(outcome.lines()).containsExactly("a=42", "caught negative", "returned: set42");
    }

    @Test
    void diagnosticAssertMatchesMessageAndLine() {
        Diagnostic d = new Diagnostic(Diagnostic.Severity.ERROR, "p.A", "A.java", "m", 7, "await inside synchronized");
        assertThat(DiagnosticAssert.assertError(List.of(d), "synchronized", 7)).isSameAs(d);
        assertThatThrownBy(() -> DiagnosticAssert.assertError(List.of(d), "synchronized", 8))
                .hasMessageContaining("line 8")
                .hasMessageContaining("A.java:7");
        assertThatThrownBy(() -> DiagnosticAssert.assertError(List.of(), "x", 1))
                .hasMessageContaining("no diagnostics");
        assertThat(DiagnosticAssert.lineOf(PLAIN, "static Object boom")).isEqualTo(10);
    }

    @Test
    void runOutcomeDiffMarksTheFirstDifference() {
        RunOutcome a = new RunOutcome(List.of("x", "y"), "returned: 1", null);
        RunOutcome b = new RunOutcome(List.of("x", "z"), "returned: 1", null);
        assertThat(a).isNotEqualTo(b).isEqualTo(new RunOutcome(List.of("x", "y"), "returned: 1", new Error()));
        assertThat(RunOutcome.diff("rewritten", a, "reference", b))
                .contains("=>1    y")
                .contains("# z");
    }
}
