package io.streamling.internal.sql;

import io.streamling.api.Tuple2;
import io.streamling.sql.AnalysisException;
import io.streamling.sql.Row;
import io.streamling.sql.types.StructType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code dropDuplicates(cols)} and {@code dropDuplicatesWithinWatermark(cols)} on a stream, as
 * Spark's StreamingDeduplicateExec: a row is written when its key was not seen before. With a
 * watermark, rows whose event time is at or before it are dropped as late (a window column derived
 * from the watermarked time stands for it, by its end, as in Spark); the state keeps each key
 * for ever unless the event-time column is part of the key (then keys at or before the watermark
 * are removed), or, within the watermark, until the watermark passes the first row's event time
 * plus the delay.
 *
 * @param keyColumns the indices of the key columns in the input rows
 * @param eventTime the index of the event-time column in the input rows (the watermark column, or a
 *     window column), -1 without a watermark
 * @param withinWatermark whether this is {@code dropDuplicatesWithinWatermark}
 */
public record Deduplication(StructType inSchema, List<Integer> keyColumns, int eventTime, boolean withinWatermark,
        long delayMs) implements RowBufferingOp {

    @Override
    public StructType outSchema() {
        return inSchema;
    }

    @Override
    public List<Tuple2<Row, Object>> partials(Row row) {
        Object[] key = new Object[keyColumns.size()];
        for (int i = 0; i < key.length; i++) {
            key[i] = row.get(keyColumns.get(i));
        }
        return RowBufferingOp.buffered(Row.of(key), row);
    }

    @Override
    public void validate(String outputMode, boolean hasWatermark) {
        if (withinWatermark && !hasWatermark) {
            throw new AnalysisException("dropDuplicatesWithinWatermark is not supported on streaming "
                    + "DataFrames/DataSets without watermark");
        }
    }

    @Override
    public boolean runsWithoutData(long watermark, long lastBatchWatermark) {
        return eventTime >= 0 && watermark > lastBatchWatermark;
    }

    @Override
    @SuppressWarnings("unchecked")
    public Step step(Object state, Map<Row, Object> batch, BatchClock clock) {
        // key -> the time after which the key may be forgotten (Long.MAX_VALUE: never)
        TreeMap<Row, Long> seen = state == null ? new TreeMap<>() : new TreeMap<>((Map<Row, Long>) state);
        List<Row> out = new ArrayList<>();
        boolean late = clock.hasWatermark() && eventTime >= 0;
        long[] dropped = {0};
        batch.forEach((key, partial) -> {
            for (Row row : (List<Row>) partial) {
                Object value = eventTime >= 0 ? row.get(eventTime) : null;
                Long time = value == null ? null : Aggregation.eventTimeOf(value);
                if (late && time != null && time <= clock.lateWatermark()) {
                    dropped[0]++;
                    continue;
                }
                if (!seen.containsKey(key)) {
                    seen.put(key, expiry(time));
                    out.add(row);
                }
            }
        });
        int before = seen.size();
        if (late) {
            seen.values().removeIf(expiry -> expiry <= clock.watermark());
        }
        // as Spark's StreamingDeduplicateExec: each first row of a key is written to the state
        return new Step(seen, out, new StateMetrics(withinWatermark ? "dedupeWithinWatermark" : "dedupe", seen.size(),
                out.size(), before - seen.size(), dropped[0]));
    }

    private long expiry(Long time) {
        if (time == null) {
            return Long.MAX_VALUE;
        }
        if (withinWatermark) {
            return time + delayMs;
        }
        return keyColumns.contains(eventTime) ? time : Long.MAX_VALUE;
    }
}
