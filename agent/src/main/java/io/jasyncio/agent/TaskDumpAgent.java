package io.jasyncio.agent;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.instrument.Instrumentation;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The target's side of {@code java -jar jasyncio-agent.jar ps|pstree|dump PID}: the command loads
 * a small jar holding only this class into the running JVM, with the argument
 * {@code taskdump:<form>:<file>}; {@link #agentmain} takes the dump and writes it to the file for
 * the command to print. Not the agent jar itself: its {@code Boot-Class-Path} would append the
 * rewriter to the target's boot class path (which on JDK 17 prints a warning into the target's
 * standard error and turns class data sharing off for the classes loaded afterwards), and nothing
 * of it is needed here.
 *
 * <p>The dump is taken by the jasyncio runtime the application itself loaded, found among the
 * loaded classes, through its public {@code io.jasyncio.TaskDump} API. An application with
 * several copies of the runtime (one per class loader) gets one dump per copy.
 *
 * <p>The file's first line is {@code exit <status>}; the rest is the text, to print on standard
 * output when the status is 0, on standard error otherwise.
 */
public final class TaskDumpAgent {
    static final String PREFIX = "taskdump:";
    static final List<String> FORMS = List.of("ps", "pstree", "dump");

    private TaskDumpAgent() {}

    /** The agent argument asking for {@code form} into {@code file}. */
    static String request(String form, Path file) {
        return PREFIX + form + ":" + file;
    }

    /**
     * Entry point in the target JVM: answers the request in {@code options}. A failure of the dump
     * is written to the file as the answer.
     *
     * @param options {@code taskdump:<form>:<file>}
     * @param instrumentation the target's instrumentation, to find the loaded runtime classes
     */
    public static void agentmain(String options, Instrumentation instrumentation) {
        String rest = options == null || !options.startsWith(PREFIX) ? "" : options.substring(PREFIX.length());
        int colon = rest.indexOf(':');
        if (colon < 0) {
            throw new IllegalArgumentException("malformed task dump request: " + options);
        }
        String form = rest.substring(0, colon);
        Path file = Path.of(rest.substring(colon + 1));
        int status;
        String text;
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
            status = dump(form, instrumentation, out);
            out.flush();
            text = bytes.toString(StandardCharsets.UTF_8);
        } catch (RuntimeException | LinkageError | ReflectiveOperationException e) {
            status = 1;
            Throwable cause = e instanceof InvocationTargetException ite && ite.getCause() != null ? ite.getCause() : e;
            text = "jasyncio: the task dump failed in the target JVM: " + cause + "\n";
        }
        try {
            Files.writeString(file, "exit " + status + "\n" + text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("jasyncio: cannot write the task dump to " + file + ": " + e, e);
        }
    }

    /** Prints the dump of every jasyncio runtime loaded in this JVM; returns the exit status. */
    private static int dump(String form, Instrumentation instrumentation, PrintStream out)
            throws ReflectiveOperationException {
        if (!FORMS.contains(form)) {
            out.println("jasyncio: unknown task dump form '" + form + "'; known: " + String.join(", ", FORMS));
            return 2;
        }
        List<Class<?>> runtimes = new ArrayList<>();
        for (Class<?> c : instrumentation.getAllLoadedClasses()) {
            if (c.getName().equals("io.jasyncio.AsyncIO")) {
                runtimes.add(c);
            }
        }
        if (runtimes.isEmpty()) {
            out.println("jasyncio: this JVM has not loaded the jasyncio runtime (no class io.jasyncio.AsyncIO):"
                    + " it runs no event loop");
            return 1;
        }
        int status = 0;
        for (Class<?> asyncIO : runtimes) {
            if (runtimes.size() > 1) {
                out.println("# jasyncio runtime of class loader " + asyncIO.getClassLoader());
            }
            Class<?> taskDump;
            try {
                taskDump = Class.forName("io.jasyncio.TaskDump", true, asyncIO.getClassLoader());
            } catch (ClassNotFoundException e) {
                out.println("jasyncio: the jasyncio runtime of this JVM predates task dumps (no io.jasyncio.TaskDump)");
                status = 1;
                continue;
            }
            Object snapshot = taskDump.getMethod("capture").invoke(null);
            switch (form) {
                case "ps" -> taskDump.getMethod("printTable", PrintStream.class).invoke(snapshot, out);
                case "pstree" -> {
                    Method printTree = taskDump.getMethod("printTree", PrintStream.class);
                    if (!(Boolean) printTree.invoke(snapshot, out)) {
                        status = 1; // asyncio's pstree exits with 1 on a cycle
                    }
                }
                default -> taskDump.getMethod("print", PrintStream.class).invoke(snapshot, out);
            }
        }
        return status;
    }
}
