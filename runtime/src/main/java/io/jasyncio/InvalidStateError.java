package io.jasyncio;

/** A future or task method was called in a state that does not allow it (asyncio.InvalidStateError). */
public class InvalidStateError extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    public InvalidStateError(String message) {
        super(message);
    }
}
