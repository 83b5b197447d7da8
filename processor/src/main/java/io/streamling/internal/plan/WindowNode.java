package io.streamling.internal.plan;

import java.util.List;

/**
 * {@code window(w, s)}: every {@code s}, the union of the batches of the last {@code w}.
 *
 * @param id the node id
 * @param input the node read
 * @param windowMs the window length, a multiple of the input's slide
 * @param slideMs the window slide, a multiple of the input's slide
 */
public record WindowNode(int id, PlanNode input, long windowMs, long slideMs) implements PlanNode {

    @Override
    public String operation() {
        return "window";
    }

    @Override
    public List<PlanNode> inputs() {
        return List.of(input);
    }
}
