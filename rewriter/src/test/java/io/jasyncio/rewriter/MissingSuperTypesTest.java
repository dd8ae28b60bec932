package io.jasyncio.rewriter;

import static org.assertj.core.api.Assertions.assertThat;

import io.jasyncio.rewriter.testkit.ClassPathHierarchy;
import io.jasyncio.rewriter.testkit.ClassSet;
import io.jasyncio.rewriter.testkit.ClassVerification;
import io.jasyncio.rewriter.testkit.CompileOptions;
import io.jasyncio.rewriter.testkit.JavaSource;
import io.jasyncio.rewriter.testkit.RunOutcome;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A super type missing from the rewriter's class path (a provided dependency, a loader that
 * hides its resources) stops the rewrite only when the frames need it: merging two subclasses
 * of the missing class, or a subclass with itself, does not.
 */
class MissingSuperTypesTest {
    static final JavaSource BASE = JavaSource.of(
            "lib.Base",
            ""
                    + "package lib;\n"
                    + "public abstract class Base extends Middle { public String name() { return getClass().getSimpleName(); } }\n");
    static final JavaSource MIDDLE = JavaSource.of("lib.Middle", "package lib;\npublic abstract class Middle { }\n");
    static final JavaSource APP = JavaSource.of(
            "app.C",
            ""
                    + "package app;\n" + Programs.HEADER
                    + "public class C extends lib.Base {\n"
                    + "  static class D extends lib.Base { }\n"
                    + "  static final class E extends D { }\n"
                    + "  @Async Coroutine<String> merge(int k) {\n"
                    + "    lib.Base b = k == 0 ? this : k == 1 ? new D() : new E();\n"
                    + "    D d = k == 2 ? new E() : new D();\n"
                    + "    await(sleep(0));\n"
                    + "    return done(b.name() + \" \" + d.name() + \" \" + name());\n"
                    + "  }\n"
                    + "  Object plain(boolean k) { return k ? \"s\" : Integer.valueOf(1); }\n"
                    + "  static Object main() { return new C().all(); }\n"
                    + "  @Async Coroutine<String> all() {\n"
                    + "    String out = \"\";\n"
                    + "    for (int k = 0; k < 3; k++) { out += await(merge(k)) + \";\"; }\n"
                    + "    Trace.log(out + plain(true));\n"
                    + "    return done(out);\n"
                    + "  }\n"
                    + "}\n");
    static final JavaSource NEEDS_IT = JavaSource.of(
            "app.NeedsIt",
            ""
                    + "package app;\n" + Programs.HEADER
                    + "public class NeedsIt extends lib.Base {\n"
                    + "  @Async Coroutine<String> mix(boolean k) {\n"
                    + "    Object o = k ? this : \"str\";\n"
                    + "    await(sleep(0));\n"
                    + "    return done(o.toString());\n"
                    + "  }\n"
                    + "}\n");

    @Test
    void aMissingSuperTypeAboveEveryJoinDoesNotMatter() {
        for (CompileOptions options :
                List.of(CompileOptions.javac(8), CompileOptions.javac(17).withDebug(false), CompileOptions.ecj(17))) {
            ClassSet compiled = ClassSet.compile(options, BASE, MIDDLE, APP);
            Map<String, byte[]> withoutLib = new HashMap<>(compiled.asMap());
            withoutLib.remove("lib/Base");
            withoutLib.remove("lib/Middle");
            Rewriter rewriter = new Rewriter(new ClassPathHierarchy(withoutLib));
            Map<String, byte[]> out = new HashMap<>(compiled.asMap());
            for (String name : List.of("app/C", "app/C$D", "app/C$E")) {
                RewriteResult r = rewriter.rewrite(compiled.bytes(name));
                assertThat(r.diagnostics()).as(options.toString()).isEmpty();
                if (name.equals("app/C")) {
                    assertThat(r.changed()).isTrue();
                    ClassVerification.verify(r.bytes(), new ClassPathHierarchy(compiled.asMap()));
                    out.put(name, r.bytes());
                }
            }
            RunOutcome run = compiled.withClasses(out).run("app.C", "main");
            assertThat(run.trace()).as(options.toString()).containsExactly("C D C;D D C;E E C;s");
        }
    }

    @Test
    void aMissingSuperTypeTheFramesNeedIsReported() {
        ClassSet compiled = ClassSet.compile(CompileOptions.javac(17), BASE, MIDDLE, NEEDS_IT);
        Map<String, byte[]> withoutBase = new HashMap<>(compiled.asMap());
        withoutBase.remove("lib/Base");
        RewriteResult r = new Rewriter(new ClassPathHierarchy(withoutBase)).rewrite(compiled.bytes("app/NeedsIt"));
        assertThat(r.bytes()).isNull();
        assertThat(r.diagnostics())
                .singleElement()
                .asString()
                .startsWith("NeedsIt.java:")
                .contains(
                        "type not found on the class path: lib.Base: the rewriter needs it to compute stack map frames");
    }
}
