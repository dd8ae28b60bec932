package io.jasyncio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** Task.result()/exception() in every state, done callbacks on tasks, sleep(delay, result) (asyncio.Task). */
class TaskOutcomeTest {
    private final VirtualRun vr = new VirtualRun();

    @Test
    void resultAndExceptionInEveryState() {
        List<Task<?>> t = new ArrayList<>();
        List<String> calls = new ArrayList<>();
        vr.run(Script.of("main", s -> switch (s.pc) {
            case 0 -> {
                Task<String> ok = AsyncIO.createTask(AsyncIO.sleep(1, "value"));
                Task<Object> failed = AsyncIO.createTask(VirtualRun.failAfter(1, new IllegalStateException("bad")));
                Task<String> cancelled = AsyncIO.createTask(AsyncIO.sleep(1, "never"));
                t.addAll(List.of(ok, failed, cancelled));
                // pending: asyncio raises InvalidStateError from both
                assertThatThrownBy(ok::result)
                        .isInstanceOf(InvalidStateError.class)
                        .hasMessage("Result is not set.");
                assertThatThrownBy(ok::exception)
                        .isInstanceOf(InvalidStateError.class)
                        .hasMessage("Exception is not set.");
                Consumer<Future<String>> removed = f -> calls.add("removed");
                ok.addDoneCallback(f -> calls.add("done " + f.result() + "@" + vr.elapsed()));
                ok.addDoneCallback(removed);
                assertThat(ok.removeDoneCallback(removed)).isEqualTo(1);
                cancelled.cancel("stop");
                yield s.await(1, AsyncIO.gather(true, ok, failed, cancelled));
            }
            default -> s.value();
        }));
        Task<?> ok = t.get(0);
        Task<?> failed = t.get(1);
        Task<?> cancelled = t.get(2);
        assertThat(ok.result()).isEqualTo("value"); // sleep(delay, result) returns its result
        assertThat(ok.exception()).isNull();
        assertThat(failed.exception()).hasMessage("bad");
        assertThatThrownBy(failed::result)
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("bad");
        assertThatThrownBy(cancelled::result).isInstanceOf(CancelledError.class);
        assertThatThrownBy(cancelled::exception).isInstanceOf(CancelledError.class);
        assertThat(cancelled.cancelled()).isTrue();
        assertThat(calls).containsExactly("done value@1.0");
    }
}
