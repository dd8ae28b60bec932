package io.jasyncio;

import java.util.List;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * Python's {@code BaseExceptionGroup}: an exception group with at least one member that is not an
 * {@code Exception} (an {@code Error} other than those that escape a {@link TaskGroup}). It
 * extends {@code Error}, so {@code catch (Exception e)} does not swallow it; catch it by name or
 * as {@code Throwable}. Everything else is as in {@link ExceptionGroup}: {@link #exceptions()},
 * {@link #split}, {@link #subgroup}, {@link #handle} and every member among the
 * {@linkplain #getSuppressed() suppressed exceptions}. Its parts may be {@link ExceptionGroup}s
 * (when they hold only {@code Exception}s), hence their type {@code Throwable}.
 */
public class BaseExceptionGroup extends Error {
    private static final long serialVersionUID = 1L;

    private final String message;
    private final List<Throwable> exceptions;

    /** A group of {@code exceptions} (at least one, none null: {@link IllegalArgumentException} otherwise). */
    public BaseExceptionGroup(String message, List<? extends Throwable> exceptions) {
        super(message);
        this.message = message;
        this.exceptions = GroupMembers.adopt(this, message, exceptions, false);
    }

    /** The message the group was created with (Python's {@code eg.message}). */
    public String message() {
        return message;
    }

    /** The message followed by the number of members: {@code "msg (2 sub-exceptions)"}. */
    @Override
    public String getMessage() {
        return GroupMembers.describe(message, exceptions.size());
    }

    /** The members, in order (nested groups stay groups). */
    public List<Throwable> exceptions() {
        return exceptions;
    }

    /**
     * The members that are instances of {@code type}, as a new group (an {@link ExceptionGroup} when
     * they are all {@code Exception}s, else a {@code BaseExceptionGroup}); null when none matches.
     */
    public Throwable subgroup(Class<? extends Throwable> type) {
        return subgroup(GroupMembers.leavesOf(type));
    }

    /** {@link #subgroup(Class)} with a condition, tried on this group, nested groups and leaves. */
    public Throwable subgroup(Predicate<? super Throwable> condition) {
        return GroupMembers.split(this, condition)[0];
    }

    /** Python's {@code eg.split(type)}: the matching members and the others, each a group or null. */
    public ExceptionGroup.Split<Throwable> split(Class<? extends Throwable> type) {
        return split(GroupMembers.leavesOf(type));
    }

    /** {@link #split(Class)} with a condition, tried on this group, nested groups and leaves. */
    public ExceptionGroup.Split<Throwable> split(Predicate<? super Throwable> condition) {
        Throwable[] parts = GroupMembers.split(this, condition);
        return new ExceptionGroup.Split<>(parts[0], parts[1]);
    }

    /** A group with this group's message, stack trace and cause holding {@code exceptions} (Python's {@code derive}). */
    public Throwable derive(List<? extends Throwable> exceptions) {
        return GroupMembers.derive(this, exceptions);
    }

    /** The {@code except*} idiom, as {@link ExceptionGroup#handle}. */
    public <E extends Throwable> ExceptionGroup.Unhandled handle(Class<E> type, Consumer<? super E> handler) {
        return GroupMembers.handle(this, type, handler);
    }
}
