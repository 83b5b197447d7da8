package io.streamling.internal.planner;

import io.streamling.internal.plan.TopicSinkNode;
import io.streamling.internal.runtime.TopicRecordProcessor;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;

/** Builds a topic sink: elements as string key and value records, markers left out. */
final class TopicSinkBuilder {

    private TopicSinkBuilder() {
    }

    static Stage build(PlanningContext context, TopicSinkNode node) {
        Stage input = context.build(node.input());
        String name = node.name();
        var records = input.stream().process(Suppliers.of(TopicRecordProcessor::new), Named.as(name + "-format"));
        records.to(node.topic(), Produced.with(Serdes.String(), Serdes.String()).withName(name));
        return input;
    }
}
