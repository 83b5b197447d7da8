package io.streamling.connect.socket.tools;

import java.io.Flushable;
import java.io.IOException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Spaces lines to a rate: line {@code i} (0-based) is due {@code i / rate} seconds after the first.
 *
 * <p>Why a schedule instead of a sleep per line: sleeping after every line drifts and cannot go
 * faster than the timer resolution; against a schedule, fast rates send small bursts between short
 * waits and still average the asked rate. The output is flushed before every wait, so a paced line
 * reaches the client when it is due, not when a buffer fills. Owned by one thread.
 */
final class Pacer {

    private final double nanosPerLine;
    private final CountDownLatch closed;
    private long startNanos = -1;

    /**
     * @param linesPerSecond the rate, > 0
     * @param closed         counted down when the server closes; ends any wait
     */
    Pacer(double linesPerSecond, CountDownLatch closed) {
        if (!(linesPerSecond > 0)) {
            throw new IllegalArgumentException("rate must be > 0 lines/s, got " + linesPerSecond);
        }
        this.nanosPerLine = 1e9 / linesPerSecond;
        this.closed = closed;
    }

    /**
     * Waits until line {@code index} is due.
     *
     * @return true to send it; false when the server closed meanwhile
     * @throws IOException          if flushing fails
     * @throws InterruptedException if interrupted while waiting
     */
    boolean awaitTurn(long index, Flushable out) throws IOException, InterruptedException {
        long now = System.nanoTime();
        if (startNanos < 0) {
            startNanos = now;
        }
        long wait = startNanos + (long) (index * nanosPerLine) - now;
        if (wait <= 0) {
            return closed.getCount() > 0;
        }
        out.flush();
        return !closed.await(wait, TimeUnit.NANOSECONDS);
    }
}
