package io.streamling.internal.plan;

import java.util.List;

/**
 * A per-element step: map, mapToPair, flatMap, filter, ...
 *
 * @param id the node id
 * @param operation the API operation name
 * @param input the node read
 * @param function the step
 */
public record StatelessNode(int id, String operation, PlanNode input, ElementFunction function) implements PlanNode {

    @Override
    public List<PlanNode> inputs() {
        return List.of(input);
    }
}
