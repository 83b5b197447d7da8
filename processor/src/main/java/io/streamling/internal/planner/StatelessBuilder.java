package io.streamling.internal.planner;

import io.streamling.internal.plan.ElementFunction;
import io.streamling.internal.plan.PlanNode;
import io.streamling.internal.plan.StatelessNode;
import io.streamling.internal.runtime.StatelessProcessor;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.kafka.streams.kstream.Named;

/**
 * Builds a chain of per-element steps as one processor: a step is fused into the step that reads
 * it when nothing else reads it, so {@code flatMap(...).map(...).filter(...)} costs one processor.
 */
final class StatelessBuilder {

    private StatelessBuilder() {
    }

    static Stage build(PlanningContext context, StatelessNode last) {
        Deque<StatelessNode> chain = new ArrayDeque<>();
        chain.addFirst(last);
        PlanNode input = last.input();
        while (input instanceof StatelessNode step && context.hasSingleReader(step)) {
            chain.addFirst(step);
            input = step.input();
        }
        Stage stage = context.build(input);
        String name = chain.stream().map(PlanNode::name).collect(Collectors.joining("."));
        List<ElementFunction> steps = chain.stream().map(StatelessNode::function).toList();
        var stream = stage.stream().process(Suppliers.of(() -> new StatelessProcessor(name, steps)), Named.as(name));
        boolean keepsPartitioning = chain.stream().allMatch(StatelessNode::preservesPartitioning);
        return keepsPartitioning ? stage.with(stream, stage.markerProducers()) : stage.rekeyed(stream);
    }
}
