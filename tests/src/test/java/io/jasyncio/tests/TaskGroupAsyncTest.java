package io.jasyncio.tests;

import static io.jasyncio.AsyncIO.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jasyncio.Async;
import io.jasyncio.BaseExceptionGroup;
import io.jasyncio.CancelledError;
import io.jasyncio.Coroutine;
import io.jasyncio.EventLoop;
import io.jasyncio.ExceptionContext;
import io.jasyncio.ExceptionGroup;
import io.jasyncio.Task;
import io.jasyncio.TaskGroup;
import io.jasyncio.Timeout;
import io.jasyncio.TimeoutError;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * TaskGroup in the @Async style, each test pinning the asyncio behaviour named in its comment
 * (most are ports of CPython's test_taskgroups.py, on virtual time). After every test no task of
 * the loop is left pending: the group never leaves a child running.
 */
class TaskGroupAsyncTest {
    private final List<String> log = new ArrayList<>();
    private EventLoop loop;
    private int num;

    static final class MyExc extends Exception {
        MyExc(String m) {
            super(m);
        }
    }

    private <T> T runVirtual(Coroutine<T> main) {
        return run(main, () -> {
            loop = EventLoop.withVirtualTime();
            return loop;
        });
    }

    private double now() {
        return getRunningLoop().time();
    }

    @AfterEach
    void noTaskLeftBehind() {
        // run() cancels what is left, so a leak shows up as a child that saw that cancellation
        assertThat(log).noneMatch(l -> l.contains("left running"));
    }

    private static Set<Class<?>> types(Throwable group) {
        List<Throwable> members =
                group instanceof ExceptionGroup eg ? eg.exceptions() : ((BaseExceptionGroup) group).exceptions();
        return members.stream().map(Object::getClass).collect(Collectors.toSet());
    }

    // ---- helpers ------------------------------------------------------------------------

    /** Cancels {@code task} from outside at {@code delay}, then returns what awaiting it raised (null: nothing). */
    @Async
    static Coroutine<Throwable> raisedAfterCancel(Task<?> task, double delay) {
        await(sleep(delay));
        task.cancel();
        try {
            await(task);
            return done(null);
        } catch (Throwable e) {
            return done(e);
        }
    }

    @Async
    static Coroutine<Integer> value(double delay, int v) {
        await(sleep(delay));
        return done(v);
    }

    @Async
    static Coroutine<Void> crashAfter(double delay, RuntimeException e) {
        await(sleep(delay));
        throw e;
    }

    @Async
    static Coroutine<Void> crashNow(RuntimeException e) {
        throw e;
    }

    @Async
    Coroutine<Void> sleepLogged(String name, double delay) {
        try {
            await(sleep(delay));
        } catch (CancelledError e) {
            log.add(name + " cancelled@" + now());
            throw e;
        }
        log.add(name + " done@" + now());
        return done();
    }

    @Async
    Coroutine<Void> waitForPending() {
        // what run() does at its end: anything still pending here was left behind by a group
        for (Task<?> t : allTasks()) {
            if (t != currentTask()) {
                log.add(t.getName() + " left running");
            }
        }
        return done();
    }

    // ---- success ------------------------------------------------------------------------

    Task<Integer> t1;
    Task<Integer> t2;

    @Async
    Coroutine<Void> twoChildren(TaskGroup g) {
        t1 = g.createTask(value(0.1, 42));
        t2 = g.createTask(value(0.2, 11));
        return done();
    }

    @Async
    Coroutine<String> groupWaitsForItsChildren() {
        await(taskGroup(g -> twoChildren(g)));
        String r = t1.result() + "," + t2.result() + "@" + now();
        await(waitForPending());
        return done(r);
    }

    @Test
    void theGroupWaitsForEveryChild() {
        // test_taskgroup_01: the scope ends when the last child is done; the results are there
        assertThat(runVirtual(groupWaitsForItsChildren())).isEqualTo("42,11@0.2");
    }

    @Async
    Coroutine<String> bodyValue(TaskGroup g) {
        g.createTask(value(1, 1));
        await(sleep(0.5));
        return done("body@" + now());
    }

    @Async
    Coroutine<String> scopeValue() {
        String v = await(taskGroup(g -> bodyValue(g)));
        return done(v + " scope@" + now());
    }

    @Test
    void theScopeGivesTheBodysValueAfterTheChildren() {
        // Java shape: the body runs inline in the awaiting task; its value is the scope's
        assertThat(runVirtual(scopeValue())).isEqualTo("body@0.5 scope@1.0");
    }

    @Async
    Coroutine<Void> cancelOneChild(TaskGroup g) {
        t1 = g.createTask(value(1, 42));
        await(sleep(0.15));
        t1.cancel();
        t2 = g.createTask(value(0.2, 11));
        return done();
    }

    @Async
    Coroutine<String> aCancelledChildIsNotAFailure() {
        await(taskGroup(g -> cancelOneChild(g)));
        return done(t1.cancelled() + " " + t2.result() + "@" + now());
    }

    @Test
    void cancellingOneChildDoesNotAffectTheGroup() {
        // test_taskgroup_03: a child cancelled explicitly is not an error; the others go on
        assertThat(runVirtual(aCancelledChildIsNotAFailure())).isEqualTo("true 11@0.35");
    }

    // ---- failures -----------------------------------------------------------------------

    @Async
    Coroutine<Void> raiseInFinally(double delay, RuntimeException e) {
        try {
            await(sleep(delay));
        } finally {
            log.add("child cleanup@" + now());
            if (true) {
                throw e;
            }
        }
        return done();
    }

    @Async
    Coroutine<Void> twoFailing(TaskGroup g) {
        g.createTask(crashAfter(0.1, new ArithmeticException("first")));
        g.createTask(raiseInFinally(10, new IllegalStateException("second, while cancelled")));
        return done();
    }

    @Async
    Coroutine<Void> twoFailingChildren() {
        try {
            await(taskGroup(g -> twoFailing(g)));
        } catch (ExceptionGroup eg) {
            log.add(eg.getMessage() + "@" + now());
            for (Throwable t : eg.exceptions()) {
                log.add(t.getClass().getSimpleName() + ": " + t.getMessage());
            }
            log.add("cancelling=" + currentTask().cancelling());
        }
        await(waitForPending());
        return done();
    }

    @Test
    void twoFailingChildrenAreBothInTheGroup() {
        // test_taskgroup_08 / 19: the first failure cancels the sibling, which fails while
        // cancelled; the group waits for it and raises both, in the order they happened
        runVirtual(twoFailingChildren());
        assertThat(log)
                .containsExactly(
                        "child cleanup@0.1",
                        "unhandled errors in a TaskGroup (2 sub-exceptions)@0.1",
                        "ArithmeticException: first",
                        "IllegalStateException: second, while cancelled",
                        "cancelling=0");
    }

    @Async
    Coroutine<Void> bodySuspended(TaskGroup g) {
        g.createTask(crashAfter(0.1, new ArithmeticException("boom")));
        g.createTask(sleepLogged("sibling", 5));
        try {
            await(sleep(10));
        } catch (CancelledError e) {
            log.add("body cancelled@" + now());
            throw e;
        }
        log.add("body went on");
        return done();
    }

    @Async
    Coroutine<Void> failingChildWhileBodySuspended() {
        try {
            await(taskGroup(g -> bodySuspended(g)));
            num += 10;
        } catch (ExceptionGroup eg) {
            log.add(types(eg) + "@" + now() + " cancelling=" + currentTask().cancelling());
        }
        // the group withdrew the cancellation it requested: the task can sleep again
        await(sleep(1));
        log.add("after@" + now());
        return done();
    }

    @Test
    void aFailingChildCancelsTheSuspendedBody() {
        // test_cancel_children_on_child_error: the body's await gets CancelledError, the
        // other children are cancelled, the code after the scope does not run
        runVirtual(failingChildWhileBodySuspended());
        // (asyncio's order too: the group cancels the children, then the cancelled body resumes)
        assertThat(log)
                .containsExactly(
                        "sibling cancelled@0.1",
                        "body cancelled@0.1",
                        "[class java.lang.ArithmeticException]@0.1 cancelling=0",
                        "after@1.1");
        assertThat(num).isZero();
    }

    @Async
    Coroutine<Void> bodyRaises(TaskGroup g) {
        t1 = g.createTask(value(1, 42));
        t2 = g.createTask(value(2, 11));
        await(sleep(0.1));
        throw new ArithmeticException("in body");
    }

    @Async
    Coroutine<String> bodyFailure() {
        try {
            await(taskGroup(g -> bodyRaises(g)));
            return done("no group");
        } catch (ExceptionGroup eg) {
            return done(types(eg) + " " + t1.cancelled() + " " + t2.cancelled() + "@" + now());
        }
    }

    @Test
    void aFailingBodyCancelsTheChildrenAndJoinsTheGroup() {
        // test_taskgroup_09: the body's exception cancels every child and comes out in the group
        assertThat(runVirtual(bodyFailure())).isEqualTo("[class java.lang.ArithmeticException] true true@0.1");
    }

    @Async
    Coroutine<Void> bodyRaisesAtOnce(TaskGroup g) throws MyExc {
        t1 = g.createTask(value(1, 1));
        throw new MyExc("checked, before any await");
    }

    @Async
    Coroutine<String> checkedBodyFailure() {
        try {
            await(taskGroup(g -> bodyRaisesAtOnce(g)));
            return done("no group");
        } catch (ExceptionGroup eg) {
            return done(eg.exceptions().get(0).getMessage() + "@" + now() + " child cancelled=" + t1.cancelled());
        }
    }

    @Test
    void aBodyFailingBeforeItsFirstAwaitStillWaitsForTheChildren() {
        // test_taskgroup_10: the child created before the failure is cancelled before it started
        // (its body never runs) and awaited
        assertThat(runVirtual(checkedBodyFailure())).isEqualTo("checked, before any await@0.0 child cancelled=true");
    }

    // ---- cancellation from outside ------------------------------------------------------

    @Async
    Coroutine<Void> fiveSleepersAndBodySleeps(TaskGroup g) {
        for (int i = 0; i < 5; i++) {
            g.createTask(sleepLogged("child" + i, 5));
        }
        try {
            await(sleep(10));
        } catch (CancelledError e) {
            log.add("body cancelled@" + now());
            throw e;
        }
        return done();
    }

    @Async
    Coroutine<Void> groupRunner(boolean bodySleeps) {
        if (bodySleeps) {
            await(taskGroup(g -> fiveSleepersAndBodySleeps(g)));
        } else {
            await(taskGroup(g -> {
                for (int i = 0; i < 5; i++) {
                    g.createTask(sleepLogged("child" + i, 5));
                }
                return done();
            }));
        }
        log.add("after the group");
        return done();
    }

    @Async
    Coroutine<String> cancelFromOutside(boolean bodySleeps) {
        Task<Void> r = createTask(groupRunner(bodySleeps));
        await(sleep(0.1));
        r.cancel("test");
        try {
            await(r);
            return done("not cancelled");
        } catch (CancelledError e) {
            return done("CancelledError(" + e.getMessage() + ") cancelled=" + r.cancelled() + "@" + now());
        }
    }

    @Test
    void cancellationDuringTheBodyCancelsEveryChildAndPropagates() {
        // test_taskgroup_07 / test_cancellation_in_body: the cancellation (with its message)
        // goes through the body, cancels the children and comes out as CancelledError
        assertThat(runVirtual(cancelFromOutside(true))).isEqualTo("CancelledError(test) cancelled=true@0.1");
        assertThat(log)
                .containsExactly(
                        "body cancelled@0.1",
                        "child0 cancelled@0.1",
                        "child1 cancelled@0.1",
                        "child2 cancelled@0.1",
                        "child3 cancelled@0.1",
                        "child4 cancelled@0.1");
    }

    @Test
    void cancellationWhileWaitingForTheChildrenCancelsThemAndPropagates() {
        // test_cancellation: the body is done, the exit waits for the children when the parent
        // is cancelled: the children are cancelled, the CancelledError propagates
        assertThat(runVirtual(cancelFromOutside(false))).isEqualTo("CancelledError(test) cancelled=true@0.1");
        assertThat(log).hasSize(5).allMatch(l -> l.endsWith("cancelled@0.1"));
    }

    @Async
    Coroutine<String> stubborn() {
        try {
            await(sleep(5));
        } catch (CancelledError e) {
            log.add("stubborn refuses@" + now());
            await(sleep(0.5));
            return done("suppressed");
        }
        return done("slept");
    }

    Task<String> stubbornTask;

    @Async
    Coroutine<Void> withStubborn(TaskGroup g, boolean failure) {
        stubbornTask = g.createTask(stubborn());
        if (failure) {
            g.createTask(crashAfter(0.1, new ArithmeticException("boom")));
        }
        return done();
    }

    @Async
    Coroutine<String> suppressingChildAfterSiblingFailure() {
        try {
            await(taskGroup(g -> withStubborn(g, true)));
            return done("no group");
        } catch (ExceptionGroup eg) {
            return done(types(eg) + "@" + now() + " stubborn=" + stubbornTask.result());
        }
    }

    @Test
    void aChildThatSuppressesItsCancellationIsWaitedFor() {
        // asyncio: a child may swallow the CancelledError the group sends; the group waits until
        // it returns, and its result is not an error
        assertThat(runVirtual(suppressingChildAfterSiblingFailure()))
                .isEqualTo("[class java.lang.ArithmeticException]@0.6 stubborn=suppressed");
        assertThat(log).containsExactly("stubborn refuses@0.1");
    }

    @Async
    Coroutine<String> suppressingChildOuterCancel() {
        Throwable e = await(raisedAfterCancel(createTask(taskGroup(g -> withStubborn(g, false))), 0.1));
        return done((e instanceof CancelledError ? "cancelled@" + now() : "raised " + e) + " stubborn="
                + stubbornTask.result());
    }

    @Test
    void anOuterCancellationStillPropagatesWhenAChildSuppressesIts() {
        // asyncio: the parent's own cancellation comes out once the children are done, even if
        // one of them swallowed the cancellation the group passed on
        assertThat(runVirtual(suppressingChildOuterCancel())).isEqualTo("cancelled@0.6 stubborn=suppressed");
    }

    @Async
    Coroutine<Void> bodyCatchesSleepsRaises(TaskGroup g) {
        g.createTask(crashAfter(0.3, new ArithmeticException("crash soon")));
        try {
            await(sleep(10));
        } catch (CancelledError e) {
            await(sleep(0.5));
            throw e;
        }
        return done();
    }

    @Async
    Coroutine<String> outerCancelThenChildFails() {
        Throwable eg = await(raisedAfterCancel(createTask(taskGroup(g -> bodyCatchesSleepsRaises(g))), 0.1));
        return done(types(eg) + "@" + now());
    }

    @Test
    void childFailuresWinOverAnOuterCancellation() {
        // test_taskgroup_15: the body delays its cancellation; a child crashes meanwhile (at 0.3,
        // which cancels the body's cleanup sleep too); the group's errors take priority over
        // the CancelledError
        assertThat(runVirtual(outerCancelThenChildFails())).isEqualTo("[class java.lang.ArithmeticException]@0.3");
    }

    @Async
    Coroutine<Void> bodyTurnsCancelIntoError(TaskGroup g) throws MyExc {
        try {
            await(sleep(10));
        } catch (CancelledError e) {
            throw new MyExc("instead of cancel");
        }
        return done();
    }

    @Async
    Coroutine<String> cancelTurnedIntoError() {
        Task<Void> r = createTask(taskGroup(g -> bodyTurnsCancelIntoError(g)));
        Throwable eg = await(raisedAfterCancel(r, 0.1));
        return done(types(eg).iterator().next().getSimpleName() + " cancelling=" + r.cancelling());
    }

    @Test
    void aBodyThatTurnsItsCancellationIntoAnErrorRaisesTheGroup() {
        // test_taskgroup_18: the group raises ExceptionGroup([MyExc]) and keeps the outer
        // cancellation requested (uncancel then cancel: the count stays 1)
        assertThat(runVirtual(cancelTurnedIntoError())).isEqualTo("MyExc cancelling=1");
    }

    // ---- nesting ------------------------------------------------------------------------

    @Async
    Coroutine<Void> innerGroup(double delay) {
        await(taskGroup(g2 -> {
            g2.createTask(crashAfter(delay, new IllegalArgumentException("inner " + delay)));
            return done();
        }));
        return done();
    }

    @Async
    Coroutine<Void> nested(TaskGroup g1, double outer, double inner) {
        g1.createTask(crashAfter(outer, new IllegalArgumentException("outer " + outer)));
        await(innerGroup(inner));
        return done();
    }

    @Async
    Coroutine<Throwable> nestedGroups(double outer, double inner) {
        try {
            await(taskGroup(g1 -> nested(g1, outer, inner)));
            return done(null);
        } catch (ExceptionGroup eg) {
            return done(eg);
        }
    }

    @Test
    void anOuterChildFailingCancelsTheInnerGroup() {
        // test_taskgroup_13: the outer child fails first; the inner group is cancelled (its
        // child too) and only the outer failure is reported
        ExceptionGroup eg = (ExceptionGroup) runVirtual(nestedGroups(0.1, 10));
        assertThat(eg.exceptions().get(0)).hasMessage("outer 0.1");
        assertThat(eg.exceptions()).hasSize(1);
    }

    @Test
    void anInnerGroupsFailureIsNestedInTheOuterGroup() {
        // test_taskgroup_14: the inner group's ExceptionGroup is the body's failure of the outer
        ExceptionGroup eg = (ExceptionGroup) runVirtual(nestedGroups(10, 0.1));
        assertThat(eg.exceptions()).singleElement().isInstanceOf(ExceptionGroup.class);
        assertThat(((ExceptionGroup) eg.exceptions().get(0)).exceptions().get(0))
                .hasMessage("inner 0.1");
    }

    @Async
    Coroutine<Void> bothNested(TaskGroup outerTg) {
        try {
            await(taskGroup(innerTg -> {
                innerTg.createTask(crashAfter(0, new IllegalStateException("inner")));
                outerTg.createTask(crashAfter(0, new IllegalArgumentException("outer")));
                return done();
            }));
            log.add("inner raised nothing");
        } catch (ExceptionGroup eg) {
            eg.handle(IllegalStateException.class, e -> log.add("handled " + e.getMessage()))
                    .rethrowRest();
        }
        log.add("cancelling in outer body=" + currentTask().cancelling());
        return done();
    }

    @Async
    Coroutine<Void> nestedGroupsBothCancelled() {
        try {
            await(taskGroup(outerTg -> bothNested(outerTg)));
        } catch (ExceptionGroup eg) {
            eg.handle(IllegalArgumentException.class, e -> log.add("handled " + e.getMessage()))
                    .rethrowRest();
        }
        log.add("cancelling after=" + currentTask().cancelling());
        return done();
    }

    @Test
    void nestedGroupsKeepTheCancellationCountsStraight() {
        // test_nested_groups_both_cancelled: each group withdraws exactly its own cancellation
        runVirtual(nestedGroupsBothCancelled());
        assertThat(log)
                .containsExactly("handled inner", "cancelling in outer body=1", "handled outer", "cancelling after=0");
    }

    @Async
    Coroutine<Void> innerWithFailingCleanup() {
        await(taskGroup(g2 -> {
            for (int i = 0; i < 5; i++) {
                g2.createTask(raiseInFinally(10, new ArithmeticException("cleanup " + i)));
            }
            return sleep(10);
        }));
        return done();
    }

    @Async
    Coroutine<String> outerCancelOfNestedGroups() {
        ExceptionGroup eg =
                (ExceptionGroup) await(raisedAfterCancel(createTask(taskGroup(g1 -> innerWithFailingCleanup())), 0.1));
        ExceptionGroup inner = (ExceptionGroup) eg.exceptions().get(0);
        return done(eg.exceptions().size() + " " + inner.exceptions().size() + " " + types(inner));
    }

    @Test
    void anOuterCancellationOfNestedGroupsWhoseChildrenFailInCleanup() {
        // test_taskgroup_11: the inner group raises the children's errors; the outer group
        // nests that ExceptionGroup in its own
        assertThat(runVirtual(outerCancelOfNestedGroups())).isEqualTo("1 5 [class java.lang.ArithmeticException]");
    }

    @Async
    Coroutine<Void> bodyWithFailingFinally(TaskGroup tg) {
        try {
            tg.createTask(crashNow(new IllegalStateException("child")));
            await(sleep(1));
        } finally {
            if (true) {
                throw new IllegalStateException("body's cleanup");
            }
        }
        return done();
    }

    @Async
    Coroutine<String> exitRaises() {
        try {
            await(taskGroup(tg -> bodyWithFailingFinally(tg)));
            return done("nothing");
        } catch (ExceptionGroup eg) {
            return done(eg.exceptions().stream().map(Throwable::getMessage).collect(Collectors.joining(", "))
                    + " cancelling=" + currentTask().cancelling());
        }
    }

    @Test
    void aBodyFailingInItsCleanupJoinsTheChildsFailure() {
        // test_taskgroup_context_manager_exit_raises: both errors in the group, the child's
        // first; the group's own cancellation withdrawn (cancelling() 0)
        assertThat(runVirtual(exitRaises())).isEqualTo("child, body's cleanup cancelling=0");
    }

    // ---- timeouts -----------------------------------------------------------------------

    @Async
    Coroutine<String> groupInsideExpiringTimeout() {
        Timeout cm = timeout(1);
        try {
            await(cm.run(taskGroup(g -> {
                g.createTask(sleepLogged("a", 10));
                g.createTask(sleepLogged("b", 0.5));
                return done();
            })));
            return done("no timeout");
        } catch (TimeoutError e) {
            return done("TimeoutError@" + now() + " expired=" + cm.expired() + " cause="
                    + e.getCause().getClass().getSimpleName() + " cancelling="
                    + currentTask().cancelling());
        }
    }

    @Test
    void aGroupInsideATimeoutThatExpiresCancelsItsChildrenAndTheTimeoutSeesItsOwnCancellation() {
        // asyncio: the timeout cancels the task; the group passes the CancelledError out (it did
        // not request it) and the timeout turns it into TimeoutError
        assertThat(runVirtual(groupInsideExpiringTimeout()))
                .isEqualTo("TimeoutError@1.0 expired=true cause=CancelledError cancelling=0");
        assertThat(log).containsExactly("b done@0.5", "a cancelled@1.0");
    }

    @Async
    Coroutine<String> negativeTimeoutAroundGroup() {
        try {
            await(timeout(-1).run(taskGroup(g -> sleep(0))));
            return done("no timeout");
        } catch (TimeoutError e) {
            return done("TimeoutError cause=" + e.getCause().getClass().getSimpleName());
        }
    }

    @Test
    void anAlreadyExpiredTimeoutAroundAGroup() {
        // test_exception_refcycles_propagate_cancellation_error: TimeoutError whose cause is the
        // CancelledError the group let through
        assertThat(runVirtual(negativeTimeoutAroundGroup())).isEqualTo("TimeoutError cause=CancelledError");
    }

    @Async
    Coroutine<String> childFailsInsideTimeout() {
        try {
            await(timeout(1).run(taskGroup(g -> {
                g.createTask(crashAfter(0.5, new ArithmeticException("boom")));
                g.createTask(sleepLogged("slow", 10));
                return done();
            })));
            return done("nothing");
        } catch (ExceptionGroup eg) {
            return done(types(eg) + "@" + now() + " cancelling=" + currentTask().cancelling());
        }
    }

    @Test
    void aChildFailureInsideATimeoutIsNotATimeout() {
        // asyncio: the group's own cancellation is withdrawn; the timeout does not fire later
        assertThat(runVirtual(childFailsInsideTimeout()))
                .isEqualTo("[class java.lang.ArithmeticException]@0.5 cancelling=0");
    }

    // ---- createTask refused -------------------------------------------------------------

    @Async
    Coroutine<Void> marker(String name) {
        log.add(name + " ran");
        return done();
    }

    @Async
    Coroutine<Void> refusals() {
        TaskGroup tg = new TaskGroup();
        Coroutine<Void> c1 = marker("not entered");
        try {
            tg.createTask(c1);
        } catch (IllegalStateException e) {
            log.add(e.getMessage());
        }
        await(tg.run(sleep(0)));
        Coroutine<Void> c2 = marker("finished");
        try {
            tg.createTask(c2);
        } catch (IllegalStateException e) {
            log.add(e.getMessage());
        }
        try {
            await(c1);
        } catch (IllegalStateException e) {
            log.add(e.getMessage().replaceAll(" at .*", ""));
        }
        try {
            await(tg.run(sleep(0)));
        } catch (IllegalStateException e) {
            log.add(e.getMessage());
        }
        return done();
    }

    @Test
    void createTaskOnAGroupNotEnteredOrFinishedFailsAndClosesTheCoroutine() {
        // test_taskgroup_not_entered / _finished / _double_enter: RuntimeError with asyncio's
        // words; the coroutine is closed without running (awaiting it later is a reuse)
        runVirtual(refusals());
        assertThat(log)
                .containsExactly(
                        "TaskGroup <TaskGroup> has not been entered",
                        "TaskGroup <TaskGroup entered> is finished",
                        "cannot reuse already awaited coroutine <coroutine object marker",
                        "TaskGroup <TaskGroup entered> has already been entered");
    }

    @Async
    Coroutine<Void> createsWhenCancelled(TaskGroup g) {
        try {
            await(sleep(1));
        } catch (CancelledError e) {
            try {
                g.createTask(marker("late child"));
            } catch (IllegalStateException refused) {
                log.add(refused.getMessage());
            }
            throw e;
        }
        return done();
    }

    @Async
    Coroutine<String> noCreateTaskAfterFailure() {
        try {
            await(taskGroup(g -> {
                g.createTask(crashAfter(0.001, new ArithmeticException()));
                g.createTask(createsWhenCancelled(g));
                return done();
            }));
            return done("nothing");
        } catch (ExceptionGroup eg) {
            return done(types(eg).toString());
        }
    }

    @Test
    void createTaskOnAGroupShuttingDownFails() {
        // test_taskgroup_no_create_task_after_failure
        assertThat(runVirtual(noCreateTaskAfterFailure())).isEqualTo("[class java.lang.ArithmeticException]");
        assertThat(log).containsExactly("TaskGroup <TaskGroup tasks=1 errors=1 cancelling> is shutting down");
    }

    // ---- gh-128550 ----------------------------------------------------------------------

    boolean ran;

    @Async
    Coroutine<Void> secondTask(TaskGroup tg) {
        tg.createTask(crashNow(new IllegalStateException("third task failed")));
        try {
            await(sleep(0));
            await(sleep(0)); // lazy tasks are cancelled here
            log.add("not cancelled");
        } catch (CancelledError e) {
            ran = true;
        }
        return done();
    }

    @Async
    Coroutine<String> createdDuringCreation() {
        try {
            await(taskGroup(tg -> {
                tg.createTask(secondTask(tg));
                return done();
            }));
            return done("nothing");
        } catch (ExceptionGroup eg) {
            return done(eg.exceptions().get(0).getMessage());
        }
    }

    @Test
    void aTaskCreatedJustBeforeASiblingFailsIsCancelledWithTheOthers() {
        // test_cancels_task_if_created_during_creation (gh-128550)
        assertThat(runVirtual(createdDuringCreation())).isEqualTo("third task failed");
        assertThat(ran).isTrue();
        assertThat(log).isEmpty();
    }

    // ---- uncancel bookkeeping -----------------------------------------------------------

    @Async
    Coroutine<String> cancellingLevelPreserved() {
        try {
            await(taskGroup(tg -> {
                tg.createTask(crashAfter(0, new IllegalStateException()));
                return done();
            }));
        } catch (ExceptionGroup eg) {
            eg.handle(IllegalStateException.class, e -> {}).rethrowRest();
        }
        int c = currentTask().cancelling();
        await(sleep(0)); // the group's cancellation does not leak out of it
        return done("cancelling=" + c);
    }

    @Test
    void theCancellationLevelIsPreserved() {
        // test_cancelling_level_preserved / test_cancellation_does_not_leak_out_of_tg
        assertThat(runVirtual(cancellingLevelPreserved())).isEqualTo("cancelling=0");
    }

    @Async
    Coroutine<Void> raiseError(io.jasyncio.Future<Void> started) {
        started.setResult(null);
        await(sleep(0));
        throw new IllegalStateException();
    }

    @Async
    Coroutine<Void> inner(io.jasyncio.Future<Void> started) {
        try {
            await(taskGroup(tg -> {
                tg.createTask(raiseError(started));
                return sleepLogged("group body", 1);
            }));
        } catch (ExceptionGroup eg) {
            log.add("group raised, cancelling=" + currentTask().cancelling());
        }
        log.add("cancelling=" + currentTask().cancelling());
        await(sleepLogged("after the group", 1));
        return done();
    }

    @Async
    Coroutine<Void> errorAndCancel() {
        io.jasyncio.Future<Void> started = getRunningLoop().createFuture();
        Task<Void> t = createTask(inner(started));
        await(started);
        t.cancel();
        log.add("outer cancelled it, cancelling=" + t.cancelling());
        try {
            await(t);
        } catch (CancelledError e) {
            log.add("t cancelled=" + t.cancelled());
        }
        return done();
    }

    @Test
    void anOuterCancellationSurvivesAGroupThatRaised() {
        // test_error_and_cancel (3.12+): the group raises its ExceptionGroup but the cancellation
        // requested from outside stays (cancelling() 1) and hits the next await after the group
        runVirtual(errorAndCancel());
        assertThat(log)
                .containsExactly(
                        "outer cancelled it, cancelling=1",
                        "group body cancelled@0.0",
                        "group raised, cancelling=1",
                        "cancelling=1",
                        "after the group cancelled@0.0",
                        "t cancelled=true");
    }

    // ---- errors that are not exceptions -------------------------------------------------

    @Async
    Coroutine<Void> nestedThrowing(Throwable t) {
        try {
            await(sleep(10));
        } finally {
            if (t != null) {
                throw io.jasyncio.tests.Sneaky.<RuntimeException>raise(t);
            }
        }
        return done();
    }

    @Async
    Coroutine<Void> errorBody(Throwable t) {
        await(taskGroup(g -> {
            g.createTask(crashAfter(0.1, new ArithmeticException("child")));
            return nestedThrowing(t);
        }));
        return done();
    }

    @Test
    void anErrorInTheGroupMakesItABaseExceptionGroup() {
        // test_taskgroup_20a: a BaseException that is not KeyboardInterrupt/SystemExit joins
        // the group, which is then a BaseExceptionGroup (an Error: catch (Exception) misses it)
        assertThatThrownBy(() -> runVirtual(errorBody(new AssertionError("body"))))
                .isInstanceOfSatisfying(
                        BaseExceptionGroup.class,
                        g -> assertThat(types(g))
                                .containsExactlyInAnyOrder(AssertionError.class, ArithmeticException.class));
    }

    @Test
    void aVirtualMachineErrorEscapesTheGroupAndTheOthersGoToTheHandler() {
        // test_taskgroup_20 (KeyboardInterrupt escapes the group) and gh-135736 (the errors it
        // would have carried are reported to the exception handler instead of vanishing)
        List<ExceptionContext> reported = new ArrayList<>();
        assertThatThrownBy(() -> run(errorBody(new OutOfMemoryError("simulated")), () -> {
                    loop = EventLoop.withVirtualTime();
                    loop.setExceptionHandler((l, c) -> reported.add(c));
                    return loop;
                }))
                .isInstanceOf(OutOfMemoryError.class)
                .hasMessage("simulated");
        assertThat(reported).anySatisfy(c -> assertThat(c.exception()).hasMessage("child"));
    }

    // ---- growth, names, cancel() --------------------------------------------------------

    int hydras;

    @Async
    Coroutine<Void> hydra(TaskGroup g) {
        hydras++;
        await(sleep(0.01));
        g.createTask(hydra(g));
        g.createTask(hydra(g));
        return done();
    }

    @Async
    Coroutine<Void> hercules() {
        while (hydras < 10) {
            await(sleep(0.015));
        }
        throw new ArithmeticException();
    }

    @Async
    Coroutine<String> hydraGroup() {
        try {
            await(taskGroup(g -> {
                g.createTask(hydra(g));
                g.createTask(hercules());
                return done();
            }));
            return done("nothing");
        } catch (ExceptionGroup eg) {
            await(waitForPending());
            return done(types(eg).toString());
        }
    }

    @Test
    void childrenCreateChildrenUntilOneFails() {
        // test_taskgroup_25: tasks created by children belong to the group and are all cancelled
        assertThat(runVirtual(hydraGroup())).isEqualTo("[class java.lang.ArithmeticException]");
        assertThat(hydras).isGreaterThanOrEqualTo(10);
    }

    @Async
    Coroutine<String> named() {
        String[] name = new String[1];
        await(taskGroup(g -> {
            g.createTask(namedChild(name), "example name");
            return done();
        }));
        return done(name[0]);
    }

    @Async
    static Coroutine<Void> namedChild(String[] name) {
        name[0] = currentTask().getName();
        return done();
    }

    @Test
    void createTaskTakesAName() {
        // test_name / test_taskgroup_task_name
        assertThat(runVirtual(named())).isEqualTo("example name");
    }

    @Async
    Coroutine<String> cancelledGroup() {
        TaskGroup tg = new TaskGroup();
        String v = await(tg.run(cancelsItself(tg)));
        return done("left normally with " + v + "@" + now() + " cancelling="
                + currentTask().cancelling());
    }

    @Async
    Coroutine<String> cancelsItself(TaskGroup tg) {
        tg.createTask(sleepLogged("child", 10));
        await(sleep(1));
        tg.cancel();
        await(sleepLogged("body", 10));
        return done("body value");
    }

    @Test
    void cancelStopsTheGroupWithoutCancelledError() {
        // TaskGroup.cancel() (CPython's newest): children and body cancelled, the scope ends
        // normally (its value null) and the parent's count is restored
        assertThat(runVirtual(cancelledGroup())).isEqualTo("left normally with null@1.0 cancelling=0");
        assertThat(log).containsExactly("child cancelled@1.0", "body cancelled@1.0");
    }

    @Async
    Coroutine<String> cancelledBeforeEntering() {
        TaskGroup tg = new TaskGroup();
        tg.cancel();
        await(tg.run(sleepLogged("body", 10)));
        return done("@" + now());
    }

    @Test
    void cancelBeforeEnteringCancelsOnEntry() {
        assertThat(runVirtual(cancelledBeforeEntering())).isEqualTo("@0.0");
        assertThat(log).containsExactly("body cancelled@0.0");
    }
}
