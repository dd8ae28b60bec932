package io.jasyncio.rewriter;

import static io.jasyncio.rewriter.testkit.DiagnosticAssert.assertError;
import static io.jasyncio.rewriter.testkit.DiagnosticAssert.lineOf;
import static org.assertj.core.api.Assertions.assertThat;

import io.jasyncio.rewriter.testkit.ClassPathHierarchy;
import io.jasyncio.rewriter.testkit.ClassSet;
import io.jasyncio.rewriter.testkit.CompileOptions;
import io.jasyncio.rewriter.testkit.JavaSource;
import io.jasyncio.rewriter.testkit.RewrittenClasses;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AnnotationNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.MethodNode;

/** Every misuse is a build error naming File.java:line with a fix, all reported at once, nothing half-rewritten. */
class DiagnosticsTest {
    static final JavaSource BAD = Programs.source(
            "Bad",
            ""
                    + "public abstract class Bad {\n"
                    + "  static final Object LOCK = new Object();\n"
                    + "  @Async static Coroutine<Integer> v(int x) { return done(x); }\n"
                    + "  @Async static Coroutine<Integer> syncBlock() {\n"
                    + "    synchronized (LOCK) {\n"
                    + "      int a = await(v(1)); // SYNC-BLOCK\n"
                    + "      return done(a);\n"
                    + "    }\n"
                    + "  }\n"
                    + "  @Async synchronized Coroutine<Integer> syncMethod() {\n"
                    + "    return done(await(v(2))); // SYNC-METHOD\n"
                    + "  }\n"
                    + "  static int plain() {\n"
                    + "    return await(v(3)); // PLAIN\n"
                    + "  }\n"
                    + "  @Async static String notCoroutine() {\n"
                    + "    return \"x\"; // NOT-COROUTINE\n"
                    + "  }\n"
                    + "  @Async static Coroutine<Integer> lambda() {\n"
                    + "    java.util.function.Supplier<Integer> s = () -> await(v(4)); // LAMBDA\n"
                    + "    return done(s.get());\n"
                    + "  }\n"
                    + "  @Async static Coroutine<Integer> anonymous() {\n"
                    + "    java.util.concurrent.Callable<Integer> c = new java.util.concurrent.Callable<Integer>() {\n"
                    + "      public Integer call() { return await(v(5)); } // ANONYMOUS\n"
                    + "    };\n"
                    + "    return done(1);\n"
                    + "  }\n"
                    + "  @Async abstract Coroutine<Integer> abstractOne();\n"
                    + "  @Async native Coroutine<Integer> nativeOne();\n"
                    + "  @Async static Coroutine<Integer> reference() {\n"
                    + "    java.util.function.Function<Awaitable<Integer>, Integer> f = AsyncIO::await; // REFERENCE\n"
                    + "    return done(1);\n"
                    + "  }\n"
                    + "  @Async static Coroutine<Integer> returnsNull(boolean b) {\n"
                    + "    if (b) return done(1);\n"
                    + "    return null; // NULL\n"
                    + "  }\n"
                    + "}\n");

    @Test
    void everyMisuseIsReportedWithItsLineAndNothingIsRewritten() {
        for (CompileOptions options :
                List.of(CompileOptions.javac(8), CompileOptions.javac(17), CompileOptions.ecj(17))) {
            RewrittenClasses r = ClassSet.compile(options, BAD).rewrite();
            RewriteResult bad = r.result("Bad");
            assertThat(bad.bytes()).as("a class with errors is not rewritten").isNull();
            assertThat(bad.changed()).isFalse();
            assertError(bad, "await inside a synchronized block", lineOf(BAD, "SYNC-BLOCK"));
            assertError(bad, "await inside a synchronized method", lineOf(BAD, "SYNC-METHOD"));
            assertError(bad, "remove 'synchronized' from syncMethod", lineOf(BAD, "SYNC-METHOD"));
            assertError(
                    bad,
                    "await in method plain, which is not @Async: annotate plain with @Async",
                    lineOf(BAD, "PLAIN"));
            assertError(
                    bad,
                    "@Async method notCoroutine returns java.lang.String but must return" + " io.jasyncio.Coroutine<T>",
                    lineOf(BAD, "NOT-COROUTINE"));
            assertError(
                    bad,
                    "await inside a lambda whose functional interface method does not return Coroutine: only an"
                            + " async lambda may await; give the lambda a target type returning Coroutine<T>",
                    lineOf(BAD, "LAMBDA"));
            assertError(bad, "the method reference AsyncIO::await cannot be rewritten", lineOf(BAD, "REFERENCE"));
            assertError(
                    bad,
                    "an @Async method or async lambda must not return null: use 'return done(null);'",
                    lineOf(BAD, "NULL"));
            // No code, so no line: the diagnostic names the file and the method.
            // An abstract @Async method is a contract (as an abstract async def): nothing to rewrite, no error.
            assertThat(bad.diagnostics()).noneMatch(d -> d.toString().contains("abstractOne"));
            assertThat(bad.diagnostics())
                    .anyMatch(d -> d.line() == -1
                            && d.toString().startsWith("Bad.java: @Async method" + " nativeOne is native"));
            assertThat(bad.diagnostics()).hasSize(8);

            RewriteResult anonymous = r.result("Bad$1");
            assertThat(anonymous.bytes()).isNull();
            assertError(
                    anonymous,
                    "await in method call of an anonymous class, which is not @Async",
                    lineOf(BAD, "ANONYMOUS"));
            assertThat(anonymous.diagnostics().get(0).toString())
                    .startsWith("Bad.java:" + lineOf(BAD, "ANONYMOUS") + ": ");
        }
    }

    @Test
    void asyncOnAConstructorIsReported() throws Exception {
        JavaSource src = Programs.source(
                "Ctor", "" + "public class Ctor {\n" + "  Ctor() {\n" + "    super(); // CTOR\n" + "  }\n" + "}\n");
        ClassSet set = ClassSet.compile(CompileOptions.javac(17), src);
        ClassNode node = new ClassNode();
        new ClassReader(set.bytes("Ctor")).accept(node, 0);
        MethodNode init = node.methods.stream()
                .filter(m -> m.name.equals("<init>"))
                .findFirst()
                .orElseThrow();
        init.visibleAnnotations = List.of(new AnnotationNode("Lio/jasyncio/Async;"));
        ClassWriter w = new ClassWriter(0);
        node.accept(w);
        RewriteResult result = new Rewriter(new ClassPathHierarchy(set.asMap())).rewrite(w.toByteArray());
        assertThat(result.bytes()).isNull();
        assertError(result, "@Async cannot be put on a constructor", lineOf(src, "CTOR"));
    }

    @Test
    void classFilesOlderThanJava8AreRefused() {
        JavaSource src = Programs.source(
                "Old",
                ""
                        + "public class Old {\n"
                        + "  @Async static Coroutine<Integer> v(int x) { return done(x); }\n"
                        + "}\n");
        ClassSet set = ClassSet.compile(CompileOptions.javac(8), src);
        ClassNode node = new ClassNode();
        new ClassReader(set.bytes("Old")).accept(node, ClassReader.SKIP_FRAMES);
        node.version = Opcodes.V1_7;
        ClassWriter w = new ClassWriter(ClassWriter.COMPUTE_MAXS);
        node.accept(w);
        RewriteResult result = new Rewriter(new ClassPathHierarchy(set.asMap())).rewrite(w.toByteArray());
        assertThat(result.bytes()).isNull();
        assertThat(result.diagnostics())
                .singleElement()
                .satisfies(d -> assertThat(d.toString())
                        .isEqualTo(
                                "Old.java: class file version 51 (Java 7) is not supported: jasyncio rewrites class files of Java 8 (52)"
                                        + " to Java 25 (69); compile with --release 8 or newer"));
    }

    @Test
    void corruptInputIsADiagnosticNotAnException() {
        Rewriter rewriter = new Rewriter(new ClassPathHierarchy(java.util.Map.of()));
        byte[] truncated = java.util.Arrays.copyOf(
                ClassSet.compile(CompileOptions.javac(17), BAD).bytes("Bad"), 200);
        RewriteResult result = rewriter.rewrite(truncated);
        assertThat(result.bytes()).isNull();
        assertThat(result.hasErrors()).isTrue();
        assertThat(rewriter.rewrite(new byte[] {1, 2, 3}).hasErrors()).isTrue();
    }
}
