package example;

import java.util.concurrent.CountDownLatch;

/** A JVM that never touches jasyncio: prints "ready", then waits until the test kills it. */
public class Idle {
    public static void main(String[] args) throws InterruptedException {
        System.out.println("ready");
        System.out.flush();
        new CountDownLatch(1).await(); // never counted down: blocks until the test kills this JVM
    }
}
