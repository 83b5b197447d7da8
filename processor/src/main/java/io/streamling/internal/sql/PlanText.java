package io.streamling.internal.sql;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** The logical plan of a query as a Spark-like tree, for {@code explain(true)}: sink at the top, source at the bottom. */
public final class PlanText {

    private PlanText() {
    }

    /** The plan of {@code spec}, one node per line, children indented under {@code +- }. */
    public static String describe(WriteSpec spec) {
        StreamPlan plan = spec.plan();
        List<String> nodes = new ArrayList<>();
        nodes.add("WriteToMicroBatchDataSource " + spec.format() + ", " + spec.outputMode() + " mode"
                + (spec.queryName() != null ? ", " + spec.queryName() : ""));
        for (int i = plan.after().size() - 1; i >= 0; i--) {
            nodes.add(describe(plan.after().get(i)));
        }
        if (plan.aggregation() != null) {
            Aggregation agg = plan.aggregation();
            nodes.add("Aggregate [" + names(agg.keys()) + "], [" + names(agg.keys())
                    + (agg.keys().isEmpty() ? "" : ", ") + names(agg.aggregates()) + "]");
        }
        if (plan.watermarkColumn() != null) {
            nodes.add("EventTimeWatermark " + plan.watermarkColumn() + ", " + plan.watermarkDelayMs() + " ms");
        }
        for (int i = plan.before().size() - 1; i >= 0; i--) {
            nodes.add(describe(plan.before().get(i)));
        }
        SourceSpec source = plan.firstSource();
        nodes.add("StreamingRelation " + QueryMonitor.describe(source) + ", ["
                + String.join(", ", source.schema().fieldNames()) + "]");
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < nodes.size(); i++) {
            text.append(i == 0 ? "" : "   ".repeat(i - 1) + "+- ").append(nodes.get(i)).append('\n');
        }
        return text.toString();
    }

    private static String describe(RowOp op) {
        if (op instanceof Project project) {
            return "Project [" + names(project.exprs()) + "]";
        }
        if (op instanceof Filter filter) {
            return "Filter " + filter.condition().name();
        }
        return op.getClass().getSimpleName() + " [" + String.join(", ", op.outSchema().fieldNames()) + "]";
    }

    private static String names(List<Expr> exprs) {
        return exprs.stream().map(Expr::name).collect(Collectors.joining(", "));
    }
}
