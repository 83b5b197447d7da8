package io.streamling.internal.sql;

import io.streamling.sql.Row;
import java.io.Serializable;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;

/**
 * The stateless part of a query for one source line: parse, then the row steps before the stateful
 * operator. With a watermark it also reports the largest event time of the rows at the point where
 * {@code withWatermark} was called, as Spark's EventTimeWatermark node sees them.
 */
record RowPipeline(RowParser parser, List<RowOp> before, String watermarkColumn, int watermarkAt)
        implements Serializable {

    /** The pipeline of a plan. */
    static RowPipeline of(StreamPlan plan) {
        return new RowPipeline(plan.source().parser(), plan.before(), plan.watermarkColumn(), plan.watermarkAt());
    }

    /** The rows of one line and their largest event time ({@link Long#MIN_VALUE} when none). */
    Lines run(String line) {
        List<Row> out = parser.parse(line);
        long maxEventTime = Long.MIN_VALUE;
        for (int i = 0; i <= before.size(); i++) {
            if (watermarkColumn != null && i == watermarkAt) {
                maxEventTime = maxEventTime(out);
            }
            if (i == before.size()) {
                break;
            }
            List<Row> next = new ArrayList<>();
            for (Row r : out) {
                next.addAll(before.get(i).apply(r));
            }
            out = next;
        }
        return new Lines(out, maxEventTime);
    }

    private long maxEventTime(List<Row> rows) {
        long max = Long.MIN_VALUE;
        Exprs.ColRef time = new Exprs.ColRef(watermarkColumn);
        for (Row row : rows) {
            // rows without an event time do not move the watermark, as in Spark
            if (time.eval(row) instanceof Timestamp t) {
                max = Math.max(max, t.getTime());
            }
        }
        return max;
    }

    /** The rows of one line, and their largest event time. */
    record Lines(List<Row> rows, long maxEventTime) {
    }
}
