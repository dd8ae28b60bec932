package io.jasyncio.rewriter;

import static org.assertj.core.api.Assertions.assertThat;

import io.jasyncio.rewriter.testkit.ClassSet;
import io.jasyncio.rewriter.testkit.CompileOptions;
import io.jasyncio.rewriter.testkit.JavaSource;
import io.jasyncio.rewriter.testkit.RewrittenClasses;
import java.io.ObjectStreamClass;
import java.io.Serializable;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A Serializable class without an explicit serialVersionUID keeps the default UID it had before
 * the rewrite (which adds a static initialiser and body methods, so the computed default would
 * change): streams written by the plain build can be read by the rewritten one.
 */
class SerialUidTest {
    static final JavaSource SOURCE = JavaSource.of(
            "s.Ser",
            ""
                    + "package s;\n" + Programs.HEADER + "import java.io.*;\n"
                    + "public class Ser implements Serializable, Comparable<Ser> {\n"
                    + "  int a; transient int t; private static int ps; protected String name = \"x\"; public volatile long v;\n"
                    + "  private transient String pt; private int pi;\n"
                    + "  public Ser() { } protected Ser(int a) { this.a = a; } private Ser(String s) { }\n"
                    + "  @Async Coroutine<Integer> work(int x) { await(sleep(0)); return done(a + x); }\n"
                    + "  @Async public static Coroutine<Integer> work(long x) { await(sleep(0)); return done((int) x); }\n"
                    + "  private void priv() { }\n"
                    + "  public synchronized void pub() { }\n"
                    + "  public int compareTo(Ser o) { return 0; }\n"
                    + "  public static final class Nested implements Serializable {\n"
                    + "    final String s = \"n\";\n"
                    + "    @Async static Coroutine<String> m() { await(sleep(0)); return done(\"m\"); }\n"
                    + "    Nested() { } Nested(int x) { }\n"
                    + "  }\n"
                    + "  class Inner extends Ser {\n"
                    + "    @Async Coroutine<Integer> i() { return done(await(work(1)) + a); }\n"
                    + "    Runnable r() { return () -> System.out.println(a); }\n"
                    + "  }\n"
                    + "  static final class WithClinit implements Serializable {\n"
                    + "    static final Object O = new Object();\n"
                    + "    @Async static Coroutine<Object> o() { await(sleep(0)); return done(O); }\n"
                    + "  }\n"
                    + "  public abstract static class Ext implements Externalizable {\n"
                    + "    public void writeExternal(ObjectOutput out) { } public void readExternal(ObjectInput in) { }\n"
                    + "    @Async abstract Coroutine<String> abstractOne();\n"
                    + "    @Async Coroutine<String> concrete() { return done(await(abstractOne()) + \"!\"); }\n"
                    + "  }\n"
                    + "  private static class PrivateNested extends ArrayList<String> {\n"
                    + "    @Async Coroutine<Integer> count() { await(sleep(0)); return done(size()); }\n"
                    + "  }\n"
                    + "  protected interface Api extends Serializable { @Async default Coroutine<String> d() { await(sleep(0)); return done(\"d\"); } }\n"
                    + "  static class Implementer implements Api { }\n"
                    + "  static class ApiUser implements Api { @Async Coroutine<String> u() { return done(await(d()) + 1); } }\n"
                    + "  static class Explicit implements Serializable {\n"
                    + "    private static final long serialVersionUID = 42L;\n"
                    + "    @Async Coroutine<String> e() { await(sleep(0)); return done(\"e\"); }\n"
                    + "  }\n"
                    + "  static class Plain {\n"
                    + "    @Async Coroutine<String> p() { await(sleep(0)); return done(\"p\"); }\n"
                    + "  }\n"
                    + "}\n");

    @Test
    void rewrittenSerializableClassesKeepTheirDefaultUid() throws Exception {
        List<CompileOptions> options = new ArrayList<>(List.of(
                CompileOptions.javac(8),
                CompileOptions.javac(17).withDebug(false).withParameters(true),
                CompileOptions.ecj(8),
                CompileOptions.ecj(17)));
        options.add(CompileOptions.javac(Runtime.version().feature()));
        for (CompileOptions o : options) {
            ClassSet original = ClassSet.compile(o, SOURCE);
            RewrittenClasses rewritten = original.rewrite();
            ClassSet verified = rewritten.verified();
            ClassLoader before = original.newLoader();
            ClassLoader after = verified.loadAll();
            List<String> compared = new ArrayList<>();
            for (String name : original.names()) {
                Class<?> was = Class.forName(name.replace('/', '.'), false, before);
                Class<?> now = Class.forName(name.replace('/', '.'), false, after);
                if (!Serializable.class.isAssignableFrom(was) || was.isInterface()) {
                    assertThat(Arrays.stream(now.getDeclaredFields()).map(Field::getName))
                            .as("%s (%s): not Serializable, no field added", name, o)
                            .doesNotContain("serialVersionUID");
                    continue;
                }
                assertThat(ObjectStreamClass.lookup(now).getSerialVersionUID())
                        .as("%s (%s)", name, o)
                        .isEqualTo(ObjectStreamClass.lookup(was).getSerialVersionUID());
                if (rewritten.result(name).changed()) {
                    Field f = now.getDeclaredField("serialVersionUID");
                    assertThat(f.getModifiers()).isEqualTo(Modifier.PRIVATE | Modifier.STATIC | Modifier.FINAL);
                    compared.add(name);
                }
            }
            assertThat(compared)
                    .as(o.toString())
                    .contains(
                            "s/Ser",
                            "s/Ser$Nested",
                            "s/Ser$Inner",
                            "s/Ser$WithClinit",
                            "s/Ser$Ext",
                            "s/Ser$PrivateNested",
                            "s/Ser$ApiUser",
                            "s/Ser$Explicit");
            Class<?> explicit = Class.forName("s.Ser$Explicit", false, after);
            assertThat(ObjectStreamClass.lookup(explicit).getSerialVersionUID()).isEqualTo(42L);
        }
    }

    /** The rewrite would change the default UID of a class without static initialiser: the test above can fail. */
    @Test
    void withoutTheFieldTheDefaultUidWouldChange() throws Exception {
        ClassSet original = ClassSet.compile(CompileOptions.javac(17), SOURCE);
        byte[] bytes = original.rewrite().result("s/Ser").bytes();
        org.objectweb.asm.tree.ClassNode node = new org.objectweb.asm.tree.ClassNode();
        new org.objectweb.asm.ClassReader(bytes).accept(node, 0);
        node.fields.removeIf(f -> f.name.equals("serialVersionUID"));
        org.objectweb.asm.tree.ClassNode was = new org.objectweb.asm.tree.ClassNode();
        new org.objectweb.asm.ClassReader(original.bytes("s/Ser")).accept(was, 0);
        assertThat(SerialUid.defaultUid(node)).isNotEqualTo(SerialUid.defaultUid(was));
        Class<?> c = Class.forName("s.Ser", false, original.newLoader());
        assertThat(SerialUid.defaultUid(was))
                .isEqualTo(ObjectStreamClass.lookup(c).getSerialVersionUID());
    }
}
