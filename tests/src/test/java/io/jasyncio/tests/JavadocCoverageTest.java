package io.jasyncio.tests;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.ModifiersTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.DocTrees;
import com.sun.source.util.JavacTask;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreePathScanner;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.lang.model.element.Modifier;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;

/**
 * Every public or protected type, constructor, method and field of the runtime's API has a
 * javadoc comment. (The compiler's doclint checks what the comments say, with warnings as
 * errors; this test checks that none is missing, without demanding an {@code @param} line for
 * every parameter that the sentence already explains.)
 */
class JavadocCoverageTest {
    /** The runtime module's sources, from this module's directory (where the build runs its tests). */
    private static final Path SOURCES = Path.of("../runtime/src/main/java");

    @Test
    void everyPublicOrProtectedMemberHasAComment() throws IOException {
        List<JavaFileObject> files;
        try (Stream<Path> walk = Files.walk(SOURCES)) {
            files = walk.filter(p -> p.toString().endsWith(".java") && !p.endsWith("module-info.java"))
                    .map(JavadocCoverageTest::source)
                    .collect(Collectors.toList());
        }
        assertThat(files).hasSizeGreaterThan(50);
        assertThat(undocumented(files))
                .as("public or protected API without a javadoc comment")
                .isEmpty();
    }

    @Test
    void aMissingCommentIsFound() throws IOException {
        JavaFileObject file = new SimpleJavaFileObject(URI.create("string:///p/A.java"), JavaFileObject.Kind.SOURCE) {
            @Override
            public CharSequence getCharContent(boolean ignoreEncodingErrors) {
                return "package p;\n/** A. */\npublic class A {\n    /** Documented. */\n    public void ok() {}\n"
                        + "    public void bare() {}\n    void hidden() {}\n    public int field;\n"
                        + "    @Override public String toString() { return \"\"; }\n"
                        + "    private static class Inner { public void notApi() {} }\n}\n";
            }
        };
        assertThat(undocumented(List.of(file))).containsExactly("p.A.bare()", "p.A.field");
    }

    private static JavaFileObject source(Path p) {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        return javac.getStandardFileManager(null, null, null)
                .getJavaFileObjects(p.toFile())
                .iterator()
                .next();
    }

    /** The API members of {@code files} without a doc comment, as {@code pkg.Type.member}. */
    private static List<String> undocumented(List<JavaFileObject> files) throws IOException {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        JavacTask task = (JavacTask) javac.getTask(null, null, d -> {}, List.of("-proc:none"), null, files);
        DocTrees docs = DocTrees.instance(task);
        List<String> missing = new ArrayList<>();
        for (CompilationUnitTree unit : task.parse()) {
            String pkg = unit.getPackageName() == null ? "" : unit.getPackageName() + ".";
            new TreePathScanner<Void, String>() {
                @Override
                public Void visitClass(ClassTree node, String outer) {
                    if (!isApi(node.getModifiers(), outer)) {
                        return null; // nothing inside a hidden type is API
                    }
                    String name = (outer == null ? pkg : outer + ".") + node.getSimpleName();
                    check(name);
                    return super.visitClass(node, name);
                }

                @Override
                public Void visitMethod(MethodTree node, String owner) {
                    if (isApi(node.getModifiers(), owner) && !isImplicit(node) && !overrides(node)) {
                        String n = node.getName().contentEquals("<init>")
                                ? "<init>"
                                : node.getName().toString();
                        check(owner + "." + n + "("
                                + node.getParameters().stream()
                                        .map(v -> v.getType().toString())
                                        .collect(Collectors.joining(", "))
                                + ")");
                    }
                    return null;
                }

                @Override
                public Void visitVariable(VariableTree node, String owner) {
                    if (isApi(node.getModifiers(), owner)) {
                        check(owner + "." + node.getName());
                    }
                    return null;
                }

                private void check(String what) {
                    if (docs.getDocComment(getCurrentPath()) == null) {
                        missing.add(what);
                    }
                }

                /** An {@code @Override} inherits the overridden method's comment, as javadoc shows it. */
                private boolean overrides(MethodTree node) {
                    return node.getModifiers().getAnnotations().stream()
                            .anyMatch(a -> a.getAnnotationType().toString().equals("Override"));
                }

                private boolean isImplicit(MethodTree node) {
                    // a record's compact canonical constructor is documented by the record's @param tags
                    TreePath parent = getCurrentPath().getParentPath();
                    return parent.getLeaf().getKind() == Tree.Kind.RECORD
                            && node.getName().contentEquals("<init>")
                            && node.getParameters().isEmpty();
                }
            }.scan(unit, null);
        }
        return missing;
    }

    /** Public or protected; members of an interface are public unless private. */
    private static boolean isApi(ModifiersTree modifiers, String owner) {
        if (modifiers.getFlags().contains(Modifier.PUBLIC)
                || modifiers.getFlags().contains(Modifier.PROTECTED)) {
            return true;
        }
        return false;
    }
}
