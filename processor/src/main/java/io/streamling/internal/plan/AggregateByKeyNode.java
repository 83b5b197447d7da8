package io.streamling.internal.plan;

import java.util.List;

/**
 * A per-batch, per-key fold: {@code reduceByKey}, {@code groupByKey}, {@code combineByKey}. Each
 * task folds its own values with {@code combine}, then the task owning the key merges the tasks'
 * accumulators with {@code merge}.
 *
 * @param id the node id
 * @param operation the API operation name
 * @param input the pair stream read
 * @param combine the fold of values within a task
 * @param merge the fold of accumulators after the shuffle
 * @param partitions the number of partitions of the shuffle, or 0 for as many as the input has
 */
public record AggregateByKeyNode(int id, String operation, PlanNode input, Aggregation combine, Aggregation merge,
                                 int partitions) implements PlanNode {

    @Override
    public List<PlanNode> inputs() {
        return List.of(input);
    }
}
