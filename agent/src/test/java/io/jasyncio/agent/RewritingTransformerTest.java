package io.jasyncio.agent;

import static org.assertj.core.api.Assertions.assertThat;

import io.jasyncio.rewriter.RewriteResult;
import io.jasyncio.rewriter.Rewriter;
import java.io.IOException;
import java.io.InputStream;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.MethodNode;

/**
 * What the transformer gives the JVM for each kind of class, called directly as the JVM calls it.
 * The example classes are only read as bytes, never loaded: other tests of this JVM load them
 * after installing the agent.
 */
class RewritingTransformerTest {
    private final RewritingTransformer transformer = new RewritingTransformer(new AgentLog(false));
    private final ClassLoader app = getClass().getClassLoader();

    private byte[] transform(String internalName, byte[] bytes) {
        return transformer.transform(app, internalName, null, null, bytes);
    }

    private byte[] bytesOf(String internalName) throws IOException {
        try (InputStream in = app.getResourceAsStream(internalName + ".class")) {
            return in.readAllBytes();
        }
    }

    @Test
    void aClassWithoutAsyncIsLeftUntouched() throws Exception {
        assertThat(transform("example/MisuseMain", bytesOf("example/MisuseMain")))
                .isNull();
    }

    @Test
    void anAsyncClassIsRewrittenOnceAndItsRewrittenFormIsLeftAlone() throws Exception {
        byte[] original = bytesOf("example/Countdown");
        byte[] rewritten = transform("example/Countdown", original);
        assertThat(rewritten).isNotNull().isNotEqualTo(original);
        assertThat(Rewriter.mayNeedRewrite(rewritten)).as("marked as rewritten").isFalse();
        // What the Maven plugin wrote, loaded under the agent.
        assertThat(transform("example/Countdown", rewritten)).isNull();
    }

    @Test
    void theSameClassRedefinedIsRewrittenTheSameWay() throws Exception {
        byte[] original = bytesOf("example/Countdown");
        byte[] loaded = transform("example/Countdown", original);
        Class<?> stillLoaded = RewritingTransformerTest.class; // the JVM passes the class being redefined
        byte[] redefined = transformer.transform(app, "example/Countdown", stillLoaded, null, original);
        assertThat(redefined).isEqualTo(loaded);
    }

    @Test
    void aClassTheRewriterRefusesBecomesAFailingClassWithTheReason() throws Exception {
        byte[] failing = transform("example/Misuse", bytesOf("example/Misuse"));
        assertThat(failing).isNotNull();
        ClassNode node = new ClassNode();
        new ClassReader(failing).accept(node, 0);
        MethodNode clinit = node.methods.stream()
                .filter(m -> m.name.equals("<clinit>"))
                .findFirst()
                .orElseThrow();
        assertThat(clinit.instructions.toArray())
                .anySatisfy(insn -> assertThat(insn)
                        .isInstanceOfSatisfying(
                                org.objectweb.asm.tree.LdcInsnNode.class,
                                ldc -> assertThat((String) ldc.cst)
                                        .startsWith("jasyncio could not rewrite class example.Misuse: Misuse.java:")
                                        .contains("await inside a synchronized block")));
    }

    @Test
    void jdkClassesAndUnreadableBytesAreLeftToTheJvm() throws Exception {
        byte[] countdown = bytesOf("example/Countdown");
        assertThat(transformer.transform(null, "example/Countdown", null, null, countdown))
                .isNull();
        assertThat(transformer.transform(app, "java/lang/Fake", null, null, countdown))
                .isNull();
        byte[] garbage = {(byte) 0xCA, (byte) 0xFE, (byte) 0xBA, (byte) 0xBE, 1, 2};
        assertThat(new Rewriter(new LoaderTypeHierarchy(app)).rewrite(garbage).status())
                .isEqualTo(RewriteResult.Status.FAILED);
        assertThat(transformer.transform(app, "example/Garbage", null, null, garbage))
                .as("the JVM's ClassFormatError says it best")
                .isNull();
    }
}
