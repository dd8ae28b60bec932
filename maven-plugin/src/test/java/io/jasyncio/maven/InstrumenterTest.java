package io.jasyncio.maven;

import static org.assertj.core.api.Assertions.assertThat;

import io.jasyncio.maven.fixtures.Locked;
import io.jasyncio.maven.fixtures.Merge;
import io.jasyncio.maven.fixtures.Merger;
import io.jasyncio.maven.fixtures.Plain;
import io.jasyncio.maven.fixtures.Sleeper;
import io.jasyncio.rewriter.TypeHierarchy;
import java.io.File;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The plugin's work on a real output directory, with the real rewriter. */
class InstrumenterTest {
    @TempDir
    Path target;

    Path classes;
    Path state;
    private ClassPathTypeHierarchy hierarchy;

    @BeforeEach
    void setUp() throws Exception {
        classes = Files.createDirectories(target.resolve("classes"));
        state = target.resolve("jasyncio/instrument.state");
        hierarchy = new ClassPathTypeHierarchy(
                Arrays.asList(System.getProperty("java.class.path").split(File.pathSeparator)));
    }

    private Path put(Class<?> type) throws Exception {
        String name = type.getName().replace('.', '/') + ".class";
        Path file = classes.resolve(name);
        Files.createDirectories(file.getParent());
        try (InputStream in = type.getClassLoader().getResourceAsStream(name)) {
            Files.write(file, in.readAllBytes());
        }
        return file;
    }

    private InstrumentReport run(boolean incremental) throws Exception {
        return new Instrumenter(classes, state, "test", hierarchy).run(incremental);
    }

    @Test
    void aNewRewriterStartsAgainFromTheCompilersVersion() throws Exception {
        // Upgrading jasyncio without a clean build: the class files the old rewriter left are
        // rewritten again from the saved compiler output, not refused as already rewritten.
        Path sleeper = put(Sleeper.class);
        byte[] compiled = Files.readAllBytes(sleeper);
        assertThat(run(true).rewritten).containsExactly("io/jasyncio/maven/fixtures/Sleeper.class");
        byte[] rewritten = Files.readAllBytes(sleeper);

        InstrumentReport upgraded = new Instrumenter(classes, state, "another rewriter", hierarchy).run(true);
        assertThat(upgraded.errors).isEmpty();
        assertThat(upgraded.upToDate).isZero();
        assertThat(upgraded.scanned).isEqualTo(1);
        // rewritten from the compiler's version (kept for the next build; a class refused as
        // already rewritten would have lost it), to the same bytes here since the code is the same
        Path original = target.resolve("jasyncio/instrument.originals/io/jasyncio/maven/fixtures/Sleeper.class");
        assertThat(Files.readAllBytes(original)).isEqualTo(compiled);
        assertThat(Files.readAllBytes(sleeper)).isEqualTo(rewritten).isNotEqualTo(compiled);

        // and the run after it, with the same new rewriter, has nothing to do
        assertThat(new Instrumenter(classes, state, "another rewriter", hierarchy).run(true).upToDate)
                .isEqualTo(1);
    }

    @Test
    void rewritesAsyncClassesOnlyAndASecondRunHasNothingToDo() throws Exception {
        Path sleeper = put(Sleeper.class);
        Path plain = put(Plain.class);
        byte[] plainBefore = Files.readAllBytes(plain);
        byte[] sleeperBefore = Files.readAllBytes(sleeper);

        InstrumentReport first = run(true);
        assertThat(first.errors).isEmpty();
        assertThat(first.rewritten).containsExactly("io/jasyncio/maven/fixtures/Sleeper.class");
        assertThat(first.scanned).isEqualTo(2);
        assertThat(Files.readAllBytes(plain)).isEqualTo(plainBefore);
        byte[] rewritten = Files.readAllBytes(sleeper);
        assertThat(rewritten).isNotEqualTo(sleeperBefore);

        InstrumentReport second = run(true);
        assertThat(second.scanned).isZero();
        assertThat(second.upToDate).isEqualTo(2);
        assertThat(second.summary("target/classes"))
                .isEqualTo("jasyncio: all 2 class files in target/classes are up to date, nothing to rewrite");

        // Without the state, the rewritten class goes through the rewriter again: not a byte changes.
        InstrumentReport again = run(false);
        assertThat(again.scanned).isEqualTo(2);
        assertThat(again.rewritten).isEmpty();
        assertThat(Files.readAllBytes(sleeper)).isEqualTo(rewritten);
    }

    @Test
    void aRecompiledClassIsRewrittenAgain() throws Exception {
        put(Sleeper.class);
        run(true);
        Path sleeper = put(Sleeper.class); // javac wrote it again
        Files.setLastModifiedTime(sleeper, FileTime.fromMillis(System.currentTimeMillis() + 5_000));
        InstrumentReport report = run(true);
        assertThat(report.rewritten).containsExactly("io/jasyncio/maven/fixtures/Sleeper.class");
    }

    /**
     * A dependency's super type changes while the class using it is not compiled again: the
     * class is rewritten again, from the compiler's version kept beside the state, with the new
     * hierarchy; the result is what a clean build gives.
     */
    @Test
    void aChangedSuperTypeOfADependencyRewritesTheClassAgain() throws Exception {
        Path merger = put(Merger.class);
        byte[] compiled = Files.readAllBytes(merger);
        assertThat(run(true).rewritten).containsExactly("io/jasyncio/maven/fixtures/Merger.class");
        byte[] first = Files.readAllBytes(merger);
        assertThat(run(true).upToDate).isEqualTo(1);

        // Merger$Right now extends Object instead of Merger$Base (a new version of the dependency).
        Path dependency = Files.createDirectories(target.resolve("dependency"));
        String right = "io/jasyncio/maven/fixtures/Merger$Right.class";
        org.objectweb.asm.ClassReader reader;
        try (InputStream in = Merger.class.getClassLoader().getResourceAsStream(right)) {
            reader = new org.objectweb.asm.ClassReader(in.readAllBytes());
        }
        org.objectweb.asm.ClassWriter writer = new org.objectweb.asm.ClassWriter(0);
        reader.accept(
                new org.objectweb.asm.ClassVisitor(org.objectweb.asm.Opcodes.ASM9, writer) {
                    @Override
                    public void visit(
                            int version,
                            int access,
                            String name,
                            String signature,
                            String superName,
                            String[] interfaces) {
                        super.visit(version, access, name, signature, "java/lang/Object", interfaces);
                    }
                },
                0);
        Files.createDirectories(dependency.resolve(right).getParent());
        Files.write(dependency.resolve(right), writer.toByteArray());
        List<String> path = new java.util.ArrayList<>(List.of(dependency.toString()));
        path.addAll(Arrays.asList(System.getProperty("java.class.path").split(File.pathSeparator)));
        ClassPathTypeHierarchy changed = new ClassPathTypeHierarchy(path);

        InstrumentReport report = new Instrumenter(classes, state, "test", changed).run(true);
        assertThat(report.errors).isEmpty();
        assertThat(report.scanned).isEqualTo(1);
        assertThat(report.rewritten).containsExactly("io/jasyncio/maven/fixtures/Merger.class");
        byte[] again = Files.readAllBytes(merger);
        assertThat(again)
                .isNotEqualTo(first)
                .isEqualTo(new io.jasyncio.rewriter.Rewriter(changed)
                        .rewrite(compiled)
                        .bytes());
        assertThat(new Instrumenter(classes, state, "test", changed).run(true).upToDate)
                .isEqualTo(1);

        // Back to the old dependency: the first result again.
        assertThat(run(true).rewritten).containsExactly("io/jasyncio/maven/fixtures/Merger.class");
        assertThat(Files.readAllBytes(merger)).isEqualTo(first);
        // A clean, non-incremental run changes nothing.
        assertThat(run(false).rewritten).isEmpty();
        assertThat(Files.readAllBytes(merger)).isEqualTo(first);
    }

    @Test
    void everyMisuseIsListedAsFileLineMessageAndTheClassIsLeftAlone() throws Exception {
        Path locked = put(Locked.class);
        byte[] before = Files.readAllBytes(locked);
        InstrumentReport report = run(true);
        assertThat(report.errors).hasSize(2).allMatch(e -> e.matches("Locked\\.java:\\d+: .+"));
        assertThat(report.errors.get(0)).isNotEqualTo(report.errors.get(1));
        assertThat(Files.readAllBytes(locked)).isEqualTo(before);
        // Not recorded as done: the next build reports them again.
        assertThat(run(true).errors).hasSize(2);
    }

    @Test
    void aTruncatedClassFileIsReportedByItsPathAndLeftUnchanged() throws Exception {
        Path sleeper = put(Sleeper.class);
        byte[] whole = Files.readAllBytes(sleeper);
        byte[] truncated = Arrays.copyOf(whole, whole.length / 2);
        Files.write(sleeper, truncated);
        InstrumentReport report = run(true);
        assertThat(report.errors).hasSize(1);
        assertThat(report.errors.get(0)).startsWith(sleeper + ": ");
        assertThat(Files.readAllBytes(sleeper)).isEqualTo(truncated);
    }

    @Test
    void aClassFileFromANewerJavaIsReportedByItsPath() throws Exception {
        Path sleeper = put(Sleeper.class);
        byte[] future = Files.readAllBytes(sleeper);
        future[6] = 0;
        future[7] = 99;
        Files.write(sleeper, future);
        InstrumentReport report = run(true);
        assertThat(report.errors).hasSize(1);
        assertThat(report.errors.get(0)).startsWith(sleeper + ": ").doesNotContain("Exception");
        assertThat(Files.readAllBytes(sleeper)).isEqualTo(future);
    }

    @Test
    void aFailureOfTheRewriterItselfIsReportedByPathAndTheOtherClassesAreStillRewritten() throws Exception {
        Path merge = put(Merge.class);
        Path sleeper = put(Sleeper.class);
        byte[] before = Files.readAllBytes(merge);
        TypeHierarchy broken = new TypeHierarchy() {
            @Override
            public String superName(String internalName) {
                if (internalName.equals("java/lang/Integer")) {
                    throw new NoClassDefFoundError("a bug below the rewriter");
                }
                return hierarchy.superName(internalName);
            }

            @Override
            public boolean isInterface(String internalName) {
                return hierarchy.isInterface(internalName);
            }
        };
        InstrumentReport report = new Instrumenter(classes, state, "test", broken).run(true);
        assertThat(report.errors)
                .singleElement()
                .asString()
                .startsWith(merge + ": internal rewriter error (please"
                        + " report it): java.lang.NoClassDefFoundError: a bug below the rewriter");
        assertThat(Files.readAllBytes(merge)).isEqualTo(before);
        assertThat(report.rewritten)
                .containsExactly(classes.relativize(sleeper).toString().replace('\\', '/'));
    }

    @Test
    void leftoversOfAnInterruptedRunAreRemoved() throws Exception {
        put(Plain.class);
        Path leftover = classes.resolve("io/jasyncio/maven/fixtures/Sleeper.class" + AtomicFiles.TEMP_SUFFIX);
        Files.write(leftover, new byte[] {1, 2});
        run(true);
        assertThat(leftover).doesNotExist();
        try (var files = Files.walk(classes)) {
            assertThat(files.filter(Files::isRegularFile)
                            .map(p -> p.getFileName().toString())
                            .toList())
                    .isEqualTo(List.of("Plain.class"));
        }
    }
}
