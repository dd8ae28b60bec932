package io.jasyncio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** ExceptionGroup and BaseExceptionGroup: pins Python's exception groups (PEP 654, 3.11). */
class ExceptionGroupTest {
    private final IOException io = new IOException("io");
    private final IllegalStateException state = new IllegalStateException("state");
    private final ArithmeticException math = new ArithmeticException("math");
    private final ExceptionGroup nested = new ExceptionGroup("inner", List.of(math, state));
    private final ExceptionGroup eg = new ExceptionGroup("outer", List.of(io, nested));

    @Test
    void membersMessageAndSuppressed() {
        // Python: eg.message, eg.exceptions, str(eg) == "outer (2 sub-exceptions)"
        assertThat(eg.message()).isEqualTo("outer");
        assertThat(eg.getMessage()).isEqualTo("outer (2 sub-exceptions)");
        assertThat(new ExceptionGroup("one", List.of(io)).getMessage()).isEqualTo("one (1 sub-exception)");
        assertThat(eg.exceptions()).containsExactly(io, nested);
        assertThat(eg.getSuppressed()).containsExactly(io, nested);
        assertThatThrownBy(() -> eg.exceptions().add(state)).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void theStackTraceShowsEveryMember() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        eg.printStackTrace(new PrintStream(out, true, StandardCharsets.UTF_8));
        String trace = out.toString(StandardCharsets.UTF_8);
        assertThat(trace)
                .contains(
                        "io.jasyncio.ExceptionGroup: outer (2 sub-exceptions)",
                        "Suppressed: java.io.IOException: io",
                        "Suppressed: io.jasyncio.ExceptionGroup: inner (2 sub-exceptions)",
                        "Suppressed: java.lang.ArithmeticException: math",
                        "Suppressed: java.lang.IllegalStateException: state");
    }

    @Test
    void constructorChecksLikePython() {
        // Python: ValueError for an empty sequence, TypeError for a BaseException in an ExceptionGroup
        assertThatThrownBy(() -> new ExceptionGroup("m", List.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("non-empty");
        assertThatThrownBy(() -> new ExceptionGroup("m", List.of(new AssertionError())))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("BaseExceptionGroup");
        List<Throwable> withNull = new ArrayList<>();
        withNull.add(null);
        assertThatThrownBy(() -> new ExceptionGroup("m", withNull)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new ExceptionGroup(null, List.of(io))).isInstanceOf(NullPointerException.class);
        assertThat(new BaseExceptionGroup("b", List.of(new AssertionError(), io)).exceptions())
                .hasSize(2);
    }

    @Test
    void subgroupKeepsTheNestingAndMakesNewGroups() {
        // Python: eg.subgroup(T) derives new groups (never the same object unless eg itself
        // matches), keeps the structure, and is None when nothing matches
        ExceptionGroup sub = eg.subgroup(IllegalStateException.class);
        assertThat(sub).isNotSameAs(eg);
        assertThat(sub.message()).isEqualTo("outer");
        assertThat(sub.exceptions()).singleElement().isInstanceOf(ExceptionGroup.class);
        ExceptionGroup inner = (ExceptionGroup) sub.exceptions().get(0);
        assertThat(inner.message()).isEqualTo("inner");
        assertThat(inner.exceptions()).containsExactly(state);
        assertThat(eg.subgroup(NullPointerException.class)).isNull();
        // a Class is a member type: RuntimeException does not take the group (itself one)
        assertThat(eg.subgroup(RuntimeException.class).exceptions())
                .singleElement()
                .isInstanceOf(ExceptionGroup.class);
        assertThatThrownBy(() -> eg.subgroup(ExceptionGroup.class)).isInstanceOf(IllegalArgumentException.class);
        // a predicate is tried on the groups too, as in Python
        assertThat(eg.subgroup(e -> e instanceof ExceptionGroup)).isSameAs(eg);
        assertThat(eg.subgroup(e -> e.getMessage() != null && e.getMessage().startsWith("m"))
                        .exceptions()
                        .get(0))
                .isInstanceOf(ExceptionGroup.class);
        assertThat(sub.getStackTrace()).isEqualTo(eg.getStackTrace());
    }

    @Test
    void splitGivesMatchAndRest() {
        ExceptionGroup.Split<ExceptionGroup> parts = eg.split(RuntimeException.class);
        assertThat(parts.match().exceptions()).singleElement().isInstanceOf(ExceptionGroup.class);
        assertThat(((ExceptionGroup) parts.match().exceptions().get(0)).exceptions())
                .containsExactly(math, state);
        assertThat(parts.rest().exceptions()).containsExactly(io);
        ExceptionGroup.Split<ExceptionGroup> all = eg.split(Exception.class);
        assertThat(all.match()).isNotSameAs(eg);
        assertThat(all.match().exceptions()).hasSize(2);
        assertThat(all.rest()).isNull();
        ExceptionGroup.Split<ExceptionGroup> whole = eg.split(e -> e == eg);
        assertThat(whole.match()).isSameAs(eg);
        assertThat(whole.rest()).isNull();
        ExceptionGroup.Split<ExceptionGroup> none = eg.split(NullPointerException.class);
        assertThat(none.match()).isNull();
        assertThat(none.rest().exceptions()).hasSize(2);
    }

    @Test
    void handleIsTheExceptStarIdiom() {
        // Python: except* IOError handles the matching leaves, except* ArithmeticError the next;
        // what is left is re-raised as a group keeping the nesting
        List<String> handled = new ArrayList<>();
        ExceptionGroup.Unhandled left = eg.handle(IOException.class, e -> handled.add("io:" + e.getMessage()))
                .handle(ArithmeticException.class, e -> handled.add("math:" + e.getMessage()));
        assertThat(handled).containsExactly("io:io", "math:math");
        assertThat(left.rest()).isInstanceOf(ExceptionGroup.class);
        assertThatThrownBy(left::rethrowRest).isInstanceOfSatisfying(ExceptionGroup.class, rest -> {
            assertThat(rest.message()).isEqualTo("outer");
            assertThat(((ExceptionGroup) rest.exceptions().get(0)).exceptions()).containsExactly(state);
        });
        // everything handled: nothing to rethrow
        eg.handle(Exception.class, e -> handled.add(e.getMessage())).rethrowRest();
        assertThat(handled).endsWith("io", "math", "state");
        assertThatThrownBy(() -> eg.handle(ExceptionGroup.class, e -> {})).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aGroupWithAnErrorIsABaseExceptionGroup() {
        // Python: BaseExceptionGroup; its Exception-only parts are ExceptionGroups again
        AssertionError err = new AssertionError("assert");
        BaseExceptionGroup beg = new BaseExceptionGroup("base", List.of(err, io));
        assertThat(beg).isInstanceOf(Error.class);
        assertThat(beg.getSuppressed()).containsExactly(err, io);
        assertThat(beg.subgroup(IOException.class)).isInstanceOf(ExceptionGroup.class);
        assertThat(beg.subgroup(AssertionError.class)).isInstanceOf(BaseExceptionGroup.class);
        ExceptionGroup.Split<Throwable> parts = beg.split(Error.class);
        assertThat(parts.match()).isInstanceOf(BaseExceptionGroup.class);
        assertThat(parts.rest()).isInstanceOf(ExceptionGroup.class);
        List<Object> seen = new ArrayList<>();
        assertThatThrownBy(() -> beg.handle(IOException.class, seen::add).rethrowRest())
                .isInstanceOf(BaseExceptionGroup.class);
        assertThat(seen).containsExactly(io);
        assertThat(GroupMembers.of("x", List.of(io))).isInstanceOf(ExceptionGroup.class);
        assertThat(GroupMembers.of("x", List.of(err))).isInstanceOf(BaseExceptionGroup.class);
    }

    @Test
    void deriveKeepsMessageTraceAndCause() {
        ExceptionGroup withCause = new ExceptionGroup("c", List.of(io));
        withCause.initCause(state); // Python: raise ExceptionGroup(...) from state
        ExceptionGroup d = withCause.derive(List.of(math));
        assertThat(d.message()).isEqualTo("c");
        assertThat(d.getCause()).isSameAs(state);
        assertThat(d.getStackTrace()).isEqualTo(withCause.getStackTrace());
        assertThat(d.exceptions()).containsExactly(math);
    }
}
