package io.streamling.internal.runtime;

import java.util.HashMap;
import java.util.Map;
import java.util.OptionalLong;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The watermark of one operator: the minimum of the latest markers of every producer upstream
 * of it. Until every expected producer has been heard there is no watermark, so nothing closes
 * early. Per-producer marks are kept in the operator's progress store (with a changelog), so a
 * restarted task never moves its watermark backwards.
 */
final class WatermarkTracker {

    private static final String PREFIX = "producer:";

    private final int expectedProducers;
    private final KeyValueStore<String, Object> progress;
    private final Map<String, Watermark> latest = new HashMap<>();

    WatermarkTracker(int expectedProducers, KeyValueStore<String, Object> progress) {
        this.expectedProducers = expectedProducers;
        this.progress = progress;
        try (KeyValueIterator<String, Object> all = progress.prefixScan(PREFIX, new StringSerializer())) {
            all.forEachRemaining(entry -> {
                Watermark mark = (Watermark) entry.value;
                latest.put(mark.producer(), mark);
            });
        }
    }

    /** Records a producer's marker; returns whether anything changed. */
    boolean update(Watermark mark) {
        Watermark previous = latest.get(mark.producer());
        Watermark merged = previous == null ? mark : new Watermark(mark.producer(),
                Math.max(previous.time(), mark.time()), Math.min(previous.origin(), mark.origin()));
        if (merged.equals(previous)) {
            return false;
        }
        latest.put(mark.producer(), merged);
        progress.put(PREFIX + mark.producer(), merged);
        return true;
    }

    /** The minimum over all expected producers, or empty until each has been heard. */
    OptionalLong watermark() {
        if (latest.size() < expectedProducers) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(latest.values().stream().mapToLong(Watermark::time).min().orElseThrow());
    }

    /** The earliest record timestamp seen by any producer, or {@link Watermark#NO_ORIGIN}. */
    long origin() {
        return latest.values().stream().mapToLong(Watermark::origin).min().orElse(Watermark.NO_ORIGIN);
    }
}
