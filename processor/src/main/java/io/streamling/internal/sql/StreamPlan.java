package io.streamling.internal.sql;

import io.streamling.sql.AnalysisException;
import java.util.ArrayList;
import java.util.List;

/**
 * The logical plan of a streaming Dataset: a source, row steps before the (at most one)
 * aggregation, the aggregation, row steps after it, and the watermark. Immutable; each Dataset
 * operation returns a new plan.
 *
 * @param watermarkColumn the {@code withWatermark} column, or null
 */
public record StreamPlan(SourceSpec source, List<RowOp> before, Aggregation aggregation, List<RowOp> after,
        String watermarkColumn, long watermarkDelayMs) {

    /** The plan of a freshly loaded source. */
    public static StreamPlan of(SourceSpec source) {
        return new StreamPlan(source, List.of(), null, List.of(), null, 0);
    }

    /** This plan with one more row step, before or after the aggregation. */
    public StreamPlan then(RowOp op) {
        if (aggregation == null) {
            return new StreamPlan(source, append(before, op), null, after, watermarkColumn, watermarkDelayMs);
        }
        return new StreamPlan(source, before, aggregation, append(after, op), watermarkColumn, watermarkDelayMs);
    }

    /** This plan aggregated. */
    public StreamPlan aggregate(Aggregation agg) {
        if (aggregation != null) {
            throw new AnalysisException("Multiple streaming aggregations are not supported with streaming DataFrames/Datasets");
        }
        return new StreamPlan(source, before, agg, after, watermarkColumn, watermarkDelayMs);
    }

    /** This plan with a watermark. */
    public StreamPlan watermark(String column, long delayMs) {
        return new StreamPlan(source, before, aggregation, after, column, delayMs);
    }

    private static List<RowOp> append(List<RowOp> ops, RowOp op) {
        List<RowOp> more = new ArrayList<>(ops);
        more.add(op);
        return List.copyOf(more);
    }
}
