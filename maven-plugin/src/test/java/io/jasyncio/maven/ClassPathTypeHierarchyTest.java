package io.jasyncio.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jasyncio.rewriter.TypeHierarchy;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClassPathTypeHierarchyTest {
    static class Base {}

    static class Derived extends Base {}

    interface Shape {}

    @TempDir
    Path dir;

    private static String internal(Class<?> type) {
        return type.getName().replace('.', '/');
    }

    private static byte[] bytes(Class<?> type) throws Exception {
        try (InputStream in = type.getResourceAsStream("/" + internal(type) + ".class")) {
            return in.readAllBytes();
        }
    }

    @Test
    void readsDirectoriesJarsAndTheJdk() throws Exception {
        Path classes = dir.resolve("classes");
        Files.createDirectories(classes.resolve(internal(Derived.class)).getParent());
        Files.write(classes.resolve(internal(Derived.class) + ".class"), bytes(Derived.class));
        Path jar = dir.resolve("lib.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            out.putNextEntry(new JarEntry(internal(Shape.class) + ".class"));
            out.write(bytes(Shape.class));
        }
        try (ClassPathTypeHierarchy h = new ClassPathTypeHierarchy(List.of(
                classes.toString(), jar.toString(), dir.resolve("missing.jar").toString()))) {
            assertThat(h.superName(internal(Derived.class))).isEqualTo(internal(Base.class));
            assertThat(h.isInterface(internal(Derived.class))).isFalse();
            assertThat(h.isInterface(internal(Shape.class))).isTrue();
            assertThat(h.superName("java/util/ArrayList")).isEqualTo("java/util/AbstractList");
            assertThat(h.superName("java/lang/Object")).isNull();
            assertThatThrownBy(() -> h.superName(internal(Base.class)))
                    .isInstanceOf(TypeHierarchy.TypeNotFoundException.class)
                    .hasMessageContaining(Base.class.getName());
        }
    }

    @Test
    void multiReleaseJarsAnswerForTheRunningJdk() throws Exception {
        Path jar = dir.resolve("mr.jar");
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(new Attributes.Name("Multi-Release"), "true");
        String name = internal(Derived.class) + ".class";
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar), manifest)) {
            out.putNextEntry(new JarEntry(name));
            out.write(bytes(Base.class)); // the base entry says otherwise: superName java/lang/Object
            out.putNextEntry(new JarEntry("META-INF/versions/17/" + name));
            out.write(bytes(Derived.class));
        }
        try (ClassPathTypeHierarchy h = new ClassPathTypeHierarchy(List.of(jar.toString()))) {
            assertThat(h.superName(internal(Derived.class))).isEqualTo(internal(Base.class));
        }
    }
}
