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
 * A stream-stream join, as Spark's StreamingSymmetricHashJoinExec. Per micro-batch the new left
 * rows join the right side's earlier rows, then the new right rows join every left row, so each
 * matching pair is written once, in the batch where its later row arrives. Rows are bucketed by
 * the using columns' values (one bucket for a condition join). A side with a watermark drops its
 * rows at or before the watermark. When a using column is the event time (or a window of it),
 * buckets the watermark passed are removed, and then an outer join writes their rows that never
 * matched, with nulls for the other side; a left semi join writes a left row at its first match.
 * Without such a key both sides are kept for ever (Spark also evicts on time-range conditions;
 * not here).
 *
 * @param logic the join's columns, condition, type and output (its static rows are unused)
 * @param leftSources how many of the query's sources feed the left side
 * @param leftEventTime the index of the left side's watermark column, -1 when none
 * @param rightEventTime the index of the right side's watermark column, -1 when none
 * @param keyEventTime the index of the event-time column among the using columns, -1 when none
 */
public record StreamJoin(StaticJoin logic, int leftSources, int leftEventTime, int rightEventTime, int keyEventTime)
        implements RowBufferingOp {

    /** A kept row, and whether it has matched a row of the other side yet. */
    record Entry(Row row, boolean matched) implements Serializable {
    }

    /** Both sides' rows of one bucket. */
    record Sides(ArrayList<Entry> left, ArrayList<Entry> right) implements Serializable {

        static Sides empty() {
            return new Sides(new ArrayList<>(), new ArrayList<>());
        }

        Sides copy() {
            return new Sides(new ArrayList<>(left), new ArrayList<>(right));
        }
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
        Object[] key = new Object[bucket.length() + 1];
        key[0] = leftSide ? 0 : 1;
        System.arraycopy(bucket.values(), 0, key, 1, bucket.length());
        return RowBufferingOp.buffered(Row.of(key), row);
    }

    @Override
    public void validate(String outputMode, boolean hasWatermark) {
        if (!outputMode.equals("append")) {
            throw new AnalysisException("Join between two streaming DataFrames/Datasets is not supported in "
                    + StatefulOp.modeName(outputMode)
                    + " output mode, only in Append output mode");
        }
        if (!logic.type().equals("inner") && keyEventTime < 0) {
            if (logic.using() == null) {
                throw new UnsupportedOperationException("Streamling supports stream-stream " + logic.type()
                        + " joins on using columns that include the watermarked event time (or its window) only; "
                        + "range conditions are not supported yet");
            }
            throw new AnalysisException("Stream-stream " + sparkName(logic.type()) + " join between two streaming "
                    + "DataFrame/Datasets is not supported without a watermark in the join keys, or a watermark on the "
                    + "nullable side and an appropriate range condition");
        }
    }

    private static String sparkName(String type) {
        return switch (type) {
            case "left_outer" -> "LeftOuter";
            case "right_outer" -> "RightOuter";
            case "full_outer" -> "FullOuter";
            case "left_semi" -> "LeftSemi";
            default -> "Inner";
        };
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
            ((Map<Row, Sides>) state).forEach((k, v) -> buckets.put(k, v.copy()));
        }
        TreeMap<Row, List<List<Row>>> fresh = new TreeMap<>();
        long[] dropped = {0};
        batch.forEach((key, rows) -> {
            Object[] values = key.values();
            Row bucket = Row.of(java.util.Arrays.copyOfRange(values, 1, values.length));
            List<List<Row>> sides = fresh.computeIfAbsent(bucket, b -> List.of(new ArrayList<>(), new ArrayList<>()));
            boolean leftSide = Integer.valueOf(0).equals(values[0]);
            int eventTime = leftSide ? leftEventTime : rightEventTime;
            for (Row row : (List<Row>) rows) {
                if (clock.hasWatermark() && eventTime >= 0 && row.get(eventTime) instanceof java.sql.Timestamp t
                        && t.getTime() <= clock.watermark()) {
                    dropped[0]++;
                    continue; // too late, as Spark's join drops rows older than the watermark
                }
                sides.get(leftSide ? 0 : 1).add(row);
            }
        });
        List<Row> out = new ArrayList<>();
        boolean semi = logic.type().equals("left_semi");
        fresh.forEach((bucket, added) -> {
            Sides sides = buckets.computeIfAbsent(bucket, b -> Sides.empty());
            for (Row l : added.get(0)) {
                boolean matched = false;
                for (int i = 0; i < sides.right().size(); i++) {
                    Entry r = sides.right().get(i);
                    if (logic.matches(l, r.row())) {
                        if (!semi) {
                            out.add(logic.joined(l, r.row()));
                        } else if (!matched) {
                            out.add(l);
                        }
                        matched = true;
                        sides.right().set(i, new Entry(r.row(), true));
                    }
                }
                sides.left().add(new Entry(l, matched));
            }
            for (Row r : added.get(1)) {
                boolean matched = false;
                for (int i = 0; i < sides.left().size(); i++) {
                    Entry l = sides.left().get(i);
                    if (logic.matches(l.row(), r)) {
                        if (!semi) {
                            out.add(logic.joined(l.row(), r));
                        } else if (!l.matched()) {
                            out.add(l.row());
                        }
                        matched = true;
                        sides.left().set(i, new Entry(l.row(), true));
                    }
                }
                sides.right().add(new Entry(r, matched));
            }
        });
        long added = fresh.values().stream().mapToLong(sides -> sides.get(0).size() + sides.get(1).size()).sum();
        long[] removed = {0};
        if (clock.hasWatermark() && keyEventTime >= 0) {
            buckets.entrySet().removeIf(bucket -> {
                Object time = bucket.getKey().get(keyEventTime);
                if (time == null || Aggregation.eventTimeOf(time) > clock.watermark()) {
                    return false;
                }
                writeUnmatched(bucket.getValue(), out);
                removed[0] += bucket.getValue().left().size() + bucket.getValue().right().size();
                return true;
            });
        }
        // as Spark's symmetric hash join: state rows are the input rows of both sides it keeps
        long total = buckets.values().stream().mapToLong(sides -> sides.left().size() + sides.right().size()).sum();
        return new Step(buckets, out, new StateMetrics("symmetricHashJoin", total, added, removed[0], dropped[0]));
    }

    /** An outer join's rows that never matched, with nulls for the other side, once their bucket is evicted. */
    private void writeUnmatched(Sides sides, List<Row> out) {
        String type = logic.type();
        if (type.equals("left_outer") || type.equals("full_outer")) {
            sides.left().stream().filter(e -> !e.matched()).forEach(e -> out.add(logic.joined(e.row(), null)));
        }
        if (type.equals("right_outer") || type.equals("full_outer")) {
            sides.right().stream().filter(e -> !e.matched()).forEach(e -> out.add(logic.joined(null, e.row())));
        }
    }
}
