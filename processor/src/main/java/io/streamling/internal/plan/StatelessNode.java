package io.streamling.internal.plan;

import java.util.List;

/**
 * A per-element step: map, mapToPair, flatMap, filter, ...
 *
 * @param id the node id
 * @param operation the API operation name
 * @param input the node read
 * @param function the step
 * @param preservesPartitioning whether the step keeps each pair's key (filter, mapValues, ...), so
 *                              a stream partitioned by key stays so
 */
public record StatelessNode(int id, String operation, PlanNode input, ElementFunction function,
                            boolean preservesPartitioning) implements PlanNode {

    @Override
    public List<PlanNode> inputs() {
        return List.of(input);
    }
}
