package io.streamling.internal.sql;

import io.streamling.api.Tuple2;
import io.streamling.sql.AnalysisException;
import io.streamling.sql.Row;
import io.streamling.sql.types.StructType;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.TreeMap;

/**
 * A stream-stream join, as Spark's StreamingSymmetricHashJoinExec. Per micro-batch the new left
 * rows join the right side's earlier rows, then the new right rows join every left row, so each
 * matching pair is written once, in the batch where its later row arrives. Rows are bucketed by
 * the using columns' values (one bucket for a condition join). A side with a watermark drops its
 * rows at or before the previous micro-batch's watermark (Spark's watermark for late events).
 * After the join, each side's state drops the rows that can no longer match, judged with this
 * micro-batch's watermark: when a join key is the event time (or its window), rows whose key is
 * at or before the watermark; otherwise, on a side with a watermark, rows whose time is at or
 * before the bound the condition's time range gives ({@link JoinTimeRange}). An outer join then
 * writes the dropped rows of its preserved side(s) that never matched, with nulls for the other
 * side; a left semi join writes a left row at its first match. Without either, both sides are kept
 * for ever.
 *
 * @param logic the join's columns, condition, type and output (its static rows are unused)
 * @param leftSources how many of the query's sources feed the left side
 * @param leftEventTime the index of the left side's watermark column (or window of it), -1 when none
 * @param rightEventTime the index of the right side's watermark column, -1 when none
 * @param leftKeyTime the index, in the left side, of the join key that is the event time or its window, -1 when none
 * @param rightKeyTime the same key's index in the right side, -1 when none
 * @param leftRange the condition's time range solved for the left side (by the right side's watermark)
 * @param rightRange the condition's time range solved for the right side (by the left side's watermark)
 */
public record StreamJoin(StaticJoin logic, int leftSources, int leftEventTime, int rightEventTime, int leftKeyTime,
        int rightKeyTime, JoinTimeRange leftRange, JoinTimeRange rightRange) implements RowBufferingOp {

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
        // Spark's UnsupportedOperationChecker: the state a null row waits on must be evictable
        boolean keyed = leftKeyTime >= 0 || rightKeyTime >= 0;
        boolean supported = switch (logic.type()) {
            case "left_outer", "left_semi" -> keyed || leftRange.bounds();
            case "right_outer" -> keyed || rightRange.bounds();
            case "full_outer" -> keyed || leftRange.bounds() || rightRange.bounds();
            default -> true;
        };
        if (!supported) {
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

    /** Whether a side's state is evicted by the watermark at all (Spark's state watermark predicates). */
    private boolean evicts() {
        return leftKeyTime >= 0 || rightKeyTime >= 0 || (leftEventTime >= 0 && leftRange.bounds())
                || (rightEventTime >= 0 && rightRange.bounds());
    }

    @Override
    public boolean runsWithoutData(long watermark, long lastBatchWatermark) {
        return evicts() && watermark > lastBatchWatermark;
    }

    /** Which rows of one side the watermark removes from the state, in one micro-batch. */
    private record Eviction(int keyTime, int eventTime, OptionalLong stateWatermark, long watermark) {

        boolean evicts(Row row) {
            if (keyTime >= 0) {
                Object key = row.get(keyTime);
                return key != null && Aggregation.eventTimeOf(key) <= watermark;
            }
            Object time = eventTime < 0 ? null : row.get(eventTime);
            return stateWatermark.isPresent() && time != null && Aggregation.eventTimeOf(time) <= stateWatermark.getAsLong();
        }
    }

    private Eviction eviction(boolean left, BatchClock clock) {
        if (!clock.hasWatermark()) {
            return new Eviction(-1, -1, OptionalLong.empty(), 0);
        }
        boolean keyed = leftKeyTime >= 0 || rightKeyTime >= 0;
        int eventTime = left ? leftEventTime : rightEventTime;
        OptionalLong bound = keyed || eventTime < 0 ? OptionalLong.empty()
                : (left ? leftRange : rightRange).stateWatermark(clock.watermark());
        return new Eviction(keyed ? (left ? leftKeyTime : rightKeyTime) : -1, eventTime, bound, clock.watermark());
    }

    @Override
    @SuppressWarnings("unchecked")
    public Step step(Object state, Map<Row, Object> batch, BatchClock clock) {
        // the state: the kept rows by bucket
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
                Object time = eventTime < 0 ? null : row.get(eventTime);
                if (clock.hasWatermark() && time != null && Aggregation.eventTimeOf(time) <= clock.lateWatermark()) {
                    dropped[0]++;
                    continue; // too late: at or before the watermark of the previous micro-batch, as Spark's
                }
                sides.get(leftSide ? 0 : 1).add(row);
            }
        });
        Eviction leftEviction = eviction(true, clock);
        Eviction rightEviction = eviction(false, clock);
        List<Row> out = new ArrayList<>();
        long[] added = {0};
        fresh.forEach((bucket, rows) -> {
            Sides sides = buckets.computeIfAbsent(bucket, b -> Sides.empty());
            added[0] += joinLeft(rows.get(0), sides, leftEviction, out);
            added[0] += joinRight(rows.get(1), sides, rightEviction, out);
        });
        long removed = evict(buckets, true, leftEviction, out) + evict(buckets, false, rightEviction, out);
        buckets.values().removeIf(sides -> sides.left().isEmpty() && sides.right().isEmpty());
        // as Spark's symmetric hash join: state rows are the input rows of both sides it keeps
        long total = buckets.values().stream().mapToLong(sides -> sides.left().size() + sides.right().size()).sum();
        return new Step(buckets, out,
                new StateMetrics("symmetricHashJoin", total, added[0], removed, dropped[0]));
    }

    /**
     * New left rows against the right side's kept rows; each is kept unless it matched in a left
     * semi join, even when the watermark evicts it in this micro-batch: it has yet to meet this
     * micro-batch's right rows, and an outer join writes it with nulls when it is evicted unmatched
     * (Spark 4's StreamingSymmetricHashJoinExec). Returns how many it kept.
     */
    private long joinLeft(List<Row> rows, Sides sides, Eviction eviction, List<Row> out) {
        boolean semi = logic.type().equals("left_semi");
        long kept = 0;
        for (Row l : rows) {
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
            if (!(semi && matched)) {
                sides.left().add(new Entry(l, matched));
                kept++;
            }
        }
        return kept;
    }

    /**
     * New right rows against every kept left row, this micro-batch's included (a left semi join
     * writes a left row at its first match). A right row the watermark evicts in this micro-batch
     * is not kept, having met every left row it can, unless a right or full outer join has to
     * write it with nulls at its eviction. Returns how many it kept.
     */
    private long joinRight(List<Row> rows, Sides sides, Eviction eviction, List<Row> out) {
        boolean semi = logic.type().equals("left_semi");
        long kept = 0;
        for (Row r : rows) {
            boolean matched = false;
            for (int i = 0; i < sides.left().size(); i++) {
                Entry l = sides.left().get(i);
                if (semi && l.matched()) {
                    continue; // a left semi join writes each left row once
                }
                if (logic.matches(l.row(), r)) {
                    out.add(semi ? l.row() : logic.joined(l.row(), r));
                    matched = true;
                    sides.left().set(i, new Entry(l.row(), true));
                }
            }
            if (!eviction.evicts(r) || (!matched && preserves(false))) {
                sides.right().add(new Entry(r, matched));
                kept++;
            }
        }
        return kept;
    }

    /** Whether the join writes the rows of one side that never matched, with nulls for the other side. */
    private boolean preserves(boolean left) {
        String type = logic.type();
        return type.equals("full_outer") || type.equals(left ? "left_outer" : "right_outer");
    }

    /**
     * Removes one side's rows the watermark passed; for the preserved side of an outer join, writes
     * those that never matched with nulls for the other side. Returns how many it removed.
     */
    private long evict(TreeMap<Row, Sides> buckets, boolean left, Eviction eviction, List<Row> out) {
        boolean preserved = preserves(left);
        long removed = 0;
        for (Sides sides : buckets.values()) {
            List<Entry> rows = left ? sides.left() : sides.right();
            for (java.util.Iterator<Entry> it = rows.iterator(); it.hasNext(); ) {
                Entry e = it.next();
                if (eviction.evicts(e.row())) {
                    if (preserved && !e.matched()) {
                        out.add(left ? logic.joined(e.row(), null) : logic.joined(null, e.row()));
                    }
                    it.remove();
                    removed++;
                }
            }
        }
        return removed;
    }
}
