package io.jasyncio;

import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * Python's {@code ExceptionGroup}: several exceptions raised together, such as the failures of
 * the tasks of a {@link TaskGroup}. Unchecked. Its members are {@code Exception}s; a group that
 * holds an {@code Error} is a {@link BaseExceptionGroup} (an {@code Error} itself, so that
 * {@code catch (Exception e)} does not swallow it, as Python's {@code except Exception} does not
 * catch a {@code BaseExceptionGroup}).
 *
 * <p>Every member is also a {@linkplain #getSuppressed() suppressed exception} of the group, so
 * its stack trace prints every member with its own trace.
 *
 * <p>Java has no {@code except*}. Handle some member types and rethrow the rest with
 * {@link #handle}:
 * <pre>{@code
 * try {
 *     await(taskGroup(tg -> work(tg)));
 * } catch (ExceptionGroup eg) {
 *     eg.handle(IOException.class, e -> log.warn("I/O failed", e))
 *       .handle(TimeoutError.class, e -> retries++)
 *       .rethrowRest();            // what no handler took, as a group; nothing if all were handled
 * }
 * }</pre>
 * or take the group apart with {@link #split} and {@link #subgroup}.
 */
public class ExceptionGroup extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String message;
    private final List<Throwable> exceptions;

    /**
     * A group of {@code exceptions} (at least one, none null, all of them {@code Exception}s:
     * {@link IllegalArgumentException} otherwise, as Python's TypeError/ValueError).
     */
    public ExceptionGroup(String message, List<? extends Throwable> exceptions) {
        super(message);
        this.message = message;
        this.exceptions = GroupMembers.adopt(this, message, exceptions, true);
    }

    /** The message the group was created with (Python's {@code eg.message}). */
    public String message() {
        return message;
    }

    /** The message followed by the number of members: {@code "msg (2 sub-exceptions)"}, as Python prints it. */
    @Override
    public String getMessage() {
        return GroupMembers.describe(message, exceptions.size());
    }

    /** The members, in order (nested groups stay groups). */
    public List<Throwable> exceptions() {
        return exceptions;
    }

    /**
     * The members that are instances of {@code type} (searched through nested groups, which keep
     * their nesting), as a new group; null when none matches. {@code type} is a member type, tried
     * on the leaves only (so {@code RuntimeException.class} does not take the whole group, which is
     * a {@code RuntimeException} too); a group type is refused ({@link IllegalArgumentException}).
     */
    public ExceptionGroup subgroup(Class<? extends Throwable> type) {
        return subgroup(GroupMembers.leavesOf(type));
    }

    /**
     * {@link #subgroup(Class)} with a condition, tried as in Python on this group first (a match
     * returns the group itself), then on nested groups and leaves.
     */
    public ExceptionGroup subgroup(Predicate<? super Throwable> condition) {
        return (ExceptionGroup) GroupMembers.split(this, condition)[0];
    }

    /**
     * Python's {@code eg.split(type)}: the members that are instances of {@code type} (a member
     * type, tried on the leaves as in {@link #subgroup(Class)}) and the others, each a group or null.
     */
    public Split<ExceptionGroup> split(Class<? extends Throwable> type) {
        return split(GroupMembers.leavesOf(type));
    }

    /** {@link #split(Class)} with a condition, tried on this group, nested groups and leaves. */
    public Split<ExceptionGroup> split(Predicate<? super Throwable> condition) {
        Throwable[] parts = GroupMembers.split(this, condition);
        return new Split<>((ExceptionGroup) parts[0], (ExceptionGroup) parts[1]);
    }

    /**
     * A group with this group's message, stack trace and cause holding {@code exceptions} (Python's
     * {@code derive}, which {@link #split} and {@link #subgroup} use).
     */
    public ExceptionGroup derive(List<? extends Exception> exceptions) {
        return (ExceptionGroup) GroupMembers.derive(this, exceptions);
    }

    /**
     * The {@code except*} idiom: calls {@code handler} with every member (nested ones included)
     * that is an instance of {@code type}, and returns what is left, to handle further or to
     * {@linkplain Unhandled#rethrowRest() rethrow}. {@code type} must not be a group type (Python
     * refuses {@code except* ExceptionGroup} too).
     */
    public <E extends Throwable> Unhandled handle(Class<E> type, Consumer<? super E> handler) {
        return GroupMembers.handle(this, type, handler);
    }

    /**
     * The two parts of {@link #split}: the members that matched and those that did not, each a
     * group keeping the original nesting, or null when empty.
     *
     * @param match the group of the matching members, or null
     * @param rest  the group of the other members, or null
     * @param <G>   the type of the parts
     */
    public record Split<G extends Throwable>(G match, G rest) {}

    /**
     * What is left of a group after {@link ExceptionGroup#handle}: handle more types, then
     * {@link #rethrowRest()}.
     */
    public static final class Unhandled {
        static final Unhandled NONE = new Unhandled(null);

        private final Throwable rest;

        Unhandled(Throwable rest) {
            this.rest = rest;
        }

        /** Calls {@code handler} with every remaining member that is an instance of {@code type}. */
        public <E extends Throwable> Unhandled handle(Class<E> type, Consumer<? super E> handler) {
            return GroupMembers.handle(rest, type, handler);
        }

        /**
         * The members no handler took, as a group keeping the original nesting (an
         * {@link ExceptionGroup} or a {@link BaseExceptionGroup}); null when every member was handled.
         */
        public Throwable rest() {
            return rest;
        }

        /** Throws {@link #rest()} when some member was not handled (as {@code except*} re-raises it). */
        public void rethrowRest() {
            if (rest instanceof ExceptionGroup g) {
                throw g;
            }
            if (rest != null) {
                throw (BaseExceptionGroup) Objects.requireNonNull(rest);
            }
        }
    }
}
