package io.jasyncio.rewriter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jasyncio.Coroutine;
import io.jasyncio.internal.Frame;
import io.jasyncio.rewriter.testkit.ClassPathHierarchy;
import io.jasyncio.rewriter.testkit.ClassSet;
import io.jasyncio.rewriter.testkit.CompileOptions;
import io.jasyncio.rewriter.testkit.JavaSource;
import java.lang.reflect.Method;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.AnnotationNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.InsnNode;
import org.objectweb.asm.tree.MethodNode;

/** The class-level contract: laziness, the marker, idempotence, determinism, the contract check, the prefilter. */
class ContractTest {
    static final JavaSource LAZY = Programs.source(
            "Lazy",
            ""
                    + "public class Lazy {\n"
                    + "  static final List<String> LOG = new ArrayList<>();\n"
                    + "  static { LOG.add(\"clinit\"); }\n"
                    + "  @Async static Coroutine<Integer> f(int x, String s) { LOG.add(\"body \" + x + s); return done(x); }\n"
                    + "  static int g() { return 1; }\n"
                    + "}\n");

    private static ClassSet rewritten(JavaSource src, CompileOptions options) {
        return ClassSet.compile(options, src).rewrite().verified();
    }

    @Test
    @SuppressWarnings("unchecked")
    void callingTheFactoryOnlyCapturesTheArguments() throws Exception {
        for (CompileOptions options : List.of(CompileOptions.javac(8), CompileOptions.javac(17))) {
            Class<?> lazy = Class.forName("Lazy", true, rewritten(LAZY, options).newLoader());
            Method f = lazy.getDeclaredMethod("f", int.class, String.class);
            f.setAccessible(true);
            Object coro = f.invoke(null, 7, "s");
            assertThat(coro).isInstanceOf(Frame.class).isInstanceOf(Coroutine.class);
            var log = lazy.getDeclaredField("LOG");
            log.setAccessible(true);
            assertThat((List<String>) log.get(null)).containsExactly("clinit");
            Frame<?> frame = (Frame<?>) coro;
            assertThat(frame.state).isZero();
            assertThat(frame.p0).isEqualTo(7L);
            assertThat(frame.r0).isEqualTo("s");
            assertThat(f.isAnnotationPresent(io.jasyncio.Async.class))
                    .as("the factory keeps @Async")
                    .isTrue();
        }
    }

    @Test
    void rewrittenClassesAreMarkedAndLeftAloneAfterwards() {
        ClassSet compiled = ClassSet.compile(CompileOptions.javac(17), LAZY);
        Rewriter rewriter = new Rewriter(new ClassPathHierarchy(compiled.asMap()));
        RewriteResult first = rewriter.rewrite(compiled.bytes("Lazy"));
        assertThat(first.changed()).isTrue();
        ClassNode node = new ClassNode();
        new ClassReader(first.bytes()).accept(node, 0);
        AnnotationNode mark = node.invisibleAnnotations.stream()
                .filter(a -> a.desc.equals("Lio/jasyncio/internal/Rewritten;"))
                .findFirst()
                .orElseThrow();
        assertThat(mark.values).containsExactly("version", Frame.CONTRACT_VERSION);
        assertThat(node.version).isEqualTo(Opcodes.V17);

        RewriteResult again = rewriter.rewrite(first.bytes());
        assertThat(again.changed()).isFalse();
        assertThat(again.bytes()).isSameAs(first.bytes());
        assertThat(Rewriter.mayNeedRewrite(first.bytes())).isFalse();

        RewriteResult repeat = new Rewriter(new ClassPathHierarchy(compiled.asMap())).rewrite(compiled.bytes("Lazy"));
        assertThat(repeat.bytes()).isEqualTo(first.bytes());
    }

    @Test
    void classesWithoutAsyncAreRecognisedFromTheConstantPool() {
        ClassSet compiled = ClassSet.compile(
                CompileOptions.javac(17),
                LAZY,
                Programs.source(
                        "Plain",
                        ""
                                + "public class Plain { int x() { return 1; } static Object y() { return AsyncIO.class; } }\n"),
                Programs.source("Misuse", "public class Misuse { Object x() { return await(sleep(1)); } }\n"));
        assertThat(Rewriter.mayNeedRewrite(compiled.bytes("Lazy"))).isTrue();
        assertThat(Rewriter.mayNeedRewrite(compiled.bytes("Plain"))).isFalse();
        assertThat(Rewriter.mayNeedRewrite(compiled.bytes("Misuse"))).isTrue();
        byte[] string;
        try (var in = Object.class.getResourceAsStream("/java/lang/String.class")) {
            string = in.readAllBytes();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        assertThat(Rewriter.mayNeedRewrite(string)).isFalse();
        Rewriter rewriter = new Rewriter(new ClassPathHierarchy(compiled.asMap()));
        byte[] plainBytes = compiled.bytes("Plain");
        RewriteResult plain = rewriter.rewrite(plainBytes);
        assertThat(plain.changed()).isFalse();
        assertThat(plain.bytes()).isSameAs(plainBytes);
        assertThat(plain.diagnostics()).isEmpty();
    }

    @Test
    void theRewriterEmitsTheRuntimesContractVersionAndSlotLayout() {
        assertThat(Names.CONTRACT_VERSION).isEqualTo(Frame.CONTRACT_VERSION);
        assertThat(SlotCode.INLINE_REFS).isEqualTo(Frame.INLINE_REFS);
        assertThat(SlotCode.INLINE_PRIMS).isEqualTo(Frame.INLINE_PRIMS);
    }

    @Test
    void aClassRewrittenForAnotherContractVersionFailsClearlyAtInitialisation() throws Exception {
        ClassSet set = rewritten(LAZY, CompileOptions.javac(17));
        ClassNode node = new ClassNode();
        new ClassReader(set.bytes("Lazy")).accept(node, 0);
        MethodNode clinit = node.methods.stream()
                .filter(m -> m.name.equals("<clinit>"))
                .findFirst()
                .orElseThrow();
        AbstractInsnNode first = clinit.instructions.getFirst();
        while (first.getOpcode() < 0) {
            first = first.getNext();
        }
        assertThat(first.getOpcode()).isEqualTo(Opcodes.ICONST_4);
        // a class rewritten by the previous rewriter, which stored the task in every frame
        clinit.instructions.set(first, new InsnNode(Opcodes.ICONST_3));
        ClassWriter w = new ClassWriter(0);
        node.accept(w);
        java.util.Map<String, byte[]> patched = new java.util.TreeMap<>(set.asMap());
        patched.put("Lazy", w.toByteArray());
        ClassLoader loader = new ClassLoader(ContractTest.class.getClassLoader()) {
            @Override
            protected Class<?> findClass(String name) throws ClassNotFoundException {
                byte[] b = patched.get(name);
                if (b == null) {
                    throw new ClassNotFoundException(name);
                }
                return defineClass(name, b, 0, b.length);
            }
        };
        assertThatThrownBy(() -> Class.forName("Lazy", true, loader))
                .isInstanceOf(IncompatibleClassChangeError.class)
                .hasMessageContaining("Lazy was rewritten by jasyncio for frame contract v3")
                .hasMessageContaining("this runtime provides v4");
    }
}
