package io.streamling.internal.plan;

import java.util.List;

/**
 * {@code repartition(n)} and {@code partitionBy(n)}: the elements moved into {@code partitions}
 * partitions, a pair by its key, any other element by its value.
 *
 * @param id the node id
 * @param operation the API operation name
 * @param input the node read
 * @param partitions the number of partitions
 */
public record ShuffleNode(int id, String operation, PlanNode input, int partitions) implements PlanNode {

    @Override
    public List<PlanNode> inputs() {
        return List.of(input);
    }
}
