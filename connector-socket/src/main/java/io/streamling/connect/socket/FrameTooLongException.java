package io.streamling.connect.socket;

/**
 * A line or frame longer than {@code line.max.bytes} under {@code line.too.long.policy=fail}; fails the
 * task once the records before it were delivered.
 */
public class FrameTooLongException extends SocketConnectorException {

    /**
     * @param message what was too long, naming the limit and the peer
     */
    public FrameTooLongException(String message) {
        super(message);
    }
}
