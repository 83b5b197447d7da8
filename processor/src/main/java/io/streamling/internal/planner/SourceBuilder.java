package io.streamling.internal.planner;

import io.streamling.internal.plan.SourceNode;
import io.streamling.internal.runtime.OperatorStores;
import io.streamling.internal.runtime.SourceProgressProcessor;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Named;

/** Builds a source: the topic's string values, then the partition's progress markers. */
final class SourceBuilder {

    private SourceBuilder() {
    }

    static Stage build(PlanningContext context, SourceNode node) {
        PlannerSettings settings = context.settings();
        String name = node.name();
        var stream = context.builder()
                .stream(node.topic(), Consumed.with(Serdes.ByteArray(), Serdes.String()).withName(name + "-read"))
                .process(Suppliers.of(() -> new SourceProgressProcessor(name, node.topic(), settings.clock(),
                                settings.idleTimeoutMs(), settings.services()), OperatorStores.progress(name)), Named.as(name));
        return new Stage(stream, settings.partitionsOf(node.topic()), 1);
    }
}
