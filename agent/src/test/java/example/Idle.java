package example;

/** A JVM that never touches jasyncio: prints "ready", then waits until the test kills it. */
public class Idle {
    public static void main(String[] args) throws InterruptedException {
        System.out.println("ready");
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}
