package io.jasyncio.agent;

import java.lang.instrument.Instrumentation;
import net.bytebuddy.agent.ByteBuddyAgent;

/**
 * The jasyncio Java agent: rewrites the {@code @Async} methods of every class as it loads, with a
 * plain {@link java.lang.instrument.ClassFileTransformer} around the rewriter.
 *
 * <ul>
 *   <li>{@code java -javaagent:jasyncio-agent.jar[=verbose] ...} installs it before {@code main};</li>
 *   <li>{@link #install()} attaches it to the running JVM (for IDEs and tests): classes loaded
 *       afterwards are rewritten; classes with {@code @Async} methods loaded before are reported.</li>
 * </ul>
 * Installing twice, by any mix of the two, installs once.
 */
public final class AsyncAgent {
    private static Instrumentation installed;

    private AsyncAgent() {}

    /** Entry point of {@code -javaagent:jasyncio-agent.jar[=options]}. */
    public static void premain(String options, Instrumentation instrumentation) {
        start(AgentOptions.parse(options), instrumentation);
    }

    /** Entry point when a tool attaches the agent jar to a running JVM. */
    public static void agentmain(String options, Instrumentation instrumentation) {
        start(AgentOptions.parse(options), instrumentation);
    }

    /** Installs the agent into this JVM through Byte Buddy's self-attach, unless already installed. */
    public static void install() {
        install("");
    }

    /**
     * Like {@link #install()}, with the options of {@code -javaagent:jasyncio-agent.jar=options}
     * (e.g. {@code "verbose"}).
     *
     * @throws IllegalStateException when this JVM does not allow attaching an agent at run time
     */
    public static synchronized void install(String options) {
        AgentOptions parsed = AgentOptions.parse(options);
        if (installed != null) {
            return;
        }
        Instrumentation instrumentation;
        try {
            instrumentation = ByteBuddyAgent.install();
        } catch (IllegalStateException e) {
            throw new IllegalStateException(
                    "jasyncio could not attach its agent to this JVM (" + e.getMessage()
                            + "): start the JVM with -javaagent:jasyncio-agent.jar instead, or use the jasyncio-maven-plugin",
                    e);
        }
        start(parsed, instrumentation);
    }

    /** Whether the agent is active in this JVM (through this class's loader). */
    public static synchronized boolean isInstalled() {
        return installed != null;
    }

    private static synchronized void start(AgentOptions options, Instrumentation instrumentation) {
        if (installed != null) {
            return;
        }
        AgentLog log = new AgentLog(options.verbose());
        instrumentation.addTransformer(new RewritingTransformer(log), false);
        installed = instrumentation;
        log.info("agent installed");
        for (String late : LateClasses.find(instrumentation)) {
            log.warning(LateClasses.message(late));
        }
    }
}
