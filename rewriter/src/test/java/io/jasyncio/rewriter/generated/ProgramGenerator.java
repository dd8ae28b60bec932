package io.jasyncio.rewriter.generated;

import io.jasyncio.rewriter.testkit.JavaSource;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes one random {@code @Async} method from {@link Choices}: locals and parameters of every
 * primitive type, a String and an int array, a field (static or, with {@code this} live, an
 * instance field), loops with break/continue, if/else, switch, try/catch/finally with throws
 * and failing awaits, early returns, and awaits (suspending, immediate, future completed by
 * another task) at random points, inside expressions too: operands, call and constructor
 * arguments, array indices, conditions, string concatenation. Every loop is bounded, so the
 * program always ends. The body is an {@code @Async} method, or an async lambda (capturing a
 * local, and {@code this} in instance programs) made by a plain method or by an {@code @Async}
 * method that awaits it. Abstract and default {@code @Async} interface methods, and
 * {@code synchronized} blocks left by an exception with awaits in the handler and after. Java 8
 * source; for {@code --release} 17 and newer also switch expressions with {@code try}/{@code
 * finally}/{@code yield} in their arms inside constructor arguments and nested {@code new}s,
 * which javac compiles by spilling the uninitialised objects into locals.
 */
final class ProgramGenerator {
    private enum Kind {
        Z,
        B,
        C,
        S,
        I,
        J,
        F,
        D,
        T
    }

    private static final String[][] VARS = {
        {"z0", "z1"}, {"b0"}, {"c0"}, {"s0"}, {"i0", "i1", "p0", "f0"}, {"l0", "p1"}, {"g0"}, {"d0", "p2"}, {"t0", "p3"}
    };
    private static final int MAX_STATEMENTS = 45;

    private final Choices in;
    private final boolean switchExpressions;
    private boolean api;
    /** Inside a finally block: ecj 3.40 crashes on a switch expression with try/finally there. */
    private int finallyDepth;

    private final StringBuilder out = new StringBuilder();
    private final List<String> loopVars = new ArrayList<>();
    private int ids;
    private int statements;
    private int indent = 2;

    private ProgramGenerator(Choices in, int release) {
        this.in = in;
        this.switchExpressions = release >= 17;
    }

    /** A class {@code g.<name>} with {@code run(...)} (or {@code make(cap).run(...)}) and {@code main()} that calls it. */
    static JavaSource generate(String name, List<Integer> choices) {
        return generate(name, choices, 8);
    }

    /** As {@link #generate(String, List)}, with the language of {@code --release release}. */
    static JavaSource generate(String name, List<Integer> choices, int release) {
        return new ProgramGenerator(new Choices(choices), release).program(name);
    }

    private JavaSource program(String name) {
        boolean instance = in.chance(50);
        // Where the body lives: an @Async method, an async lambda that a plain method makes, or an
        // async lambda made and awaited (or tail-returned) inside an @Async method.
        int shape = in.next(3);
        out.append("package g;\n")
                .append("import io.jasyncio.*;\n")
                .append("import static io.jasyncio.AsyncIO.*;\n")
                .append("import static c.Sup.*;\n")
                .append("import static io.jasyncio.rewriter.testkit.Trace.log;\n")
                .append("import static io.jasyncio.rewriter.testkit.Trace.tick;\n")
                .append("import g.Gen.Failure;\n")
                .append("public class ")
                .append(name)
                .append(" {\n")
                .append(instance ? "    int f0 = 7;\n" : "    static int f0 = 7;\n");
        api = in.chance(50);
        if (api) {
            // @Async without a body: an abstract interface method, re-declared abstract in an
            // abstract class, implemented below; a default method awaits it.
            out.append("    interface Api {\n")
                    .append("        @Async Coroutine<Long> get(long v) throws Failure;\n")
                    .append("        @Async default Coroutine<Long> twice(long v) throws Failure {\n")
                    .append("            return done(await(get(v)) + await(get(v + ")
                    .append(in.next(5))
                    .append(")));\n")
                    .append("        }\n    }\n")
                    .append("    static abstract class Base implements Api {\n")
                    .append("        @Async public abstract Coroutine<Long> get(long v) throws Failure;\n    }\n")
                    .append("    static final class Impl extends Base {\n")
                    .append("        @Async public Coroutine<Long> get(long v) throws Failure {\n")
                    .append("            return done(await(s(v)) * ")
                    .append(1 + in.next(3))
                    .append(" + await(Gen.failIf(v == ")
                    .append(in.next(20))
                    .append(", v, \"get\")));\n")
                    .append("        }\n    }\n");
        }
        if (shape == 0) {
            out.append("    @Async ")
                    .append(instance ? "" : "static ")
                    .append("Coroutine<String> run(int p0, long p1, double p2, String p3) throws Failure {\n");
        } else {
            out.append(
                            "    interface Body { Coroutine<String> run(int p0, long p1, double p2, String p3) throws Failure; }\n")
                    .append(shape == 1 ? "    " : "    @Async ")
                    .append(instance ? "" : "static ")
                    .append(
                            shape == 1
                                    ? "Body make(String cap) {\n"
                                    : "Coroutine<String> run(int r0, long r1, double r2, String r3) throws Failure {\n")
                    .append(shape == 1 ? "" : "        String cap = r3 + r0;\n")
                    .append("        Body body = (p0, p1, p2, p3) -> {\n");
            indent++;
        }
        out.append("        boolean z0 = true, z1 = false; byte b0 = -3; char c0 = 'k'; short s0 = 300;\n")
                .append("        int i0 = 11, i1 = -5; long l0 = 1L << 33; float g0 = 0.5f; double d0 = -2.25;\n")
                .append("        String t0 = \"t\"; int[] a0 = {1, 2, 3, 4};\n");
        block(0);
        line("return done(" + summary() + (shape == 0 ? "" : " + \" \" + cap") + ");");
        if (shape != 0) {
            indent--;
            line("};");
            line(
                    shape == 1
                            ? "return body;"
                            : in.chance(50)
                                    ? "return body.run(r0, r1, r2, r3);"
                                    : "return done(\"via \" + await(body.run(r0, r1, r2, r3)));");
        }
        out.append("    }\n")
                .append("    public static Coroutine<String> main() throws Failure {\n")
                .append("        return ")
                .append(instance ? "new " + name + "()." : "")
                .append(shape == 1 ? "make(\"cap\").run(" : "run(")
                .append(in.next(100) - 50)
                .append(", ")
                .append(in.next(1000))
                .append("L, ")
                .append(in.next(100))
                .append(".25, \"p")
                .append(in.next(10))
                .append("\");\n")
                .append("    }\n}\n");
        return JavaSource.of("g." + name, out.toString());
    }

    private void block(int depth) {
        int max = depth == 0 ? 12 : 4;
        for (int n = 0; n < max && statements < MAX_STATEMENTS && in.next(5) != 0; n++) {
            statement(depth);
        }
    }

    private void statement(int depth) {
        statements++;
        int id = ++ids;
        int pick = in.next(depth >= 3 ? 6 : 13);
        switch (pick) {
            case 0, 1 -> assign();
            case 2 -> line("log(\"L" + id + " \" + " + expr(Kind.T, 2) + " + \" \" + " + any(2) + ");");
            case 3 -> line("await(sleep(0));");
            case 4 -> line("a0[Math.floorMod(" + expr(Kind.I, 2) + ", 4)] = " + expr(Kind.I, 2) + ";");
            case 5 -> {
                String v = "x" + id;
                line("int " + v + " = " + expr(Kind.I, 3) + ";");
                line("i1 ^= " + v + ";");
            }
            case 6 -> {
                line("if (" + cond(2) + ") {");
                nested(depth);
                if (in.chance(50)) {
                    line("} else {");
                    nested(depth);
                }
                line("}");
            }
            case 7 -> loop(depth, id);
            case 8 -> tryStatement(depth, id);
            case 9 -> {
                line("switch (Math.floorMod(" + expr(Kind.I, 2) + ", 4)) {");
                for (int k = 0; k < 3; k++) {
                    line(k < 2 ? "case " + k + ": {" : "default: {");
                    nested(depth);
                    if (k == 2 || in.chance(70)) {
                        line("    break;");
                    }
                    line("}");
                }
                line("}");
            }
            case 10 -> line("if (" + cond(2) + ") return done(\"early " + id + " \" + " + summary() + ");");
            case 11 -> synchronizedLeftByException(depth, id);
            default -> {
                String v = "w" + id;
                line("int " + v + " = 0;");
                line("while (" + v + "++ < " + (1 + in.next(3)) + " && " + cond(1) + ") {");
                loopBody(depth, v);
                line("}");
            }
        }
    }

    private void loop(int depth, int id) {
        String k = "k" + id;
        String label = in.chance(30) ? "o" + id : null;
        line((label != null ? label + ": " : "") + "for (int " + k + " = 0; " + k + " < " + (1 + in.next(3)) + "; " + k
                + "++) {");
        loopBody(depth, k);
        if (label != null) {
            indent++;
            line("for (int q" + id + " = 0; q" + id + " < 2; q" + id + "++) {");
            indent++;
            line("tick();");
            line("if (" + cond(1) + ") continue " + label + ";");
            line("if (" + cond(1) + ") break " + label + ";");
            line("i0 += await(" + awaitable("q" + id) + ");");
            indent--;
            line("}");
            indent--;
        }
        line("}");
    }

    private void loopBody(int depth, String counter) {
        indent++;
        line("tick();");
        loopVars.add(counter);
        block(depth + 1);
        if (in.chance(30)) {
            line("if (" + cond(1) + ") break;");
        }
        if (in.chance(30)) {
            line("if (" + cond(1) + ") continue;");
        }
        block(depth + 1);
        loopVars.remove(loopVars.size() - 1);
        indent--;
    }

    private void tryStatement(int depth, int id) {
        boolean hasCatch = in.next(3) != 0;
        boolean hasFinally = !hasCatch || in.chance(40);
        line("try {");
        indent++;
        block(depth + 1);
        throwSite(id);
        block(depth + 1);
        indent--;
        if (hasCatch) {
            line("} catch (Failure e" + id + ") {");
            indent++;
            line("log(\"caught " + id + " \" + e" + id + ".getMessage());");
            block(depth + 1);
            indent--;
        }
        if (hasFinally) {
            line("} finally {");
            indent++;
            line("log(\"finally " + id + "\");");
            finallyDepth++;
            block(depth + 1);
            finallyDepth--;
            indent--;
        }
        line("}");
    }

    /**
     * A synchronized block (no await inside) that an exception may leave, caught or finished
     * by an enclosing try whose handlers await: the block's own handler released the monitor.
     */
    private void synchronizedLeftByException(int depth, int id) {
        line("try {");
        indent++;
        line("synchronized (Gen.LOCK) {");
        indent++;
        line("i1 += " + literal(Kind.I) + ";");
        if (in.chance(50)) {
            line("if (" + cond(0) + ") throw new Failure(\"m" + id + "\");");
        } else {
            line("Gen.failNow(" + cond(0) + ", \"m" + id + "\");");
        }
        indent--;
        line("}");
        line("log(\"left " + id + " \" + Thread.holdsLock(Gen.LOCK));");
        indent--;
        boolean hasCatch = in.next(3) != 0;
        if (hasCatch) {
            line("} catch (Failure e" + id + ") {");
            indent++;
            line("log(\"caught " + id + " \" + e" + id + ".getMessage() + \" \" + Thread.holdsLock(Gen.LOCK) + \" \" + "
                    + expr(Kind.I, 2) + ");");
            line("i0 += await(" + awaitable(expr(Kind.I, 1)) + ");");
            block(depth + 1);
            indent--;
        }
        if (!hasCatch || in.chance(40)) {
            line("} finally {");
            indent++;
            line("log(\"finally " + id + " \" + Thread.holdsLock(Gen.LOCK));");
            line("await(sleep(0));");
            finallyDepth++;
            block(depth + 1);
            finallyDepth--;
            indent--;
        }
        line("}");
        line("log(\"after " + id + " \" + Thread.holdsLock(Gen.LOCK) + \" \" + " + expr(Kind.J, 2) + ");");
    }

    /**
     * A long-valued switch expression whose arms have try/catch, try/finally and yield, with
     * awaits: inside a constructor argument javac spills the uninitialised object into a local.
     */
    private String switchExpression(int depth) {
        int id = ++ids;
        StringBuilder sb = new StringBuilder("switch (Math.floorMod(" + expr(Kind.I, depth) + ", 4)) { ");
        sb.append("case 0 -> { try { yield await(Gen.failIf(")
                .append(cond(1))
                .append(", (long) (")
                .append(expr(Kind.J, depth))
                .append("), \"y")
                .append(id)
                .append("\")); } catch (Failure e")
                .append(id)
                .append(") { yield ")
                .append(expr(Kind.J, depth))
                .append("; } } ");
        sb.append("case 1 -> { try { yield ")
                .append(expr(Kind.J, depth))
                .append(
                        finallyDepth > 0
                                ? "; } catch (RuntimeException r" + id + ") { yield 0L; } } "
                                : "; } finally { tick(); } } ");
        sb.append("case 2 -> { long y")
                .append(id)
                .append(" = ")
                .append(expr(Kind.J, depth))
                .append("; yield y")
                .append(id)
                .append(" + 1; } ");
        sb.append("default -> ").append(expr(Kind.J, depth)).append("; }");
        return sb.toString();
    }

    private void throwSite(int id) {
        switch (in.next(3)) {
            case 0 -> line("if (" + cond(2) + ") throw new Failure(\"t" + id + "\");");
            case 1 -> line("i0 = i0 + await(Gen.failIf(" + cond(1) + ", " + expr(Kind.I, 1) + ", \"a" + id + "\"));");
            default ->
                line("log(\"f" + id + " \" + await(Gen.failIf(" + cond(1) + ", " + expr(Kind.T, 1) + ", \"s" + id
                        + "\")));");
        }
    }

    private void nested(int depth) {
        indent++;
        block(depth + 1);
        indent--;
    }

    private void assign() {
        Kind k = Kind.values()[in.next(Kind.values().length)];
        String[] names = VARS[k.ordinal()];
        String v = names[in.next(names.length)];
        String e = expr(k, 3);
        switch (k) {
            case B -> line(v + " = (byte) (" + e + " + " + v + ");");
            case C -> line(v + " += (char) (" + e + " & 7);");
            case S -> line(v + " -= " + e + ";");
            case T -> line(v + " = " + v + ".length() > 40 ? " + e + " : " + v + " + " + e + ";");
            case Z -> line(v + " = " + e + ";");
            default -> line(v + (in.chance(50) ? " += " : " = ") + e + ";");
        }
    }

    private String any(int depth) {
        return expr(Kind.values()[in.next(Kind.values().length)], depth);
    }

    private String numeric(int depth) {
        Kind[] numeric = {Kind.B, Kind.C, Kind.S, Kind.I, Kind.J, Kind.F, Kind.D};
        return expr(numeric[in.next(numeric.length)], depth);
    }

    private String var(Kind k) {
        if (k == Kind.I && !loopVars.isEmpty() && in.chance(30)) {
            return loopVars.get(in.next(loopVars.size()));
        }
        String[] names = VARS[k.ordinal()];
        return names[in.next(names.length)];
    }

    private String awaitable(String value) {
        switch (in.next(4)) {
            case 0, 1:
                return "s(" + value + ")";
            case 2:
                return "now(" + value + ")";
            default:
                return "later(" + value + ")";
        }
    }

    /** An expression of kind {@code k}; awaits anywhere, depth-bounded. */
    private String expr(Kind k, int depth) {
        int pick = depth <= 0 ? in.next(2) : in.next(8);
        if (pick == 0) {
            return var(k);
        }
        if (pick == 1) {
            return literal(k);
        }
        if (pick <= 3) {
            return "await(" + awaitable(cast(k, expr(k, depth - 1))) + ")";
        }
        return switch (k) {
            case Z -> cond(depth);
            // "0 + ...": a boxed Integer may not be cast to byte directly, an int may
            case B, S, C ->
                "(" + k.name().replace("B", "byte").replace("S", "short").replace("C", "char") + ") (0 + "
                        + expr(Kind.I, depth - 1) + ")";
            case I ->
                switch (pick) {
                    case 4 -> "(" + expr(Kind.I, depth - 1) + " " + op("+-*^&|") + " " + expr(Kind.I, depth - 1) + ")";
                    case 5 -> "a0[Math.floorMod(" + expr(Kind.I, depth - 1) + ", 4)]";
                    case 6 ->
                        "Gen.pick(" + expr(Kind.I, depth - 1) + ", " + expr(Kind.J, depth - 1) + ", "
                                + expr(Kind.D, depth - 1) + ")";
                    default ->
                        "(" + cond(depth - 1) + " ? " + expr(Kind.I, depth - 1) + " : " + expr(Kind.I, depth - 1) + ")";
                };
            case J ->
                switch (pick) {
                    case 4 -> "(" + expr(Kind.J, depth - 1) + " " + op("+-*") + " " + expr(Kind.I, depth - 1) + ")";
                    case 5 ->
                        switchExpressions && in.chance(60)
                                ? in.chance(50)
                                        ? "new Gen.Box(" + expr(Kind.I, depth - 1) + ", " + switchExpression(depth - 1)
                                                + ").sum()"
                                        : "new Gen.Box(" + expr(Kind.I, depth - 1) + ", new Gen.Box("
                                                + expr(Kind.I, depth - 1) + ", " + switchExpression(depth - 1)
                                                + ").sum()).sum()"
                                : "new Gen.Box(" + expr(Kind.I, depth - 1) + ", " + expr(Kind.J, depth - 1) + ").sum()";
                    case 6 -> "(" + expr(Kind.J, depth - 1) + " << (" + expr(Kind.I, depth - 1) + " & 15))";
                    default ->
                        !api || in.chance(50)
                                ? "(long) (0.0 + " + expr(Kind.D, depth - 1) + ")"
                                : in.chance(50)
                                        ? "await(new Impl().twice(" + expr(Kind.J, depth - 1) + "))"
                                        : "await(((Api) new Impl()).get(" + expr(Kind.J, depth - 1) + "))";
                };
            case F -> "(float) (" + expr(Kind.D, depth - 1) + " " + op("+-*") + " " + expr(Kind.F, depth - 1) + ")";
            case D ->
                pick == 7
                        ? "(" + cond(depth - 1) + " ? " + expr(Kind.D, depth - 1) + " : " + expr(Kind.D, depth - 1)
                                + ")"
                        : "(" + expr(Kind.D, depth - 1) + " " + op("+-*") + " " + numeric(depth - 1) + ")";
            case T ->
                pick == 7
                        ? "(" + cond(depth - 1) + " ? " + expr(Kind.T, depth - 1) + " : " + expr(Kind.T, depth - 1)
                                + ")"
                        : "(\"\" + " + any(depth - 1) + " + \"|\" + " + any(depth - 1) + ")";
        };
    }

    /** A boolean expression; short-circuits and awaits in conditions included. */
    private String cond(int depth) {
        int pick = depth <= 0 ? in.next(2) : in.next(9);
        return switch (pick) {
            case 0 -> var(Kind.Z);
            case 1 -> "(" + var(Kind.I) + " " + op("<>") + " " + literal(Kind.I) + ")";
            case 2 -> "(" + expr(Kind.I, depth - 1) + " " + op("<>") + " " + expr(Kind.I, depth - 1) + ")";
            case 3 -> "(" + expr(Kind.J, depth - 1) + " >= " + expr(Kind.D, depth - 1) + ")";
            case 4 -> "(" + cond(depth - 1) + " && " + cond(depth - 1) + ")";
            case 5 -> "(" + cond(depth - 1) + " || " + cond(depth - 1) + ")";
            case 6 -> "!" + cond(depth - 1);
            case 7 -> "await(" + awaitable(cond(depth - 1)) + ")";
            default -> expr(Kind.T, depth - 1) + ".startsWith(\"t\")";
        };
    }

    private String cast(Kind k, String e) {
        return switch (k) {
            case B -> "(byte) (" + e + ")";
            case S -> "(short) (" + e + ")";
            case C -> "(char) (" + e + ")";
            case F -> "(float) (" + e + ")";
            default -> e;
        };
    }

    private String literal(Kind k) {
        int n = in.next(7);
        return switch (k) {
            case Z -> n % 2 == 0 ? "true" : "false";
            case B -> "(byte) " + (n * 40 - 120);
            case C -> "'" + (char) ('a' + n) + "'";
            case S -> "(short) " + (n * 9000 - 27000);
            case I -> new String[] {"0", "1", "-7", "42", "2147483647", "-2147483648", "1000"}[n];
            case J -> new String[] {"0L", "3L", "-1L", "9223372036854775807L", "123456789012L", "-40L", "8L"}[n];
            case F -> new String[] {"0.0f", "1.5f", "-2.0f", "3.4028235E38f", "1.0E-45f", "100.25f", "-0.0f"}[n];
            case D -> new String[] {"0.0", "0.1", "-3.5", "1.0E300", "4.9E-324", "-0.0", "2.0"}[n];
            case T -> "\"t" + n + "\"";
        };
    }

    private String op(String ops) {
        return String.valueOf(ops.charAt(in.next(ops.length())));
    }

    private static String summary() {
        return "z0 + \" \" + z1 + \" \" + b0 + \" \" + (int) c0 + \" \" + s0 + \" \" + i0 + \" \" + i1 + \" \" + l0"
                + " + \" \" + g0 + \" \" + d0 + \" \" + t0 + \" \" + java.util.Arrays.toString(a0) + \" \" + f0"
                + " + \" \" + p0 + \" \" + p1 + \" \" + p2 + \" \" + p3";
    }

    private void line(String text) {
        out.append("    ".repeat(indent)).append(text).append('\n');
    }
}
