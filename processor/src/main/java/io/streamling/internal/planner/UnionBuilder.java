package io.streamling.internal.planner;

import io.streamling.internal.plan.UnionNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds {@code union}: the inputs merged into one stream that carries the markers of every
 * input, so the watermark downstream is the minimum over all of them (Spark's default policy for
 * several inputs). Merged inputs share tasks partition by partition, so inputs with different
 * partition counts are first shuffled to the largest count: otherwise some tasks would never hear
 * from the smaller input.
 */
final class UnionBuilder {

    private UnionBuilder() {
    }

    static Stage build(PlanningContext context, UnionNode node) {
        List<Stage> inputs = node.inputs().stream().map(context::build).toList();
        int parallelism = inputs.stream().mapToInt(Stage::parallelism).max().orElseThrow();
        boolean aligned = inputs.stream().allMatch(input -> input.parallelism() == parallelism);
        List<Stage> parts = new ArrayList<>();
        for (int i = 0; i < inputs.size(); i++) {
            parts.add(aligned ? inputs.get(i) : context.shuffle(inputs.get(i), node.name() + "-" + i, parallelism));
        }
        return Stage.merged(parts, node.name(), parallelism);
    }
}
