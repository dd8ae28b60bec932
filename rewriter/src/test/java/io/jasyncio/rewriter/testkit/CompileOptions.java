package io.jasyncio.rewriter.testkit;

import java.util.ArrayList;
import java.util.List;

/**
 * How to compile: which compiler, which {@code --release}, with or without debug info
 * ({@code -g} / {@code -g:none}) and {@code -parameters}.
 */
public record CompileOptions(Compiler compiler, int release, boolean debug, boolean parameters) {

    public enum Compiler {
        JAVAC,
        ECJ
    }

    public CompileOptions {
        if (release < 8) {
            throw new IllegalArgumentException("release " + release + ": the rewriter takes Java 8 (52) and newer");
        }
        if (release > Runtime.version().feature()) {
            throw new IllegalArgumentException("release " + release + " is newer than this JDK ("
                    + Runtime.version().feature() + ")");
        }
    }

    public static CompileOptions javac(int release) {
        return new CompileOptions(Compiler.JAVAC, release, true, false);
    }

    public static CompileOptions ecj(int release) {
        return new CompileOptions(Compiler.ECJ, release, true, false);
    }

    public CompileOptions withDebug(boolean debug) {
        return new CompileOptions(compiler, release, debug, parameters);
    }

    public CompileOptions withParameters(boolean parameters) {
        return new CompileOptions(compiler, release, debug, parameters);
    }

    /**
     * The class-file matrix every corpus runs on: javac 8/11/17 with and without debug info,
     * ecj 8 and 17, and on a JDK 21+ also javac 21 (class files v65) and, on 25+, 25 (v69).
     */
    public static List<CompileOptions> matrix() {
        List<CompileOptions> all = new ArrayList<>(List.of(
                javac(8),
                javac(8).withDebug(false),
                javac(11).withParameters(true),
                javac(17),
                javac(17).withDebug(false).withParameters(true),
                ecj(8),
                ecj(17).withDebug(false)));
        int jdk = Runtime.version().feature();
        if (jdk >= 21) {
            all.add(javac(21));
        }
        if (jdk >= 25) {
            all.add(javac(25).withDebug(false));
            all.add(javac(25).withParameters(true));
        }
        return List.copyOf(all);
    }

    /** The command line the options stand for, e.g. {@code javac --release 8 -g:none}. */
    @Override
    public String toString() {
        return (compiler == Compiler.JAVAC ? "javac --release " : "ecj --release ")
                + release
                + (debug ? " -g" : " -g:none")
                + (parameters ? " -parameters" : "");
    }
}
