package io.streamling.connect.socket;

import java.io.IOException;

/**
 * Cuts a byte stream into records (lines or length-prefixed frames). Owned by one thread.
 *
 * <p>Why a sink instead of a return value: the common case, a whole line inside the current read
 * chunk, is then decoded straight from the chunk without an intermediate copy.
 */
interface FrameReader {

    /**
     * Reads the next frame and hands it to {@code sink}.
     *
     * @return false at a clean end of stream (nothing handed over)
     * @throws IOException               if reading fails (connection reset, closed by stop(), timeout)
     * @throws FrameTooLongException     with the fail policy, as soon as a frame passes the limit
     * @throws InterruptedException      if the sink was interrupted (the task is stopping)
     */
    boolean next(FrameSink sink) throws IOException, InterruptedException;

    /**
     * @return whether the next frame can be (at least partly) read without blocking on the stream; when
     *         false, whatever the caller batched should be handed on now rather than wait for the peer
     */
    boolean hasBufferedInput();

    /** Receives one frame; must copy or decode {@code buf} before returning, it is reused. */
    @FunctionalInterface
    interface FrameSink {
        /**
         * @param buf     bytes of the frame (shared buffer)
         * @param off     start in {@code buf}
         * @param len     length, at most the maximum
         * @param tooLong whether the frame was longer and has been cut to {@code len} bytes
         * @throws InterruptedException if waiting for buffer space was interrupted
         */
        void frame(byte[] buf, int off, int len, boolean tooLong) throws InterruptedException;
    }
}
