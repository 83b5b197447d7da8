package io.streamling.internal.sql;

import io.streamling.sql.Row;
import java.io.Serializable;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;

/**
 * The stateless part of a query for one source line: parse, then the row steps before the stateful
 * operator. It also reports, per watermark of the query, the largest event time of the rows at the
 * point where that {@code withWatermark} was called, as Spark's EventTimeWatermark nodes see them
 * (a union has one per watermarked input, plus one after the union if declared there).
 *
 * @param branches one per source: a union has several
 * @param delaysMs the delay of each watermark
 */
record RowPipeline(List<Branch> branches, long[] delaysMs) implements Serializable {

    /** One source's parser, steps and watermark points. */
    record Branch(RowParser parser, List<RowOp> ops, List<Point> points) implements Serializable {
    }

    /** Watermark {@code tracker} reads {@code column} before step {@code at}. */
    record Point(int tracker, String column, int at) implements Serializable {
    }

    /** The pipeline of a plan. */
    static RowPipeline of(StreamPlan plan) {
        List<Long> delays = new ArrayList<>();
        List<Branch> branches = new ArrayList<>();
        int shared = -1;
        if (plan.inputs() != null && plan.watermarkColumn() != null) {
            shared = delays.size();
            delays.add(plan.watermarkDelayMs());
        }
        for (StreamPlan input : plan.sourcePlans()) {
            List<Point> points = new ArrayList<>();
            List<RowOp> ops = new ArrayList<>(input.before());
            if (input.watermarkColumn() != null) {
                points.add(new Point(delays.size(), input.watermarkColumn(), input.watermarkAt()));
                delays.add(input.watermarkDelayMs());
            }
            if (input != plan) {
                if (shared >= 0) {
                    points.add(new Point(shared, plan.watermarkColumn(), ops.size() + plan.watermarkAt()));
                }
                ops.addAll(plan.before());
            }
            branches.add(new Branch(input.source().parser(), List.copyOf(ops), List.copyOf(points)));
        }
        return new RowPipeline(List.copyOf(branches), delays.stream().mapToLong(Long::longValue).toArray());
    }

    /** The rows of one line of source {@code branch}, and per watermark their largest event time. */
    Lines run(int branch, Object line) {
        Branch b = branches.get(branch);
        List<Row> out = b.parser().parse(line);
        long[] maxEventTimes = new long[delaysMs.length];
        java.util.Arrays.fill(maxEventTimes, Long.MIN_VALUE);
        EventTimeStats stats = null;
        for (int i = 0; i <= b.ops().size(); i++) {
            for (Point point : b.points()) {
                if (point.at() == i) {
                    maxEventTimes[point.tracker()] = maxEventTime(out, point.column());
                    if (point.tracker() == 0) {
                        // the progress reports the first watermark's event times, as Spark its first EventTimeWatermark's
                        stats = stats(out, point.column());
                    }
                }
            }
            if (i == b.ops().size()) {
                break;
            }
            List<Row> next = new ArrayList<>();
            for (Row r : out) {
                next.addAll(b.ops().get(i).apply(r));
            }
            out = next;
        }
        return new Lines(out, maxEventTimes, stats);
    }

    private static EventTimeStats stats(List<Row> rows, String column) {
        EventTimeStats stats = null;
        Exprs.ColRef time = new Exprs.ColRef(column);
        for (Row row : rows) {
            if (time.eval(row) instanceof Timestamp t) {
                stats = EventTimeStats.merge(stats, EventTimeStats.of(t.getTime()));
            }
        }
        return stats;
    }

    private static long maxEventTime(List<Row> rows, String column) {
        long max = Long.MIN_VALUE;
        Exprs.ColRef time = new Exprs.ColRef(column);
        for (Row row : rows) {
            // rows without an event time do not move the watermark, as in Spark
            if (time.eval(row) instanceof Timestamp t) {
                max = Math.max(max, t.getTime());
            }
        }
        return max;
    }

    /**
     * The rows of one line, per watermark their largest event time ({@link Long#MIN_VALUE}: none),
     * and the event times at the first watermark (null: none).
     */
    record Lines(List<Row> rows, long[] maxEventTimes, EventTimeStats stats) {

        boolean hasEventTime() {
            for (long t : maxEventTimes) {
                if (t != Long.MIN_VALUE) {
                    return true;
                }
            }
            return false;
        }
    }
}
