package io.streamling.internal.plan;

import java.util.List;

/**
 * {@code union}: the elements of several streams with the same slide duration, batch by batch.
 *
 * @param id the node id
 * @param inputs the streams merged, at least two
 */
public record UnionNode(int id, List<PlanNode> inputs) implements PlanNode {

    /** Copies the inputs. */
    public UnionNode {
        inputs = List.copyOf(inputs);
    }

    @Override
    public String operation() {
        return "union";
    }
}
