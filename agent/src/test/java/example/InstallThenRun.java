package example;

import io.jasyncio.agent.AsyncAgent;

/** What an IDE run or a test does: install the agent first, then use @Async classes. */
public class InstallThenRun {
    public static void main(String[] args) {
        AsyncAgent.install(args.length > 0 ? args[0] : "");
        AsyncAgent.install(); // a second call does nothing
        Countdown.main(args);
    }
}
