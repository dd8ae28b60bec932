package io.jasyncio.agent;

import java.lang.instrument.Instrumentation;
import net.bytebuddy.ByteBuddy;
import net.bytebuddy.agent.ByteBuddyAgent;
import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.dynamic.DynamicType;
import net.bytebuddy.dynamic.loading.ClassInjector;
import net.bytebuddy.dynamic.scaffold.TypeValidation;
import net.bytebuddy.matcher.ElementMatchers;
import net.bytebuddy.utility.JavaModule;

/**
 * The jasyncio Java agent: rewrites the {@code @Async} methods of every class as it loads.
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

    private AsyncAgent() {
    }

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
            throw new IllegalStateException("jasyncio could not attach its agent to this JVM (" + e.getMessage()
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
        ClassRewrite rewrite = new ClassRewrite(log);
        avoidUnsafe();
        new AgentBuilder.Default(new ByteBuddy().with(TypeValidation.DISABLED))
                .with(AgentBuilder.RedefinitionStrategy.DISABLED)
                .with(AgentBuilder.TypeStrategy.Default.DECORATE)
                .with(AgentBuilder.InitializationStrategy.NoOp.INSTANCE)
                .with(AgentBuilder.PoolStrategy.Default.FAST)
                .with(AgentBuilder.DescriptionStrategy.Default.POOL_ONLY)
                .with(new ErrorListener(log))
                .with(transformer -> new PreFilter(transformer, log, rewrite))
                // PreFilter has already chosen the classes: Byte Buddy transforms whatever reaches it.
                .ignore(ElementMatchers.none())
                .type(ElementMatchers.any())
                .transform((DynamicType.Builder<?> builder, TypeDescription type, ClassLoader loader,
                            JavaModule module, java.security.ProtectionDomain domain) ->
                        builder.visit(new RewritingVisitorWrapper(rewrite, loader)))
                .installOn(instrumentation);
        installed = instrumentation;
        log.info("agent installed");
        for (String late : LateClasses.find(instrumentation)) {
            log.warning(LateClasses.message(late));
        }
    }

    /**
     * The agent needs no class injection, so its Byte Buddy can stay away from sun.misc.Unsafe
     * (JDK 24+ warns on its first use). Only the relocated copy of the shaded jar is told so: the
     * property is named after the relocated package, and an un-shaded Byte Buddy may belong to the
     * application (Mockito, ...), whose settings are not ours to change.
     */
    private static void avoidUnsafe() {
        String property = ClassInjector.UsingUnsafe.SAFE_PROPERTY;
        if (property.startsWith(AsyncAgent.class.getPackageName() + ".") && System.getProperty(property) == null) {
            System.setProperty(property, "true");
        }
    }

    /** Byte Buddy swallows what goes wrong in its pipeline: say it. */
    private static final class ErrorListener extends AgentBuilder.Listener.Adapter {
        private final AgentLog log;

        ErrorListener(AgentLog log) {
            this.log = log;
        }

        @Override
        public void onError(String typeName, ClassLoader classLoader, JavaModule module, boolean loaded,
                            Throwable throwable) {
            log.error("Byte Buddy failed to transform " + typeName, throwable);
        }
    }
}
