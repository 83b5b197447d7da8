package io.streamling.embedded;

/**
 * The one root exception of this module: every failure to start, use or stop an embedded broker
 * or Connect worker surfaces as this type, with the underlying cause attached.
 */
public class EmbeddedKafkaException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates an exception without an underlying cause.
     *
     * @param message what failed and why
     */
    public EmbeddedKafkaException(String message) {
        super(message);
    }

    /**
     * Creates an exception wrapping the failure that caused it.
     *
     * @param message what failed and why
     * @param cause the underlying failure
     */
    public EmbeddedKafkaException(String message, Throwable cause) {
        super(message, cause);
    }
}
