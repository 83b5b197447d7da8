package io.streamling.internal.sql;

import io.streamling.sql.AnalysisException;
import java.util.ArrayList;
import java.util.List;

/**
 * The logical plan of a streaming Dataset: a source, row steps before the (at most one) stateful
 * operator, that operator, row steps after it, and the watermark. The stateful operator is either
 * an {@link Aggregation} or another {@link StatefulOp} (deduplication, group state). Immutable;
 * each Dataset operation returns a new plan.
 *
 * @param watermarkColumn the {@code withWatermark} column, or null
 * @param watermarkAt how many of the {@code before} steps run before the watermark sees the rows
 *     (Spark tracks the maximum event time where {@code withWatermark} was called, so rows that a
 *     later filter drops still move the watermark)
 * @param stateful a stateful operator other than an aggregation, or null
 * @param inputs for a union of streams: the unioned plans (each stateless, with its own source and
 *     possibly its own watermark), whose rows then go through {@code before}; {@code source} is then
 *     null. Null for a single source.
 */
public record StreamPlan(SourceSpec source, List<RowOp> before, Aggregation aggregation, List<RowOp> after,
        String watermarkColumn, long watermarkDelayMs, int watermarkAt, StatefulOp stateful, List<StreamPlan> inputs) {

    /** The plan of a freshly loaded source. */
    public static StreamPlan of(SourceSpec source) {
        return new StreamPlan(source, List.of(), null, List.of(), null, 0, 0, null, null);
    }

    /** Whether the plan has a stateful operator (aggregation, deduplication, group state). */
    public boolean isStateful() {
        return aggregation != null || stateful != null;
    }

    /**
     * This plan with one more row step, before or after the stateful operator. Whole-batch steps
     * (sort, limit), and every step after one, run at the sink.
     */
    public StreamPlan then(RowOp op) {
        if (!isStateful() && !(op instanceof BatchOp) && after.isEmpty()) {
            return new StreamPlan(source, append(before, op), null, after, watermarkColumn, watermarkDelayMs,
                    watermarkAt, null, inputs);
        }
        return new StreamPlan(source, before, aggregation, append(after, op), watermarkColumn, watermarkDelayMs,
                watermarkAt, stateful, inputs);
    }

    /** This plan aggregated; a second stateful operator is refused at {@code start()} ({@link ChainedStatefulStep}). */
    public StreamPlan aggregate(Aggregation agg) {
        requireNoBatchSteps("an aggregation");
        if (isStateful()) {
            return then(new ChainedStatefulStep("an aggregation", true, agg.outSchema()));
        }
        return new StreamPlan(source, before, agg, after, watermarkColumn, watermarkDelayMs, watermarkAt, null, inputs);
    }

    /** This plan with a stateful operator other than an aggregation; a second one is refused at {@code start()}. */
    public StreamPlan statefully(StatefulOp op) {
        requireNoBatchSteps("a stateful operator");
        if (isStateful()) {
            boolean countsAsStateful = !(op instanceof Deduplication d) || d.withinWatermark()
                    || d.keyColumns().contains(d.eventTime());
            return then(new ChainedStatefulStep(op instanceof Deduplication ? "a deduplication"
                    : op instanceof GroupStateOp ? "[flat]MapGroupsWithState" : "a stream-stream join",
                    countsAsStateful, op.outSchema()));
        }
        return new StreamPlan(source, before, null, after, watermarkColumn, watermarkDelayMs, watermarkAt, op, inputs);
    }

    /** This plan with a watermark, tracked on the rows as they are at this point of the plan. */
    public StreamPlan watermark(String column, long delayMs) {
        requireNoBatchSteps("withWatermark");
        if (isStateful()) {
            // Spark accepts this but the watermark then cannot evict the operator's state; not modelled here
            throw new AnalysisException("Streamling supports withWatermark only before the stateful operator "
                    + "(aggregation, deduplication, group state) of a streaming query");
        }
        return new StreamPlan(source, before, aggregation, after, column, delayMs, before.size(), stateful, inputs);
    }

    /**
     * The union of two streaming plans (rows by position). Each must be stateless so far, as the
     * rows of both go through one stateful step; a union of unions is flattened.
     */
    public static StreamPlan union(StreamPlan first, StreamPlan second) {
        List<StreamPlan> all = new ArrayList<>();
        for (StreamPlan p : List.of(first, second)) {
            if (p.isStateful() || !p.after.isEmpty()) {
                throw new AnalysisException("Streamling supports the union of streams before any stateful operator, "
                        + "sort or limit only");
            }
            if (p.inputs == null) {
                all.add(p);
            } else if (p.before.isEmpty() && p.watermarkColumn == null) {
                all.addAll(p.inputs);
            } else {
                throw new AnalysisException("Streamling supports a union of a union only when the inner union has "
                        + "no steps of its own; union all the streams first");
            }
        }
        return new StreamPlan(null, List.of(), null, List.of(), null, 0, 0, null, List.copyOf(all));
    }

    /** The plans whose sources feed this one: the union's inputs, or this plan alone. */
    public List<StreamPlan> sourcePlans() {
        return inputs == null ? List.of(this) : inputs;
    }

    /** The source of the first input: the only one unless this is a union. */
    public SourceSpec firstSource() {
        return sourcePlans().get(0).source();
    }

    /**
     * The event-time column the stateful operator sees: this plan's watermark column, else the
     * first watermarked input's (a union keeps the first input's column names).
     */
    public String effectiveWatermarkColumn() {
        if (watermarkColumn != null || inputs == null) {
            return watermarkColumn;
        }
        return inputs.stream().map(StreamPlan::effectiveWatermarkColumn).filter(java.util.Objects::nonNull)
                .findFirst().orElse(null);
    }

    /** The delay of {@link #effectiveWatermarkColumn()}'s watermark. */
    public long effectiveWatermarkDelayMs() {
        if (watermarkColumn != null || inputs == null) {
            return watermarkDelayMs;
        }
        return inputs.stream().filter(p -> p.effectiveWatermarkColumn() != null)
                .mapToLong(StreamPlan::effectiveWatermarkDelayMs).findFirst().orElse(0);
    }

    /** Sort and limit run at the sink, over each micro-batch's output, so nothing stateful may follow them. */
    private void requireNoBatchSteps(String what) {
        if (!isStateful() && !after.isEmpty()) {
            throw new AnalysisException("Streamling supports sort and limit only after the stateful operator of a "
                    + "streaming query, not before " + what);
        }
    }

    private static List<RowOp> append(List<RowOp> ops, RowOp op) {
        List<RowOp> more = new ArrayList<>(ops);
        more.add(op);
        return List.copyOf(more);
    }
}
