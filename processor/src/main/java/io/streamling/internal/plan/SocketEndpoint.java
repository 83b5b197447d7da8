package io.streamling.internal.plan;

/**
 * A TCP server that a socket source reads lines from, as a client.
 *
 * @param host the host name
 * @param port the port
 */
public record SocketEndpoint(String host, int port) {

    /** Validates the endpoint. */
    public SocketEndpoint {
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException("socket host must not be empty");
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("socket port must be in 1..65535, got " + port);
        }
    }
}
