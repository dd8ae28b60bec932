package io.jasyncio;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The task dump, Python 3.14's {@code asyncio ps}/{@code pstree} and its await graph (asyncio
 * records "awaited by" for a task awaiting a future, the children of a gather, and the tasks of
 * a TaskGroup whose body runs in the parent task), read back from the snapshot and its printed
 * forms. Scripts name their frames {@code Script.<name>} with the pc as the line.
 */
class TaskDumpTest {
    private final EventLoop loop = EventLoop.withVirtualTime();

    @AfterEach
    void close() {
        if (!loop.isRunning()) {
            loop.close();
        }
    }

    /** Runs the loop until virtual time {@code at}, then returns this loop's part of a dump taken there (on the loop). */
    private TaskDump snapshotAt(double at) {
        TaskDump[] dump = new TaskDump[1];
        loop.callLater(at, () -> {
            dump[0] = ownLoop(TaskDump.capture());
            loop.stop();
        });
        loop.runForever();
        return dump[0];
    }

    /** Only this test's loop: other tests' loops may still be alive in this JVM. */
    private TaskDump ownLoop(TaskDump all) {
        long id = LiveLoops.id(loop);
        return TaskDump.of(all.loops().stream().filter(l -> l.id() == id).toList());
    }

    private static Script<Object> sleeper(String name, double seconds) {
        return Script.of(name, s -> switch (s.pc) {
            case 0 -> s.await(1, AsyncIO.sleep(seconds));
            default -> s.value();
        });
    }

    private static Script<Object> awaiting(String name, Awaitable<?> aw) {
        return Script.of(name, s -> switch (s.pc) {
            case 0 -> s.await(2, aw);
            default -> s.value();
        });
    }

    private static String text(Consumer<PrintStream> printer) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        printer.accept(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void aTaskAwaitingATaskSleepingIsAnEdgeOfTheAwaitGraph() {
        Task<Object> worker = loop.createTask(sleeper("work", 10), "worker");
        Task<Object> main = loop.createTask(awaiting("main", worker), "main");
        TaskDump dump = snapshotAt(4);

        assertThat(dump.loops()).hasSize(1);
        TaskDump.LoopInfo info = dump.loops().get(0);
        assertThat(info.running()).isTrue();
        assertThat(info.threadName()).isEqualTo(Thread.currentThread().getName());
        assertThat(info.consistent()).isTrue();
        assertThat(info.virtualTime()).isTrue();
        assertThat(info.tasks()).extracting(TaskDump.TaskInfo::name).containsExactly("worker", "main");

        TaskDump.TaskInfo w = dump.task(worker.number());
        assertThat(w.state()).isEqualTo(TaskDump.State.SUSPENDED);
        assertThat(w.awaiting()).isEqualTo("sleep, wakes in 6.000 s");
        // most recent first: the runtime's sleep, then the script at the pc it resumes at
        assertThat(w.stack())
                .extracting(e -> e.getClassName() + "." + e.getMethodName() + ":" + e.getLineNumber())
                .containsExactly("io.jasyncio.AsyncIO.sleep:-1", "Script.work:1");
        assertThat(w.awaits()).isEmpty();
        assertThat(w.awaitedBy()).containsExactly(main.number());

        TaskDump.TaskInfo m = dump.task(main.number());
        assertThat(m.awaiting()).isEqualTo("task \"worker\" #" + worker.number());
        assertThat(m.awaits()).containsExactly(worker.number());
        assertThat(m.awaitedBy()).isEmpty();
        assertThat(dump.cycles()).isEmpty();
    }

    @Test
    void printsTheTableAndTheTreeOfAsyncioPsAndPstree() {
        Task<Object> worker = loop.createTask(sleeper("work", 10), "worker");
        Task<Object> main = loop.createTask(awaiting("main", worker), "main");
        TaskDump dump = snapshotAt(1);
        long tid = Thread.currentThread().getId();

        String row = "%-10s %-20s %-20s %-50s %-50s %-15s %-15s\n";
        assertThat(text(dump::printTable))
                .isEqualTo(String.format(
                                row,
                                "tid",
                                "task id",
                                "task name",
                                "coroutine stack",
                                "awaiter chain",
                                "awaiter name",
                                "awaiter id")
                        + "-".repeat(180) + "\n"
                        + String.format(
                                row,
                                tid,
                                worker.number(),
                                "worker",
                                "AsyncIO.sleep -> Script.work",
                                "Script.main",
                                "main",
                                main.number())
                        + String.format(row, tid, main.number(), "main", "Script.main", "", "", "0"));

        assertThat(text(out -> assertThat(dump.printTree(out)).isTrue())).isEqualTo("""
                        └── (T) main
                            └──  Script.main
                                └── (T) worker
                                    └──  Script.work
                                        └──  AsyncIO.sleep
                        """);
    }

    @Test
    void theFullFormNamesStateAwaitStackAndAwaiters() {
        Task<Object> worker = loop.createTask(sleeper("work", 10), "worker");
        Task<Object> main = loop.createTask(awaiting("main", worker), "main");
        TaskDump dump = snapshotAt(1);

        String w = "\"worker\" #" + worker.number();
        String m = "\"main\" #" + main.number();
        assertThat(dump.toString())
                .isEqualTo("Event loop #" + LiveLoops.id(loop) + ", running on thread \""
                        + Thread.currentThread().getName() + "\" (tid "
                        + Thread.currentThread().getId()
                        + "), time 1.000 (virtual), 2 tasks\n"
                        + "\n" + w + " suspended, awaiting sleep, wakes in 9.000 s\n"
                        + "\tat io.jasyncio.AsyncIO.sleep(AsyncIO.java)\n"
                        + "\tat Script.work(Unknown Source)\n"
                        + "\tawaited by " + m + "\n"
                        + "\n" + m + " suspended, awaiting task " + w + "\n"
                        + "\tat Script.main(Unknown Source)\n");
        assertThat(text(dump::print)).isEqualTo(dump.toString());
    }

    @Test
    void gatherChildrenAndTaskGroupTasksAreAwaitedByTheTaskAwaitingThem() {
        Task<Object> a = loop.createTask(sleeper("a", 10), "a");
        Task<Object> b = loop.createTask(sleeper("b", 10), "b");
        Task<Object> gatherer = loop.createTask(awaiting("gatherer", AsyncIO.gather(a, b)), "gatherer");
        Task<?>[] children = new Task<?>[2];
        Task<Object> parent = loop.createTask(
                AsyncIO.taskGroup(tg -> Script.of("body", s -> switch (s.pc) {
                    case 0 -> {
                        children[0] = tg.createTask(sleeper("c1", 10), "c1");
                        children[1] = tg.createTask(sleeper("c2", 20), "c2");
                        // the body itself sleeps: the group's tasks are awaited by the parent already
                        yield s.await(3, AsyncIO.sleep(5));
                    }
                    default -> s.value();
                })),
                "parent");
        TaskDump dump = snapshotAt(1);

        TaskDump.TaskInfo g = dump.task(gatherer.number());
        assertThat(g.awaits()).containsExactly(a.number(), b.number());
        assertThat(g.awaiting()).isEqualTo("gather of 2: task \"a\" #" + a.number() + ", task \"b\" #" + b.number());
        assertThat(dump.task(a.number()).awaitedBy()).containsExactly(gatherer.number());

        TaskDump.TaskInfo p = dump.task(parent.number());
        assertThat(p.awaiting()).isEqualTo("sleep, wakes in 4.000 s");
        assertThat(p.awaits()).containsExactly(children[0].number(), children[1].number());
        assertThat(p.stack())
                .extracting(TaskDumpText::frameName)
                .containsExactly("AsyncIO.sleep", "Script.body", "TaskGroup.run");
        assertThat(dump.task(children[1].number()).awaitedBy()).containsExactly(parent.number());

        assertThat(text(dump::printTree)).isEqualTo("""
                        └── (T) gatherer
                            └──  Script.gatherer
                                ├── (T) a
                                │   └──  Script.a
                                │       └──  AsyncIO.sleep
                                └── (T) b
                                    └──  Script.b
                                        └──  AsyncIO.sleep
                        └── (T) parent
                            └──  TaskGroup.run
                                └──  Script.body
                                    └──  AsyncIO.sleep
                                        ├── (T) c1
                                        │   └──  Script.c1
                                        │       └──  AsyncIO.sleep
                                        └── (T) c2
                                            └──  Script.c2
                                                └──  AsyncIO.sleep
                        """);
    }

    /** asyncio 3.14's shield records the shielded task as awaited by the task that shields it. */
    @Test
    void aTaskAwaitingAShieldAwaitsTheShieldedTask() {
        Task<Object> inner = loop.createTask(sleeper("inner", 10), "inner");
        Task<Object> outer = loop.createTask(
                Script.of("outer", s -> switch (s.pc) {
                    case 0 -> s.await(1, AsyncIO.shield(inner));
                    default -> s.value();
                }),
                "outer");
        TaskDump dump = snapshotAt(1);

        assertThat(dump.task(outer.number()).awaits()).containsExactly(inner.number());
        assertThat(dump.task(outer.number()).awaiting()).isEqualTo("shield of task \"inner\" #" + inner.number());
        assertThat(dump.task(inner.number()).awaitedBy()).containsExactly(outer.number());
    }

    /** A suspended chain of 100,000 coroutines (the runtime's own bound) dumps in every form without a StackOverflowError. */
    @Test
    void aDeepChainOfCoroutinesDumpsInEveryForm() {
        Future<Object> never = loop.createFuture();
        Task<Integer> deep = loop.createTask(new Chain(100_000, never), "deep");
        TaskDump dump = snapshotAt(1);
        assertThat(dump.task(deep.number()).stack()).hasSize(100_001);
        // each level of a tree indents: the middle of a deep stack is elided there
        List<String> tree = text(dump::printTree).lines().toList();
        assertThat(tree).hasSize(1 + 32 + 1 + 32);
        assertThat(tree.get(33)).endsWith("──  … 99937 more frames …");
        assertThat(text(dump::printTable)).contains("deep");
        assertThat(dump.toString()).contains("\"deep\" #" + deep.number() + " suspended, awaiting <Future pending");
    }

    @Test
    void aLockWaiterNamesTheLocksAcquire() {
        Lock lock = new Lock();
        loop.createTask(
                Script.of("holder", s -> switch (s.pc) {
                    case 0 -> s.await(1, lock.acquire());
                    case 1 -> s.await(2, AsyncIO.sleep(100));
                    default -> s.value();
                }),
                "holder");
        Task<Object> waiter = loop.createTask(
                Script.of("waiter", s -> switch (s.pc) {
                    case 0 -> s.await(2, lock.acquire());
                    default -> s.value();
                }),
                "waiter");
        TaskDump dump = snapshotAt(1);

        TaskDump.TaskInfo w = dump.task(waiter.number());
        assertThat(w.state()).isEqualTo(TaskDump.State.SUSPENDED);
        assertThat(w.awaiting()).startsWith("Lock.acquire: <Future pending");
        assertThat(w.awaits()).isEmpty();
        assertThat(w.stack()).extracting(TaskDumpText::frameName).containsExactly("Lock.acquire", "Script.waiter");
    }

    /** asyncio's pstree refuses to draw a graph with cycles and names them ("cycle: b → a → b"). */
    @Test
    void tasksAwaitingEachOtherAreACycleAndNoTree() {
        Task<?>[] b = new Task<?>[1];
        Task<Object> a = loop.createTask(
                Script.of("a", s -> switch (s.pc) {
                    case 0 -> s.await(1, AsyncIO.sleep(0));
                    case 1 -> s.await(2, b[0]);
                    default -> s.value();
                }),
                "a");
        b[0] = loop.createTask(awaiting("b", a), "b");
        loop.createTask(sleeper("bystander", 10), "bystander");
        TaskDump dump = snapshotAt(1);

        assertThat(dump.cycles()).hasSize(1);
        // found from the first task awaited by another, as asyncio walks its graph
        assertThat(dump.cycles().get(0)).extracting(TaskDump.TaskInfo::name).containsExactly("b", "a", "b");
        String[] tree = new String[1];
        String printed = text(out -> tree[0] = String.valueOf(dump.printTree(out)));
        assertThat(tree[0]).isEqualTo("false");
        assertThat(printed)
                .isEqualTo("ERROR: await-graph contains cycles - cannot print a tree!\n\ncycle: b → a → b\n");
        assertThat(dump.toString())
                .endsWith("\nAwait cycle (these tasks wait for each other forever): \"b\" #" + b[0].number()
                        + " -> \"a\" #" + a.number() + " -> \"b\" #" + b[0].number() + "\n");
    }

    @Test
    void aTaskThatDumpsSeesItselfRunningAndAScheduledTaskScheduled() {
        TaskDump[] dump = new TaskDump[1];
        Task<?>[] fresh = new Task<?>[1];
        Task<Object> self = loop.createTask(
                Script.of("self", s -> {
                    fresh[0] = AsyncIO.createTask(sleeper("fresh", 1), "fresh");
                    dump[0] = ownLoop(TaskDump.capture());
                    return null;
                }),
                "self");
        loop.runUntilComplete(self);
        TaskDump.TaskInfo me = dump[0].task(self.number());
        assertThat(me.state()).isEqualTo(TaskDump.State.RUNNING);
        assertThat(me.awaiting()).isNull();
        assertThat(dump[0].task(fresh[0].number()).state()).isEqualTo(TaskDump.State.SCHEDULED);
        assertThat(dump[0].task(fresh[0].number()).awaiting()).isNull();
    }

    @Test
    void aLoopThatIsNotRunningIsReadDirectlyAndAClosedOneIsGone() {
        Task<Object> t = loop.createTask(sleeper("idle", 1), "idle");
        TaskDump dump = ownLoop(TaskDump.capture());
        assertThat(dump.loops()).hasSize(1);
        assertThat(dump.loops().get(0).running()).isFalse();
        assertThat(dump.loops().get(0).threadId()).isEqualTo(-1);
        assertThat(dump.task(t.number()).state()).isEqualTo(TaskDump.State.SCHEDULED);
        assertThat(dump.toString()).startsWith("Event loop #" + LiveLoops.id(loop) + ", not running, time 0.000");

        long id = LiveLoops.id(loop);
        loop.close();
        assertThat(TaskDump.capture().loops()).noneMatch(l -> l.id() == id);
    }

    /** From another thread, a running loop takes its own snapshot between two callbacks. */
    @Test
    void fromAnotherThreadTheRunningLoopAnswers() throws Exception {
        EventLoop real = new EventLoop();
        Future<Object> gate = real.createFuture();
        Task<Object> waiting = real.createTask(awaiting("waiting", gate), "waiting");
        Thread runner = new Thread(() -> real.runUntilComplete(waiting), "loop-runner");
        runner.start();
        try {
            TaskDump.TaskInfo seen = null;
            TaskDump.LoopInfo info = null;
            for (int i = 0; i < 500 && (seen == null || seen.state() != TaskDump.State.SUSPENDED); i++) {
                TaskDump dump = TaskDump.capture(Duration.ofSeconds(10));
                seen = dump.task(waiting.number());
                info = dump.loops().stream()
                        .filter(l -> l.id() == LiveLoops.id(real))
                        .findFirst()
                        .orElseThrow();
            }
            assertThat(seen.state()).isEqualTo(TaskDump.State.SUSPENDED);
            assertThat(seen.awaiting()).startsWith("<Future pending");
            assertThat(info.running()).isTrue();
            assertThat(info.threadName()).isEqualTo("loop-runner");
            assertThat(info.consistent()).isTrue();
        } finally {
            real.callSoonThreadsafe(() -> gate.setResult("go"));
            runner.join(10_000);
            real.close();
        }
        assertThat(runner.isAlive()).isFalse();
    }

    /** A loop blocked in a callback cannot answer: after the timeout it is read without its cooperation. */
    @Test
    void aBusyLoopIsReadAfterTheTimeoutAndMarkedInconsistent() throws Exception {
        EventLoop real = new EventLoop();
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Task<Object> sleeping = real.createTask(sleeper("sleeping", 3600), "sleeping");
        Task<Object> blocker = real.createTask(Script.of("blocker", s -> {
            entered.countDown();
            release.await(10, TimeUnit.SECONDS);
            return null;
        }));
        Thread runner = new Thread(() -> real.runUntilComplete(blocker), "busy-loop");
        runner.start();
        try {
            assertThat(entered.await(10, TimeUnit.SECONDS)).isTrue();
            TaskDump dump = TaskDump.capture(Duration.ofMillis(50));
            TaskDump.LoopInfo info = dump.loops().stream()
                    .filter(l -> l.id() == LiveLoops.id(real))
                    .findFirst()
                    .orElseThrow();
            assertThat(info.consistent()).isFalse();
            assertThat(info.running()).isTrue();
            assertThat(dump.task(blocker.number()).state()).isEqualTo(TaskDump.State.RUNNING);
            assertThat(dump.toString()).contains("(read while the loop was busy, without its cooperation");
            assertThat(dump.task(sleeping.number())).isNotNull();
        } finally {
            release.countDown();
            runner.join(10_000);
            real.close();
        }
        assertThat(runner.isAlive()).isFalse();
    }

    @Test
    void dumpTasksPrintsTheFullForm() {
        loop.createTask(sleeper("work", 10), "dumped-worker");
        String[] printed = new String[1];
        loop.callLater(1, () -> {
            printed[0] = text(AsyncIO::dumpTasks);
            loop.stop();
        });
        loop.runForever();
        assertThat(printed[0])
                .contains("Event loop #" + LiveLoops.id(loop) + ", running on thread")
                .contains("\"dumped-worker\" #")
                .contains(
                        " suspended, awaiting sleep, wakes in 9.000 s\n\tat io.jasyncio.AsyncIO.sleep(AsyncIO.java)\n");
    }
}
