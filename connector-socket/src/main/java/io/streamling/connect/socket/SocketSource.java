package io.streamling.connect.socket;

import java.io.IOException;

/**
 * The part of the task that owns sockets and threads: {@link ClientModeSource} or
 * {@link ServerModeSource}. It reads with a {@link ConnectionReader} into the task's buffer.
 */
interface SocketSource extends AutoCloseable {

    /**
     * Starts the background threads; returns without waiting for data.
     *
     * @throws IOException if a server-mode listener cannot be bound
     */
    void start() throws IOException;

    /** Closes every socket and stops the threads (bounded wait). Idempotent; never throws. */
    @Override
    void close();
}
