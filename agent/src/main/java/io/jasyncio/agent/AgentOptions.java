package io.jasyncio.agent;

import java.util.Locale;

/**
 * The agent's options: the text after {@code =} in {@code -javaagent:jasyncio-agent.jar=verbose},
 * or the argument of {@link AsyncAgent#install(String)}. Comma-separated words; unknown words
 * are refused so a typo never silently turns a feature off.
 */
record AgentOptions(boolean verbose) {
    static final String USAGE = "known options: verbose (log every class the agent rewrites)";

    static AgentOptions parse(String text) {
        boolean verbose = false;
        if (text != null) {
            for (String word : text.split(",")) {
                String w = word.trim().toLowerCase(Locale.ROOT);
                if (w.isEmpty()) {
                    continue;
                }
                if (w.equals("verbose")) {
                    verbose = true;
                } else {
                    throw new IllegalArgumentException("unknown jasyncio agent option '" + word.trim() + "'; " + USAGE);
                }
            }
        }
        return new AgentOptions(verbose);
    }
}
