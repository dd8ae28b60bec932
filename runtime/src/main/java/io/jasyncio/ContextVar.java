package io.jasyncio;

import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;

/**
 * A context variable (Python's contextvars.ContextVar): a value per task. A task copies the
 * values of the code that created it, so a {@link #set} inside a task is seen by that task
 * and by the tasks it creates afterwards, never by its creator or its siblings. Callbacks
 * ({@code callSoon}, done callbacks) run in a copy of the context current when they were added;
 * {@link Context#run} runs code in a given {@link Context}. Outside of all that each thread has
 * its own values.
 *
 * @param <T> the type of the value
 */
public final class ContextVar<T> {
    private static final Object NO_DEFAULT = new Object();

    private final String name;
    private final Object defaultValue;

    /**
     * A variable without a default: {@link #get()} fails until it is set.
     * @param name the name (for repr and errors)
     */
    public ContextVar(String name) {
        this.name = Objects.requireNonNull(name, "name");
        this.defaultValue = NO_DEFAULT;
    }

    /**
     * A variable whose {@link #get()} returns {@code defaultValue} until it is set.
     * @param name the name (for repr and errors)
     * @param defaultValue the default value
     */
    public ContextVar(String name, T defaultValue) {
        this.name = Objects.requireNonNull(name, "name");
        this.defaultValue = defaultValue;
    }

    /**
     * The variable's name.
     * @return the name
     */
    public String getName() {
        return name;
    }

    /**
     * The value in the current context, else the default; {@link NoSuchElementException} if neither.
     * @return the value
     */
    @SuppressWarnings("unchecked")
    public T get() {
        Map<ContextVar<?>, Object> c = Context.currentValues();
        if (c.containsKey(this)) {
            return (T) c.get(this);
        }
        if (defaultValue == NO_DEFAULT) {
            throw new NoSuchElementException(this + " has no value and no default");
        }
        return (T) defaultValue;
    }

    /**
     * The value in the current context, else {@code fallback} (ignoring the variable's default).
     * @param fallback the value when the variable is not set in the current context
     * @return the value, or {@code fallback}
     */
    @SuppressWarnings("unchecked")
    public T get(T fallback) {
        Map<ContextVar<?>, Object> c = Context.currentValues();
        return c.containsKey(this) ? (T) c.get(this) : fallback;
    }

    /**
     * Sets the value in the current context; the token restores the previous one with {@link #reset}.
     * @param value the new value
     * @return a token for {@link #reset}
     */
    public Token<T> set(T value) {
        Object owner = ContextState.current().owner;
        Map<ContextVar<?>, Object> c = Context.valuesOf(owner);
        Token<T> token = new Token<>(this, owner, c.containsKey(this) ? c.get(this) : Token.MISSING);
        Context.replace(owner, Context.with(c, this, value));
        return token;
    }

    /**
     * Restores the value {@code token} saw before its {@link #set}; a token works once, in its own context.
     * @param token what set returned
     */
    public void reset(Token<T> token) {
        Objects.requireNonNull(token, "token");
        if (token.used) {
            throw new IllegalStateException(token + " has already been used once");
        }
        if (token.var != this) {
            throw new IllegalArgumentException(token + " was created by a different ContextVar");
        }
        Object owner = ContextState.current().owner;
        if (token.owner != owner) {
            throw new IllegalArgumentException(token + " was created in a different Context");
        }
        Map<ContextVar<?>, Object> c = Context.valuesOf(owner);
        Context.replace(
                owner,
                token.oldValue == Token.MISSING ? Context.without(c, this) : Context.with(c, this, token.oldValue));
        token.used = true;
    }

    @Override
    public String toString() {
        return "<ContextVar name='" + name + "'" + (defaultValue == NO_DEFAULT ? "" : " default=" + defaultValue) + ">";
    }

    /**
     * What {@link ContextVar#set} returns: restores the previous value with
     * {@link ContextVar#reset}.
     *
     * @param <T> the variable's type
     */
    public static final class Token<T> {
        /** {@link #getOldValue()} when the variable had no value before. */
        public static final Object MISSING = new Object() {
            @Override
            public String toString() {
                return "<Token.MISSING>";
            }
        };

        private final ContextVar<T> var;
        private final Object owner;
        private final Object oldValue;
        private boolean used;

        Token(ContextVar<T> var, Object owner, Object oldValue) {
            this.var = var;
            this.owner = owner;
            this.oldValue = oldValue;
        }

        /**
         * The variable this token was made by.
         * @return the variable
         */
        public ContextVar<T> getVar() {
            return var;
        }

        /**
         * The value before the set, or {@link #MISSING}.
         * @return the previous value, or {@link #MISSING}
         */
        public Object getOldValue() {
            return oldValue;
        }

        @Override
        public String toString() {
            return "<Token" + (used ? " used" : "") + " var=" + var + ">";
        }
    }
}
