package io.streamling.embedded;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * A bounded polling wait. Kafka's admin and herder APIs report eventual states (a broker becoming
 * unfenced, a task reaching RUNNING) without a completion signal, so they have to be polled.
 */
final class Deadline {

    private static final Duration POLL_INTERVAL = Duration.ofMillis(50);

    private Deadline() {
    }

    /**
     * Polls {@code condition} until it holds or {@code timeout} elapses.
     *
     * @param failure describes the situation at timeout; evaluated only then
     * @throws EmbeddedKafkaException on timeout or interruption
     */
    static void await(Duration timeout, BooleanSupplier condition, Supplier<String> failure) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - deadline >= 0) {
                throw new EmbeddedKafkaException(failure.get() + " (waited " + timeout.toMillis() + " ms)");
            }
            try {
                Thread.sleep(POLL_INTERVAL.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new EmbeddedKafkaException("Interrupted while waiting: " + failure.get(), e);
            }
        }
    }
}
