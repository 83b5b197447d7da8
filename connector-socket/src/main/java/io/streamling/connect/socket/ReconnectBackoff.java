package io.streamling.connect.socket;

import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;

/**
 * Exponential reconnect backoff with jitter: the n-th consecutive failure waits
 * {@code min(max, initial * 2^(n-1))}, scaled by a random factor in [0.5, 1.0].
 *
 * <p>Why jitter: when a server restarts, every client that lost it would otherwise come back in
 * lock-step. The lower half is cut off so the delay still grows visibly in the logs. Not thread-safe;
 * owned by the reader thread.
 */
final class ReconnectBackoff {

    private final long initialMs;
    private final long maxMs;
    private final DoubleSupplier random;
    private int failures;

    ReconnectBackoff(long initialMs, long maxMs) {
        this(initialMs, maxMs, () -> ThreadLocalRandom.current().nextDouble());
    }

    /** For tests: {@code random} returns values in [0, 1). */
    ReconnectBackoff(long initialMs, long maxMs, DoubleSupplier random) {
        if (initialMs < 1 || maxMs < initialMs) {
            throw new IllegalArgumentException("need 1 <= initialMs <= maxMs, got " + initialMs + ", " + maxMs);
        }
        this.initialMs = initialMs;
        this.maxMs = maxMs;
        this.random = random;
    }

    /** Records one more failure and returns how long to wait before the next attempt, in ms (>= 1). */
    long nextDelayMs() {
        failures++;
        // double once per earlier failure, saturating at max (no shift, so no overflow)
        long base = initialMs;
        for (int i = 1; i < failures && base < maxMs; i++) {
            base = base > maxMs / 2 ? maxMs : base * 2;
        }
        base = Math.min(base, maxMs);
        long jittered = (long) (base * (0.5 + 0.5 * random.getAsDouble()));
        return Math.max(1, Math.min(maxMs, jittered));
    }

    /** Forgets past failures: the next delay is about {@code initial} again. */
    void reset() {
        failures = 0;
    }
}
