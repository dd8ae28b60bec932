package io.jasyncio.samples;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Runs the samples in order, each under a header: {@code Samples [--fast] [eNN ...]}.
 * {@code --fast} runs them on the event loop's virtual clock (system property
 * {@code jasyncio.clock=virtual}), so sleeps take no real time and the same lines print in
 * well under a second. A sample that ends with an exception (E8, E13, E15, E19 do, as in the
 * seed) gets its stack trace printed to stderr, as the JVM would, and the tour goes on.
 */
public final class Samples {

    /**
     * Every example of SEED-EXAMPLES.md, in the seed's order (E1–E23), then the TaskGroup and
     * timeout examples of the asyncio documentation (E24–E29), streams (E30) and the waiting
     * primitives and queues (E31–E33).
     */
    static final List<Sample> ALL = List.of(
            new Sample("e01", "Coroutines: hello, sleep one second, world", E01HelloWorld.class, E01HelloWorld::main),
            new Sample(
                    "e02",
                    "Calling a coroutine function only makes a coroutine object",
                    E02CoroutineObject.class,
                    E02CoroutineObject::main),
            new Sample(
                    "e03",
                    "Awaiting coroutines one after the other (3 s)",
                    E03SequentialAwaits.class,
                    E03SequentialAwaits::main),
            new Sample(
                    "e04",
                    "Tasks run coroutines concurrently (2 s)",
                    E04ConcurrentTasks.class,
                    E04ConcurrentTasks::main),
            new Sample(
                    "e05",
                    "A coroutine object runs only when awaited",
                    E05AwaitCoroutine.class,
                    E05AwaitCoroutine::main),
            new Sample("e06", "Awaiting a task", E06AwaitTask.class, E06AwaitTask::main),
            new Sample("e07", "Futures: callbacks, gather, runInExecutor", E07Futures.class, E07Futures::main),
            new Sample(
                    "e08",
                    "createTask needs a running event loop",
                    E08CreateTaskWithoutLoop.class,
                    E08CreateTaskWithoutLoop::main),
            new Sample(
                    "e09",
                    "The ready queue runs in FIFO order before the loop stops",
                    E09TaskRunsBeforeLoopStops.class,
                    E09TaskRunsBeforeLoopStops::main),
            new Sample("e10", "sleep: print the date every second for 5 s", E10DisplayDate.class, E10DisplayDate::main),
            new Sample(
                    "e11", "gather: three factorials concurrently", E11GatherFactorial.class, E11GatherFactorial::main),
            new Sample(
                    "e12", "gather returns results in argument order", E12GatherResults.class, E12GatherResults::main),
            new Sample(
                    "e13",
                    "gather: the first exception propagates",
                    E13GatherException.class,
                    E13GatherException::main),
            new Sample(
                    "e14",
                    "gather(returnExceptions = true)",
                    E14GatherReturnExceptions.class,
                    E14GatherReturnExceptions::main),
            new Sample(
                    "e15",
                    "Cancelling a gather cancels its children",
                    E15GatherCancelled.class,
                    E15GatherCancelled::main),
            new Sample(
                    "e16",
                    "A cancelled child does not cancel the gather",
                    E16GatherChildCancelled.class,
                    E16GatherChildCancelled::main),
            new Sample("e17", "shield protects from cancellation", E17Shield.class, E17Shield::main),
            new Sample("e18", "waitFor: timeouts", E18WaitFor.class, E18WaitFor::main),
            new Sample(
                    "e19",
                    "waitTasks refuses bare coroutines",
                    E19WaitTasksRejectsCoroutines.class,
                    E19WaitTasksRejectsCoroutines::main),
            new Sample("e20", "waitTasks with tasks you created", E20WaitTasks.class, E20WaitTasks::main),
            new Sample("e21", "asCompleted: results in completion order", E21AsCompleted.class, E21AsCompleted::main),
            new Sample(
                    "e22",
                    "runCoroutineThreadsafe from another thread",
                    E22RunCoroutineThreadsafe.class,
                    E22RunCoroutineThreadsafe::main),
            new Sample("e23", "Cancelling a task", E23CancelTask.class, E23CancelTask::main),
            new Sample("e24", "TaskGroup: the scope waits for its tasks (2 s)", E24TaskGroup.class, E24TaskGroup::main),
            new Sample(
                    "e25",
                    "TaskGroup: results once the scope ended",
                    E25TaskGroupResults.class,
                    E25TaskGroupResults::main),
            new Sample(
                    "e26",
                    "Terminating a TaskGroup with an exception",
                    E26TerminateTaskGroup.class,
                    E26TerminateTaskGroup::main),
            new Sample("e27", "timeout: a deadline on a block of awaits", E27Timeout.class, E27Timeout::main),
            new Sample("e28", "timeout(null) then reschedule", E28TimeoutReschedule.class, E28TimeoutReschedule::main),
            new Sample("e29", "timeoutAt: an absolute deadline", E29TimeoutAt.class, E29TimeoutAt::main),
            new Sample("e30", "Streams: the TCP echo client and server", E30TcpEcho.class, E30TcpEcho::main),
            new Sample(
                    "e31",
                    "Queue: workers take jobs, join, then are cancelled",
                    E31QueueWorkers.class,
                    E31QueueWorkers::main),
            new Sample(
                    "e32",
                    "Bounded queue: a fast producer waits for a slow consumer",
                    E32ProducerConsumer.class,
                    E32ProducerConsumer::main),
            new Sample(
                    "e33",
                    "Semaphore: at most two downloads at a time",
                    E33SemaphoreLimit.class,
                    E33SemaphoreLimit::main));

    private Samples() {}

    public static void main(String[] args) throws java.io.IOException {
        if (args.length > 0 && (args[0].equals("echo-server") || args[0].equals("http-server"))) {
            String[] rest = java.util.Arrays.copyOfRange(args, 1, args.length);
            try {
                ServerMain.port(rest, 0);
            } catch (IllegalArgumentException e) {
                System.err.println(args[0] + ": " + e.getMessage());
                System.exit(2);
            }
            if (args[0].equals("echo-server")) {
                EchoServer.main(rest);
            } else {
                HttpServer.main(rest);
            }
            return;
        }
        if (List.of(args).contains("--help") || List.of(args).contains("-h")) {
            System.out.println(usage());
            return;
        }
        List<Sample> chosen;
        try {
            Options options = Options.parse(args);
            if (options.fast()) {
                System.setProperty("jasyncio.clock", "virtual");
            }
            chosen = options.samples();
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println(usage());
            System.exit(2);
            return;
        }
        for (Sample sample : chosen) {
            System.out.println(sample.header());
            runOne(sample, System.err);
            System.out.println();
        }
    }

    /** Runs one sample; an exception ending it is reported like an uncaught one would be. */
    static void runOne(Sample sample, PrintStream err) {
        try {
            sample.program().main(new String[0]);
        } catch (Exception | Error e) {
            System.out.flush();
            err.print("Exception in " + sample.id() + ": ");
            e.printStackTrace(err);
            err.flush();
        }
    }

    static String usage() {
        StringBuilder s =
                new StringBuilder("usage: ./samples.sh [--fast] [eNN ...]   (main class io.jasyncio.samples.Samples)\n"
                        + "       ./samples.sh echo-server [port]   TCP echo server on 127.0.0.1 (default port 8888)\n"
                        + "       ./samples.sh http-server [port]   minimal HTTP/1.1 server on 127.0.0.1 (default port 8080)\n"
                        + "  samples:");
        for (Sample sample : ALL) {
            s.append("\n    ").append(sample.id()).append("  ").append(sample.title());
        }
        return s.toString();
    }

    /** The command line: {@code --fast} and the ids of the samples to run (all when none). */
    record Options(boolean fast, List<Sample> samples) {

        static Options parse(String... args) {
            boolean fast = false;
            List<Sample> chosen = new ArrayList<>();
            for (String arg : args) {
                if (arg.equals("--fast")) {
                    fast = true;
                } else {
                    chosen.add(find(arg));
                }
            }
            return new Options(fast, chosen.isEmpty() ? ALL : List.copyOf(chosen));
        }

        /** Accepts {@code e21}, {@code E21} and {@code e1} for {@code e01}. */
        static Sample find(String arg) {
            String id = arg.toLowerCase(Locale.ROOT);
            if (id.matches("e\\d")) {
                id = "e0" + id.substring(1);
            }
            for (Sample sample : ALL) {
                if (sample.id().equals(id)) {
                    return sample;
                }
            }
            throw new IllegalArgumentException("unknown sample or option: " + arg);
        }
    }
}
