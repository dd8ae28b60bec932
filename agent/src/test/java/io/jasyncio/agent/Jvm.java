package io.jasyncio.agent;

import io.jasyncio.AsyncIO;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs a program in a fresh JVM of the running JDK, for the tests that need a JVM of their own. */
final class Jvm {
    record Result(int exitCode, String out, String err) {
        @Override
        public String toString() {
            return "exit " + exitCode + "\n--- stdout\n" + out + "--- stderr\n" + err;
        }
    }

    private Jvm() {}

    /** The shaded agent jar built by this module's package phase (path given by failsafe). */
    static Path agentJar() {
        String jar = System.getProperty("jasyncio.agent.jar");
        if (jar == null || !Files.isRegularFile(Path.of(jar))) {
            throw new IllegalStateException("the shaded agent jar is missing (" + jar + "): run these tests with"
                    + " 'mvn verify', after 'package'");
        }
        return Path.of(jar);
    }

    static Path testClasses() {
        return codeSource(Jvm.class);
    }

    static Path runtimeClasses() {
        return codeSource(AsyncIO.class);
    }

    /** A jar of the test class path, found by its file name (e.g. {@code org.jacoco.agent}). */
    static Path classPathJar(String namePart) {
        return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .map(Path::of)
                .filter(p -> p.getFileName().toString().contains(namePart))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException(namePart + " is not on the test class path"));
    }

    static String classPath(Path... entries) {
        return String.join(
                File.pathSeparator, Arrays.stream(entries).map(Path::toString).toList());
    }

    static Result run(List<String> jvmOptions, String mainClass, String... args)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xverify:all");
        command.addAll(jvmOptions);
        command.add(mainClass);
        command.addAll(List.of(args));
        Path out = Files.createTempFile("jvm", ".out");
        Path err = Files.createTempFile("jvm", ".err");
        try {
            Process process = new ProcessBuilder(command)
                    .redirectOutput(out.toFile())
                    .redirectError(err.toFile())
                    .start();
            if (!process.waitFor(120, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("no answer in 120 s from " + command);
            }
            return new Result(
                    process.exitValue(),
                    Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    private static Path codeSource(Class<?> type) {
        try {
            return Path.of(
                    type.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (Exception e) {
            throw new IllegalStateException("cannot locate the classes of " + type, e);
        }
    }
}
