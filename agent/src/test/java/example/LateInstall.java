package example;

import io.jasyncio.agent.AsyncAgent;

/** Loads an @Async class before installing the agent: the agent must say it cannot help it. */
public class LateInstall {
    public static void main(String[] args) {
        System.out.println("loaded " + Countdown.class.getName());
        AsyncAgent.install();
        System.out.println("installed");
    }
}
