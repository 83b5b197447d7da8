package io.streamling.connect.socket;

/**
 * A line with bytes invalid in {@code socket.charset} under {@code decode.error.policy=fail}; fails the
 * task once the records before it were delivered.
 */
public class UndecodableLineException extends SocketConnectorException {

    /**
     * @param message which line, which charset and which peer
     */
    public UndecodableLineException(String message) {
        super(message);
    }
}
