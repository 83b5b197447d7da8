package io.streamling.connect.socket;

import org.apache.kafka.connect.errors.ConnectException;

/**
 * Root of every exception this module throws on purpose.
 *
 * <p>It extends {@link ConnectException} so that the Connect framework treats it like any other
 * connector failure (the task is marked FAILED with this message), while callers that run the
 * connector in-process can still catch the module's errors by type. Configuration errors are the
 * exception: they are reported as Kafka's own {@link org.apache.kafka.common.config.ConfigException},
 * which is what Connect's REST validation expects.
 */
public class SocketConnectorException extends ConnectException {

    /**
     * @param message what went wrong, naming the host/port or file involved
     */
    public SocketConnectorException(String message) {
        super(message);
    }

    /**
     * @param message what went wrong, naming the host/port or file involved
     * @param cause   the underlying failure
     */
    public SocketConnectorException(String message, Throwable cause) {
        super(message, cause);
    }
}
