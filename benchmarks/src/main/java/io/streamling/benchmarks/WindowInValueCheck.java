package io.streamling.benchmarks;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;

/**
 * Adapts the structured sliding count's output to a {@link CountsCheck}: the Kafka sink writes no
 * record timestamp of the query's choosing, so the Streamling side writes the window start into the
 * value, {@code 2026-01-01 00:00:10,<count>} (Spark's {@code CAST(window.start AS STRING)} in UTC),
 * and this turns it back into a record stamped with the window start.
 */
final class WindowInValueCheck implements OutputCheck {

    private static final DateTimeFormatter START = new DateTimeFormatterBuilder()
            .appendPattern("yyyy-MM-dd HH:mm:ss")
            .optionalStart().appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true).optionalEnd()
            .toFormatter();

    private final OutputCheck counts;

    WindowInValueCheck(OutputCheck counts) {
        this.counts = counts;
    }

    @Override
    public boolean accept(long timestamp, String key, String value) {
        if (value == null) {
            return false;
        }
        int comma = value.lastIndexOf(',');
        if (comma < 0) {
            throw new IllegalStateException("expected '<window start>,<count>', got '" + value + "'");
        }
        long start = LocalDateTime.parse(value.substring(0, comma), START).toInstant(ZoneOffset.UTC).toEpochMilli();
        return counts.accept(start, key, value.substring(comma + 1));
    }

    @Override
    public boolean complete() {
        return counts.complete();
    }

    @Override
    public long missing() {
        return counts.missing();
    }

    @Override
    public String checksum() {
        return counts.checksum();
    }

    @Override
    public String expectedChecksum() {
        return counts.expectedChecksum();
    }
}
