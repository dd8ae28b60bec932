package io.jasyncio.rewriter.differential;

import static org.assertj.core.api.Assertions.assertThat;

import io.jasyncio.rewriter.testkit.ClassSet;
import io.jasyncio.rewriter.testkit.CompileOptions;
import io.jasyncio.rewriter.testkit.DiagnosticAssert;
import io.jasyncio.rewriter.testkit.JavaSource;
import io.jasyncio.rewriter.testkit.RunOutcome;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.LocalVariableNode;
import org.objectweb.asm.tree.MethodNode;

/**
 * Faithful debugging after rewriting: a failure after an await points at the
 * user's method and line, and the LocalVariableTable keeps the user's names and types.
 */
class StackTraceAndLocalsTest {
    private static final JavaSource SOURCE = JavaSource.of("c.Debug", """
            package c;
            import io.jasyncio.*;
            import static io.jasyncio.AsyncIO.*;
            public class Debug {
                final String name = "dbg";
                @Async static Coroutine<Integer> fails(int count, long wide) {
                    int doubled = count * 2;
                    await(sleep(0));
                    String text = "x" + doubled + wide;
                    await(sleep(0));
                    if (text.length() > 1) {
                        throw new IllegalStateException("after awaits " + text); // THROW
                    }
                    return done(doubled);
                }
                @Async Coroutine<Integer> npe(String maybe) {
                    await(sleep(0));
                    String copy = maybe;
                    await(sleep(0));
                    return done(copy.length() + name.length()); // NPE
                }
                static Coroutine<Integer> main() { return fails(3, 4L); }
                static Coroutine<Integer> npeMain() { return new Debug().npe(null); }
            }
            """);

    static List<CompileOptions> withLines() {
        return List.of(CompileOptions.javac(8), CompileOptions.javac(17), CompileOptions.ecj(17));
    }

    @ParameterizedTest
    @MethodSource("withLines")
    void anExceptionAfterAnAwaitShowsTheUsersMethodAndLineOnTop(CompileOptions options) {
        ClassSet classes = ClassSet.compile(options, SOURCE).rewrite().verified();
        assertTop(classes.run("c.Debug", "main"), "fails", DiagnosticAssert.lineOf(SOURCE, "// THROW"));
        assertTop(classes.run("c.Debug", "npeMain"), "npe", DiagnosticAssert.lineOf(SOURCE, "// NPE"));
    }

    @ParameterizedTest
    @MethodSource("withLines")
    void withoutDebugInfoTheMethodNameStillShows(CompileOptions options) {
        ClassSet classes =
                ClassSet.compile(options.withDebug(false), SOURCE).rewrite().verified();
        RunOutcome outcome = classes.run("c.Debug", "main");
        assertThat(outcome.failure()).isInstanceOf(IllegalStateException.class);
        StackTraceElement top = outcome.failure().getStackTrace()[0];
        assertThat(top.getClassName() + "." + top.getMethodName()).isEqualTo("c.Debug.fails");
    }

    private static void assertTop(RunOutcome outcome, String method, int line) {
        assertThat(outcome.failure()).as(outcome.end()).isNotNull();
        StackTraceElement top = outcome.failure().getStackTrace()[0];
        assertThat(top.getClassName()).isEqualTo("c.Debug");
        assertThat(top.getMethodName()).isEqualTo(method);
        assertThat(top.getFileName()).isEqualTo("Debug.java");
        assertThat(top.getLineNumber()).as("line of %s", top).isEqualTo(line);
    }

    @ParameterizedTest
    @MethodSource("withLines")
    void localVariableNamesAndTypesSurvive(CompileOptions options) {
        ClassSet classes = ClassSet.compile(options, SOURCE).rewrite().verified();
        ClassNode node = new ClassNode();
        new ClassReader(classes.bytes("c/Debug")).accept(node, 0);
        assertThat(locals(body(node, "fails")))
                .containsEntry("count", "I")
                .containsEntry("wide", "J")
                .containsEntry("doubled", "I")
                .containsEntry("text", "Ljava/lang/String;");
        assertThat(locals(body(node, "npe")))
                .containsEntry("this", "Lc/Debug;")
                .containsEntry("maybe", "Ljava/lang/String;")
                .containsEntry("copy", "Ljava/lang/String;");
    }

    /** The rewritten body: the method of that name taking the frame. */
    private static MethodNode body(ClassNode node, String name) {
        return node.methods.stream()
                .filter(m ->
                        m.name.equals(name) && m.desc.startsWith("(Lio/jasyncio/internal/Frame;Lio/jasyncio/Task;)"))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no body method " + name + " in " + node.name));
    }

    private static Map<String, String> locals(MethodNode m) {
        Map<String, String> names = new TreeMap<>();
        if (m.localVariables != null) {
            for (LocalVariableNode v : m.localVariables) {
                names.put(v.name, v.desc);
            }
        }
        return names;
    }
}
