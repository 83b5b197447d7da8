package io.streamling.benchmarks;

import java.util.HashMap;
import java.util.Map;

/**
 * The check of the events-per-hour output: records keyed {@code action@hour start} (see
 * {@link EventsInput#key}) whose value is the count; the last value of each key wins, as in a
 * table (complete mode re-emits the whole table every batch; the Kafka Streams KTable emits updates).
 */
final class EventsCheck implements OutputCheck {

    private final Map<String, Long> expected;
    private final Map<String, Long> seen = new HashMap<>();
    private long matched;

    EventsCheck(Map<String, Long> expected) {
        this.expected = expected;
    }

    @Override
    public boolean accept(long timestamp, String key, String value) {
        if (key == null || value == null || InputSpec.isMarker(key)) {
            return false;
        }
        long count = Long.parseLong(value.trim());
        Long before = seen.put(key, count);
        if (before != null && before == count) {
            return false;
        }
        Long want = expected.get(key);
        if (want != null && before != null && before.longValue() == want) {
            matched--;
        }
        if (want != null && want == count) {
            matched++;
        }
        return true;
    }

    @Override
    public boolean complete() {
        return matched == expected.size() && seen.size() == expected.size();
    }

    @Override
    public long missing() {
        long missing = 0;
        for (Map.Entry<String, Long> entry : expected.entrySet()) {
            missing += Math.max(0, entry.getValue() - seen.getOrDefault(entry.getKey(), 0L));
        }
        return missing;
    }

    @Override
    public String checksum() {
        return checksum(seen);
    }

    @Override
    public String expectedChecksum() {
        return checksum(expected);
    }

    private static String checksum(Map<String, Long> counts) {
        long sum = 0;
        for (Map.Entry<String, Long> entry : counts.entrySet()) {
            sum += Checksum.of(0, entry.getKey(), entry.getValue());
        }
        return String.format("%016x", sum);
    }
}
