package io.streamling.internal.plan;

import java.util.List;

/**
 * {@code print(num)}: the first {@code num} elements of every batch, in Spark's format.
 *
 * @param id the node id
 * @param input the node read
 * @param num how many elements to print per batch
 */
public record PrintNode(int id, PlanNode input, int num) implements PlanNode {

    @Override
    public String operation() {
        return "print";
    }

    @Override
    public List<PlanNode> inputs() {
        return List.of(input);
    }
}
