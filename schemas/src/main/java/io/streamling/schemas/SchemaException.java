package io.streamling.schemas;

import org.apache.kafka.common.errors.SerializationException;

/**
 * The root exception of the {@code schemas} module: a record could not be encoded or decoded, or a
 * schema could not be used.
 *
 * <p>It extends Kafka's {@link SerializationException} so that Kafka clients and Kafka Streams
 * treat it as the serialization failure it is (for example, a Streams deserialization exception
 * handler sees it), while callers can catch every failure of this module with one type.
 */
public class SchemaException extends SerializationException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates an exception with a message.
     *
     * @param message what went wrong, naming the schema, topic or fingerprint involved
     */
    public SchemaException(String message) {
        super(message);
    }

    /**
     * Creates an exception with a message and a cause.
     *
     * @param message what went wrong, naming the schema, topic or fingerprint involved
     * @param cause   the underlying Avro or I/O failure
     */
    public SchemaException(String message, Throwable cause) {
        super(message, cause);
    }
}
