package io.streamling.internal.sql;

import io.streamling.api.Tuple2;
import io.streamling.sql.AnalysisException;
import io.streamling.sql.Row;
import io.streamling.sql.types.StructType;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A stream-stream inner join, as Spark's StreamingSymmetricHashJoinExec: in each micro-batch the
 * new rows of each side join the other side's earlier and new rows, so every matching pair is
 * written once, in the batch where its later row arrives. Rows are bucketed by the using columns'
 * values (one bucket for a condition join). A side with a watermark drops its rows at or before
 * the watermark; when a using column is the event time, buckets the watermark passed are removed.
 * Otherwise both sides are kept for ever (Spark also evicts on time-range conditions; not here).
 *
 * @param logic the join's columns, condition and output (its static rows are unused)
 * @param leftSources how many of the query's sources feed the left side
 * @param leftEventTime the index of the left side's watermark column, -1 when none
 * @param rightEventTime the index of the right side's watermark column, -1 when none
 * @param keyEventTime the index of the event-time column among the using columns, -1 when none
 */
public record StreamJoin(StaticJoin logic, int leftSources, int leftEventTime, int rightEventTime, int keyEventTime)
        implements StatefulOp {

    /** Both sides' rows per bucket. */
    record Sides(ArrayList<Row> left, ArrayList<Row> right) implements Serializable {
    }

    @Override
    public StructType outSchema() {
        return logic.outSchema();
    }

    @Override
    public List<Tuple2<Row, Object>> partials(Row row) {
        throw new IllegalStateException("a join needs the side of each row");
    }

    @Override
    public List<Tuple2<Row, Object>> partials(int source, Row row) {
        boolean leftSide = source < leftSources;
        Row bucket = logic.keyOf(row, leftSide);
        ArrayList<Row> rows = new ArrayList<>();
        rows.add(row);
        Object[] key = new Object[bucket.length() + 1];
        key[0] = leftSide ? 0 : 1;
        System.arraycopy(bucket.values(), 0, key, 1, bucket.length());
        return List.of(new Tuple2<>(Row.of(key), rows));
    }

    @Override
    @SuppressWarnings("unchecked")
    public Object merge(Object earlier, Object later) {
        ArrayList<Row> rows = new ArrayList<>((List<Row>) earlier);
        rows.addAll((List<Row>) later);
        return rows;
    }

    @Override
    public void validate(String outputMode, boolean hasWatermark) {
        if (!outputMode.equals("append")) {
            throw new AnalysisException("Join between two streaming DataFrames/Datasets is not supported in "
                    + Character.toUpperCase(outputMode.charAt(0)) + outputMode.substring(1)
                    + " output mode, only in Append output mode");
        }
    }

    @Override
    public boolean runsWithoutData(long watermark, long lastBatchWatermark) {
        return keyEventTime >= 0 && watermark > lastBatchWatermark;
    }

    @Override
    @SuppressWarnings("unchecked")
    public Step step(Object state, Map<Row, Object> batch, BatchClock clock) {
        TreeMap<Row, Sides> buckets = new TreeMap<>();
        if (state != null) {
            ((Map<Row, Sides>) state).forEach((k, v) -> buckets.put(k, new Sides(new ArrayList<>(v.left()),
                    new ArrayList<>(v.right()))));
        }
        TreeMap<Row, Sides> fresh = new TreeMap<>();
        batch.forEach((key, rows) -> {
            Object[] values = key.values();
            Row bucket = Row.of(java.util.Arrays.copyOfRange(values, 1, values.length));
            Sides sides = fresh.computeIfAbsent(bucket, b -> new Sides(new ArrayList<>(), new ArrayList<>()));
            boolean leftSide = Integer.valueOf(0).equals(values[0]);
            int eventTime = leftSide ? leftEventTime : rightEventTime;
            for (Row row : (List<Row>) rows) {
                if (clock.hasWatermark() && eventTime >= 0 && row.get(eventTime) instanceof java.sql.Timestamp t
                        && t.getTime() <= clock.watermark()) {
                    continue; // too late, as Spark's join drops rows older than the watermark
                }
                (leftSide ? sides.left() : sides.right()).add(row);
            }
        });
        List<Row> out = new ArrayList<>();
        fresh.forEach((bucket, added) -> {
            Sides old = buckets.computeIfAbsent(bucket, b -> new Sides(new ArrayList<>(), new ArrayList<>()));
            pairs(added.left(), old.right(), out);
            pairs(added.left(), added.right(), out);
            pairs(old.left(), added.right(), out);
            old.left().addAll(added.left());
            old.right().addAll(added.right());
        });
        if (clock.hasWatermark() && keyEventTime >= 0) {
            buckets.keySet().removeIf(bucket -> bucket.get(keyEventTime) != null
                    && Aggregation.eventTimeOf(bucket.get(keyEventTime)) <= clock.watermark());
        }
        return new Step(buckets, out);
    }

    private void pairs(List<Row> left, List<Row> right, List<Row> out) {
        for (Row l : left) {
            for (Row r : right) {
                if (logic.matches(l, r)) {
                    out.add(logic.joined(l, r));
                }
            }
        }
    }
}
