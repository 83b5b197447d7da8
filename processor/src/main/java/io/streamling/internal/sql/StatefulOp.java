package io.streamling.internal.sql;

import io.streamling.api.Tuple2;
import io.streamling.sql.Row;
import io.streamling.sql.types.StructType;
import java.io.Serializable;
import java.util.List;
import java.util.Map;

/**
 * A stateful operator that needs the query's (global) watermark or the batch time: deduplication,
 * group state, an aggregation whose state the watermark evicts. It runs in two phases: each input
 * row becomes keyed partial results, combined per key within the micro-batch in parallel; then
 * one {@link #step} per micro-batch, in one place, sees the combined partials, the watermark and
 * its state, and returns the rows the micro-batch writes.
 */
public interface StatefulOp extends Serializable {

    /** The schema of the rows this writes. */
    StructType outSchema();

    /** The keyed partial results of one input row. */
    List<Tuple2<Row, Object>> partials(Row row);

    /** The keyed partial results of one row of source {@code source} (a join tells its sides apart). */
    default List<Tuple2<Row, Object>> partials(int source, Row row) {
        return partials(row);
    }

    /** Combines two partials of one key within a micro-batch, the earlier one first. */
    Object merge(Object earlier, Object later);

    /**
     * Whether a micro-batch runs without new input: Spark runs one when the watermark moved past
     * the one the last micro-batch used (so that final windows and expired state come out).
     */
    boolean runsWithoutData(long watermark, long lastBatchWatermark);

    /**
     * Checks, at {@code start()}, that the operator supports the output mode.
     *
     * @throws io.streamling.sql.AnalysisException with Spark's message when it does not
     */
    default void validate(String outputMode, boolean hasWatermark) {
    }

    /** An output mode as Spark's messages name it: {@code update} is {@code Update}. */
    static String modeName(String outputMode) {
        return Character.toUpperCase(outputMode.charAt(0)) + outputMode.substring(1);
    }

    /** Runs one micro-batch over the batch's combined partials (key order) and the previous state (null at first). */
    Step step(Object state, Map<Row, Object> batch, BatchClock clock);

    /**
     * What a micro-batch leaves: the new state, the rows it writes, and what the state did (null:
     * the operator does not report it).
     */
    record Step(Object state, List<Row> rows, StateMetrics metrics) {

        /** A step that reports no state metrics. */
        public Step(Object state, List<Row> rows) {
            this(state, rows, null);
        }
    }

    /**
     * The time of a micro-batch.
     *
     * @param watermark the watermark in force (ms), from the event times of earlier micro-batches; 0 at
     *     first. Spark evicts state and fires timeouts with it.
     * @param lateWatermark the watermark the previous micro-batch ran with (0 at first): as Spark 3.4+,
     *     a row is late, and dropped, only when it is at or before this one
     * @param hasWatermark whether the query declared one
     * @param batchTimeMs the processing time of the micro-batch (the DStream batch time)
     */
    record BatchClock(long watermark, long lateWatermark, boolean hasWatermark, long batchTimeMs)
            implements Serializable {
    }
}
