package io.jasyncio;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * What {@link ExceptionGroup} and {@link BaseExceptionGroup} share (Java gives them different
 * superclasses, {@code RuntimeException} and {@code Error}, so the logic lives here once): the
 * checks of their constructors, {@code split}, {@code subgroup} and the {@code handle} idiom.
 */
final class GroupMembers {
    private GroupMembers() {}

    /**
     * The members of a new {@code group}, validated as asyncio's ExceptionGroup constructor does,
     * unmodifiable, and each added to the group's suppressed exceptions (so that its stack trace
     * prints them all).
     */
    static List<Throwable> adopt(
            Throwable group, String message, List<? extends Throwable> exceptions, boolean exceptionsOnly) {
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(exceptions, "exceptions");
        if (exceptions.isEmpty()) {
            throw new IllegalArgumentException("second argument (exceptions) must be a non-empty sequence");
        }
        List<Throwable> list = new ArrayList<>(exceptions.size());
        for (Throwable t : exceptions) {
            Objects.requireNonNull(t, "an exception group cannot hold null");
            if (exceptionsOnly && !(t instanceof Exception)) {
                throw new IllegalArgumentException("Cannot nest " + t.getClass().getName()
                        + " (not an Exception) in an ExceptionGroup: use BaseExceptionGroup");
            }
            list.add(t);
        }
        for (Throwable t : list) {
            group.addSuppressed(t);
        }
        return List.copyOf(list);
    }

    /** {@code message (n sub-exception[s])}, as Python prints a group. */
    static String describe(String message, int n) {
        return message + " (" + n + " sub-exception" + (n == 1 ? "" : "s") + ")";
    }

    /**
     * A group of the right kind: an {@link ExceptionGroup} when every member is an
     * {@code Exception}, otherwise a {@link BaseExceptionGroup} (as Python's BaseExceptionGroup
     * constructor chooses).
     */
    static Throwable of(String message, List<? extends Throwable> exceptions) {
        for (Throwable t : exceptions) {
            if (!(t instanceof Exception)) {
                return new BaseExceptionGroup(message, exceptions);
            }
        }
        return new ExceptionGroup(message, exceptions);
    }

    static boolean isGroup(Throwable t) {
        return t instanceof ExceptionGroup || t instanceof BaseExceptionGroup;
    }

    static List<Throwable> members(Throwable group) {
        return group instanceof ExceptionGroup g ? g.exceptions() : ((BaseExceptionGroup) group).exceptions();
    }

    static String message(Throwable group) {
        return group instanceof ExceptionGroup g ? g.message() : ((BaseExceptionGroup) group).message();
    }

    /** A group like {@code original} (message, stack trace, cause) holding {@code exceptions}. */
    static Throwable derive(Throwable original, List<? extends Throwable> exceptions) {
        Throwable g = of(message(original), exceptions);
        g.setStackTrace(original.getStackTrace());
        Throwable cause = original.getCause();
        if (cause != null) {
            g.initCause(cause);
        }
        return g;
    }

    /**
     * Python's BaseExceptionGroup.split: {@code [match, rest]}, each a group keeping the nesting
     * of {@code group}, or null when empty. The condition is tried on the group itself first (a
     * match returns the group as it is), then on every member, recursing into nested groups; the
     * parts are new groups, as in Python, even when everything matched.
     */
    static Throwable[] split(Throwable group, Predicate<? super Throwable> condition) {
        Objects.requireNonNull(condition, "condition");
        if (condition.test(group)) {
            return new Throwable[] {group, null};
        }
        List<Throwable> match = new ArrayList<>();
        List<Throwable> rest = new ArrayList<>();
        for (Throwable t : members(group)) {
            if (isGroup(t)) {
                Throwable[] parts = split(t, condition);
                if (parts[0] != null) {
                    match.add(parts[0]);
                }
                if (parts[1] != null) {
                    rest.add(parts[1]);
                }
            } else if (condition.test(t)) {
                match.add(t);
            } else {
                rest.add(t);
            }
        }
        return new Throwable[] {
            match.isEmpty() ? null : derive(group, match), rest.isEmpty() ? null : derive(group, rest)
        };
    }

    /**
     * A condition matching the leaves that are instances of {@code type}. Unlike a predicate it is
     * not tried on the groups themselves: in Java a group is a {@code RuntimeException} (or an
     * {@code Error}), so {@code RuntimeException.class} would otherwise take a whole group with
     * its checked members. A group type is refused, as Python refuses {@code except* ExceptionGroup}.
     */
    static Predicate<Throwable> leavesOf(Class<? extends Throwable> type) {
        Objects.requireNonNull(type, "type");
        if (ExceptionGroup.class.isAssignableFrom(type) || BaseExceptionGroup.class.isAssignableFrom(type)) {
            throw new IllegalArgumentException("expected the type of the members, not a group type: " + type.getName()
                    + " (catch the group itself instead)");
        }
        return t -> !isGroup(t) && type.isInstance(t);
    }

    /** The leaves of {@code group} (members of nested groups, depth first), in order. */
    static void leaves(Throwable group, Consumer<Throwable> sink) {
        for (Throwable t : members(group)) {
            if (isGroup(t)) {
                leaves(t, sink);
            } else {
                sink.accept(t);
            }
        }
    }

    /** {@code handle(type, handler)} on {@code group}: the handled part goes to handler, leaf by leaf. */
    static <E extends Throwable> ExceptionGroup.Unhandled handle(
            Throwable group, Class<E> type, Consumer<? super E> handler) {
        Predicate<Throwable> condition = leavesOf(type);
        Objects.requireNonNull(handler, "handler");
        if (group == null) {
            return ExceptionGroup.Unhandled.NONE;
        }
        Throwable[] parts = split(group, condition);
        if (parts[0] != null) {
            leaves(parts[0], t -> handler.accept(type.cast(t)));
        }
        return parts[1] == null ? ExceptionGroup.Unhandled.NONE : new ExceptionGroup.Unhandled(parts[1]);
    }
}
