package io.jasyncio.agent;

import com.sun.tools.attach.AgentInitializationException;
import com.sun.tools.attach.AgentLoadException;
import com.sun.tools.attach.AttachNotSupportedException;
import com.sun.tools.attach.VirtualMachine;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

/**
 * {@code java -jar jasyncio-agent.jar ps|pstree|dump PID}: the task dump of a running JVM, the
 * Java counterpart of Python 3.14's {@code python -m asyncio ps PID} and {@code pstree PID}. It
 * attaches to the JVM ({@code com.sun.tools.attach}, the JDK's {@code jdk.attach} module), loads
 * {@link TaskDumpAgent} into it as an agent (in a jar of its own: the rewriter is not installed)
 * with a request that it answers there, and prints the answer. The target needs no flag: any JVM of the same user on this
 * machine that allows attaching (the default; {@code -XX:+DisableAttachMechanism} forbids it, and
 * JDK 21+ print a warning on the target's standard error when an agent is loaded this way).
 *
 * <ul>
 *   <li>{@code ps}: the table of {@code asyncio ps} (a row per task and awaiting task);</li>
 *   <li>{@code pstree}: the await trees of {@code asyncio pstree}; exits with 1 when the await
 *       graph has a cycle, which it names;</li>
 *   <li>{@code dump}: the full form of {@code AsyncIO.dumpTasks}.</li>
 * </ul>
 *
 * Exit status: 0 on success, 1 when the dump cannot be taken (with one line on standard error
 * that says why), 2 for a usage error.
 */
public final class TaskDumpCommand {
    static final String USAGE = "usage: java -jar jasyncio-agent.jar ps|pstree|dump PID\n"
            + "  ps      the pending tasks of every event loop of the JVM, as a table (python -m asyncio ps)\n"
            + "  pstree  the tree of tasks awaiting tasks (python -m asyncio pstree)\n"
            + "  dump    each task's state, coroutine stack, what it awaits and who awaits it\n";

    private TaskDumpCommand() {}

    /**
     * Entry point of {@code java -jar jasyncio-agent.jar}.
     *
     * @param args the form ({@code ps}, {@code pstree} or {@code dump}) and the PID of the JVM
     */
    public static void main(String[] args) {
        // the tree is drawn with box-drawing characters: UTF-8, whatever the platform's default
        PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8);
        System.exit(run(args, out, err));
    }

    /** The command; returns the exit status. */
    static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length != 2 || !TaskDumpAgent.FORMS.contains(args[0].toLowerCase(Locale.ROOT))) {
            err.print(USAGE);
            return 2;
        }
        String form = args[0].toLowerCase(Locale.ROOT);
        long pid;
        try {
            pid = Long.parseLong(args[1]);
        } catch (NumberFormatException e) {
            err.println("jasyncio: not a process id: '" + args[1] + "'");
            err.print(USAGE);
            return 2;
        }
        if (ProcessHandle.of(pid).isEmpty()) {
            err.println("jasyncio: no process with PID " + pid);
            return 1;
        }
        if (pid == ProcessHandle.current().pid()) {
            err.println("jasyncio: PID " + pid + " is this command itself; in-process, call AsyncIO.dumpTasks");
            return 1;
        }
        Path answer = null;
        Path jar = null;
        try {
            answer = Files.createTempFile("jasyncio-taskdump-", ".txt");
            jar = dumpAgentJar();
            String failure = load(pid, jar, TaskDumpAgent.request(form, answer));
            if (failure != null) {
                err.println(failure);
                return 1;
            }
            String text = Files.readString(answer, StandardCharsets.UTF_8);
            int newline = text.indexOf('\n');
            if (!text.startsWith("exit ") || newline < 0) {
                err.println("jasyncio: JVM " + pid + " gave no task dump (is its jasyncio agent of another version?)");
                return 1;
            }
            int status = Integer.parseInt(text.substring(5, newline).trim());
            (status == 0 ? out : err).print(text.substring(newline + 1));
            (status == 0 ? out : err).flush();
            return status;
        } catch (IOException e) {
            err.println("jasyncio: " + e);
            return 1;
        } finally {
            delete(answer);
            delete(jar); // the target keeps the jar open while it needs it
        }
    }

    private static void delete(Path file) {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                file.toFile().deleteOnExit();
            }
        }
    }

    /** A temporary jar of {@link TaskDumpAgent} alone, with the manifest that makes it an agent. */
    private static Path dumpAgentJar() throws IOException {
        String entry = TaskDumpAgent.class.getName().replace('.', '/') + ".class";
        byte[] bytes;
        try (InputStream in = TaskDumpAgent.class.getClassLoader().getResourceAsStream(entry)) {
            if (in == null) {
                throw new IOException("the class file " + entry + " is missing from the agent jar");
            }
            bytes = in.readAllBytes();
        }
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().putValue("Agent-Class", TaskDumpAgent.class.getName());
        Path jar = Files.createTempFile("jasyncio-taskdump-", ".jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar), manifest)) {
            out.putNextEntry(new JarEntry(entry));
            out.write(bytes);
            out.closeEntry();
        }
        return jar;
    }

    /** Attaches to {@code pid} and loads the agent jar with {@code request}; the reason on failure, else null. */
    private static String load(long pid, Path jar, String request) {
        VirtualMachine vm;
        try {
            vm = VirtualMachine.attach(Long.toString(pid));
        } catch (AttachNotSupportedException | IOException e) {
            return "jasyncio: cannot attach to JVM " + pid + " (" + e.getMessage() + "): the target must be a"
                    + " Java VM of the same user on this machine, started without -XX:+DisableAttachMechanism";
        } catch (SecurityException e) {
            return "jasyncio: attaching to JVM " + pid + " is not allowed here: " + e.getMessage();
        }
        try {
            vm.loadAgent(jar.toString(), request);
            return null;
        } catch (AgentLoadException e) {
            return "jasyncio: JVM " + pid + " refused to load the agent (" + e.getMessage()
                    + "): was it started with -XX:-EnableDynamicAgentLoading?";
        } catch (AgentInitializationException e) {
            return "jasyncio: the task dump failed in JVM " + pid + " (" + e.getMessage() + ")";
        } catch (IOException e) {
            return "jasyncio: lost the connection to JVM " + pid + " while loading the agent: " + e.getMessage();
        } finally {
            try {
                vm.detach();
            } catch (IOException ignored) {
                // the answer is in the file already
            }
        }
    }
}
