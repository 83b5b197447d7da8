package io.streamling.internal.planner;

import io.streamling.internal.plan.SourceNode;
import io.streamling.internal.runtime.LateRecord;
import io.streamling.internal.runtime.LateRecordWriter;
import io.streamling.internal.runtime.OperatorStores;
import io.streamling.internal.runtime.SourceProgressProcessor;
import java.util.Map;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.AutoOffsetReset;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;

/**
 * Builds a source: the topic's values decoded as UTF-8 strings, then the partition's progress
 * markers; when a late-data topic is configured, late records branch off to it.
 */
final class SourceBuilder {

    private SourceBuilder() {
    }

    static Stage build(PlanningContext context, SourceNode node) {
        PlannerSettings settings = context.settings();
        String name = node.name();
        boolean keepLate = settings.lateTopic().isPresent();
        Consumed<byte[], byte[]> consumed = Consumed.with(Serdes.ByteArray(), Serdes.ByteArray()).withName(name + "-read");
        if (node.offsetReset().isPresent()) {
            consumed = consumed.withOffsetResetPolicy(node.offsetReset().get().equals("earliest")
                    ? AutoOffsetReset.earliest() : AutoOffsetReset.latest());
        }
        KStream<Object, Object> stream = context.builder()
                .stream(node.topic(), consumed)
                .process(Suppliers.of(() -> new SourceProgressProcessor(name, node.topic(), node.format(), settings.clock(),
                                settings.progress(), settings.services(), keepLate), OperatorStores.progress(name)),
                        Named.as(name));
        if (keepLate) {
            stream.filter((key, value) -> value instanceof LateRecord, Named.as(name + "-late"))
                    .process(LateRecordWriter::new, Named.as(name + "-late-restore"))
                    .to(settings.lateTopic().orElseThrow(),
                            Produced.with(Serdes.ByteArray(), Serdes.ByteArray()).withName(name + "-late-sink"));
            stream = stream.filterNot((key, value) -> value instanceof LateRecord, Named.as(name + "-on-time"));
        }
        return new Stage(stream, settings.partitionsOf(node.topic()), Map.of(name, 1), settings.clock().intervalMs(), false, false);
    }
}
