package io.jasyncio;

/** A future or task method was called in a state that does not allow it (asyncio.InvalidStateError). */
public class InvalidStateError extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    /**
     * An operation not allowed in the current state.
     * @param message what was not allowed
     */
    public InvalidStateError(String message) {
        super(message);
    }
}
