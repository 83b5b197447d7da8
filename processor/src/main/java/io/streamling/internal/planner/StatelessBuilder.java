package io.streamling.internal.planner;

import io.streamling.internal.plan.ElementFunction;
import io.streamling.internal.plan.PlanNode;
import io.streamling.internal.plan.StatelessNode;
import io.streamling.internal.runtime.DeadLetterWriter;
import io.streamling.internal.runtime.FailedElement;
import io.streamling.internal.runtime.RecordErrorPolicy;
import io.streamling.internal.runtime.StatelessProcessor;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;

/**
 * Builds a chain of per-element steps as one processor: a step is fused into the step that reads
 * it when nothing else reads it, so {@code flatMap(...).map(...).filter(...)} costs one processor.
 * Under the dead-letter policy, elements whose function threw branch off to the dead-letter topic.
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
        PlannerSettings settings = context.settings();
        KStream<Object, Object> stream = stage.stream().process(Suppliers.of(() -> new StatelessProcessor(name, steps,
                settings.errorPolicy(), settings.services().failedRecords())), Named.as(name));
        if (settings.errorPolicy() == RecordErrorPolicy.DEAD_LETTER) {
            stream.filter((key, value) -> value instanceof FailedElement, Named.as(name + "-failed"))
                    .process(DeadLetterWriter::new, Named.as(name + "-dead-letter"))
                    .to(settings.deadLetterTopic().orElseThrow(),
                            Produced.with(Serdes.ByteArray(), Serdes.ByteArray()).withName(name + "-dead-letter-sink"));
            stream = stream.filterNot((key, value) -> value instanceof FailedElement, Named.as(name + "-succeeded"));
        }
        boolean keepsPartitioning = chain.stream().allMatch(StatelessNode::preservesPartitioning);
        return keepsPartitioning ? stage.relaying(stream) : stage.rekeyed(stream);
    }
}
