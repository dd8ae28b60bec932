package io.jasyncio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import org.junit.jupiter.api.Test;

class ContextVarTest {
    private static final ContextVar<String> REQUEST = new ContextVar<>("request", "none");
    private final List<Object> log = new ArrayList<>();

    @Test
    void eachTaskCopiesTheContextOfItsCreatorAtCreation() {
        VirtualRun.runOnNewLoop(Script.steps()
                .then(in -> {
                    REQUEST.set("main");
                    Task<Object> child = AsyncIO.createTask(Script.steps()
                            .then(x -> {
                                log.add("child sees " + REQUEST.get());
                                REQUEST.set("child");
                                return Script.await(AsyncIO.sleep(1));
                            })
                            .then(x -> log.add("child still sees " + REQUEST.get())));
                    REQUEST.set("main after creating the child");
                    return Script.await(child);
                })
                .then(in -> log.add("main sees " + REQUEST.get())));
        assertThat(log)
                .containsExactly(
                        "child sees main", "child still sees child", "main sees main after creating the child");
        assertThat(REQUEST.get()).isEqualTo("none");
    }

    @Test
    void theLoopThreadKeepsItsOwnContextAcrossTaskSteps() {
        // asyncio: a step runs in its task's context (context.run), so what a task sets is seen
        // neither by a callback run later in the same iteration (it runs in the copy call_soon made)
        // nor by the thread that ran the loop once run_until_complete returns
        EventLoop loop = EventLoop.withVirtualTime();
        try {
            Task<Object> task = loop.createTask(Script.steps().then(in -> {
                REQUEST.set("task");
                return log.add("task set " + REQUEST.get());
            }));
            loop.callSoon(() -> log.add("callback sees " + REQUEST.get()));
            loop.runUntilComplete(task);
            VirtualRun.iterate(loop, 1);
        } finally {
            loop.close();
        }
        assertThat(log).containsExactly("task set task", "callback sees none");
        assertThat(REQUEST.get()).isEqualTo("none");
    }

    @Test
    void awaitedCoroutinesShareTheTasksContext() {
        VirtualRun.runOnNewLoop(Script.steps()
                .then(in -> Script.await(Script.call(() -> REQUEST.set("set by an awaited coroutine"))))
                .then(in -> log.add(REQUEST.get())));
        assertThat(log).containsExactly("set by an awaited coroutine");
    }

    @Test
    void getWithoutValueOrDefault() {
        ContextVar<Integer> v = new ContextVar<>("v");
        assertThat(v.getName()).isEqualTo("v");
        assertThatThrownBy(v::get).isInstanceOf(NoSuchElementException.class).hasMessageContaining("v");
        assertThat(v.get(5)).isEqualTo(5);
        assertThat(v).hasToString("<ContextVar name='v'>");
        assertThat(REQUEST).hasToString("<ContextVar name='request' default=none>");
    }

    @Test
    void resetRestoresThePreviousValueOnce() {
        ContextVar<Integer> v = new ContextVar<>("counter");
        ContextVar.Token<Integer> first = v.set(1);
        assertThat(first.getOldValue()).isSameAs(ContextVar.Token.MISSING);
        ContextVar.Token<Integer> second = v.set(2);
        assertThat(second.getOldValue()).isEqualTo(1);
        assertThat(second.getVar()).isSameAs(v);
        v.reset(second);
        assertThat(v.get()).isEqualTo(1);
        assertThatThrownBy(() -> v.reset(second))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("used once");
        v.reset(first);
        assertThat(v.get(null)).isNull();
        ContextVar<Integer> other = new ContextVar<>("other");
        ContextVar.Token<Integer> t = v.set(3);
        @SuppressWarnings({"unchecked", "rawtypes"})
        ContextVar.Token<Integer> foreign = (ContextVar.Token) other.set(4);
        assertThatThrownBy(() -> v.reset(foreign))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("different ContextVar");
        v.reset(t);
    }

    @Test
    void aTokenFromAnotherContextIsRefused() {
        ContextVar<Integer> v = new ContextVar<>("v");
        ContextVar.Token<Integer> outside = v.set(1);
        Object r = VirtualRun.runOnNewLoop(Script.steps()
                .then(in -> Script.await(Script.call(() -> {
                    v.reset(outside);
                    return null;
                })))
                .handle((in, err) -> err));
        assertThat(r)
                .isInstanceOf(IllegalArgumentException.class)
                .hasFieldOrPropertyWithValue("message", outside + " was created in a different Context");
        v.reset(outside);
    }
}
