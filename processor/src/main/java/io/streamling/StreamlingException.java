package io.streamling;

/**
 * The root of every error the processor module raises: plan errors, user function failures,
 * runtime failures. {@code awaitTermination()} rethrows the failure that stopped a program.
 */
public class StreamlingException extends RuntimeException {

    /** An error with a message. */
    public StreamlingException(String message) {
        super(message);
    }

    /** An error with a message and its cause. */
    public StreamlingException(String message, Throwable cause) {
        super(message, cause);
    }
}
