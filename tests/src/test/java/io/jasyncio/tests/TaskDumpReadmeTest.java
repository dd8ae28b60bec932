package io.jasyncio.tests;

import static io.jasyncio.AsyncIO.await;
import static io.jasyncio.AsyncIO.createTask;
import static io.jasyncio.AsyncIO.done;
import static io.jasyncio.AsyncIO.gather;
import static io.jasyncio.AsyncIO.sleep;
import static org.assertj.core.api.Assertions.assertThat;

import io.jasyncio.Async;
import io.jasyncio.AsyncIO;
import io.jasyncio.Coroutine;
import io.jasyncio.EventLoop;
import io.jasyncio.Task;
import io.jasyncio.TaskDump;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The README's "Task dumps" example, as written there, and what the dump of rewritten
 * {@code @Async} code shows: each frame at the line of its suspended await (asyncio 3.14's
 * {@code pstree} prints {@code function file:line} the same way).
 */
class TaskDumpReadmeTest {
    @Async
    static Coroutine<Void> fetch(String url) {
        await(sleep(10)); // stands for the download
        return done();
    }

    @Async
    static Coroutine<Void> crawl() {
        await(gather(createTask(fetch("a"), "fetch a"), createTask(fetch("b"), "fetch b")));
        return done();
    }

    @Async
    static Coroutine<Void> main() {
        Task<Void> crawler = createTask(crawl(), "crawler");
        await(sleep(1));
        TaskDump.capture().printTree(System.out); // python -m asyncio pstree
        await(crawler);
        return done();
    }

    /** The line of the first occurrence of {@code code} in this file. */
    private static int lineOf(String code) throws IOException {
        List<String> source = Files.readAllLines(Path.of("src/test/java/io/jasyncio/tests/TaskDumpReadmeTest.java"));
        for (int i = 0; i < source.size(); i++) {
            if (source.get(i).contains(code)) {
                return i + 1;
            }
        }
        throw new AssertionError(code + " is not in this file");
    }

    @Test
    void printsTheAwaitTreeWithTheLinesOfTheAwaits() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream stdout = System.out;
        System.setOut(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        try {
            AsyncIO.run(main(), EventLoop::withVirtualTime);
        } finally {
            System.setOut(stdout);
        }
        String file = "TaskDumpReadmeTest.java:";
        assertThat(bytes.toString(StandardCharsets.UTF_8))
                .matches("└── \\(T\\) Task-\\d+\n"
                        + "    └──  TaskDumpReadmeTest.main " + file + lineOf("printTree(System.out)") + "\n"
                        + "└── \\(T\\) crawler\n"
                        + "    └──  TaskDumpReadmeTest.crawl " + file + lineOf("await(gather(") + "\n"
                        + "        ├── \\(T\\) fetch a\n"
                        + "        │   └──  TaskDumpReadmeTest.fetch " + file + lineOf("await(sleep(10))") + "\n"
                        + "        │       └──  AsyncIO.sleep\n"
                        + "        └── \\(T\\) fetch b\n"
                        + "            └──  TaskDumpReadmeTest.fetch " + file + lineOf("await(sleep(10))") + "\n"
                        + "                └──  AsyncIO.sleep\n");
    }
}
