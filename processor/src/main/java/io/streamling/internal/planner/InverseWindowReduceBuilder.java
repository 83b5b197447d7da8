package io.streamling.internal.planner;

import io.streamling.internal.plan.InverseWindowReduceNode;
import io.streamling.internal.runtime.InverseWindowReduceProcessor;
import io.streamling.internal.runtime.OperatorStores;
import io.streamling.internal.runtime.OutputSchedule;
import java.util.Map;
import org.apache.kafka.streams.kstream.Named;

/**
 * Builds the incremental {@code reduceByKeyAndWindow(f, invF, w, s)} on its per-batch reduced,
 * key-partitioned input: one processor per partition, no further shuffle.
 */
final class InverseWindowReduceBuilder {

    private InverseWindowReduceBuilder() {
    }

    static Stage build(PlanningContext context, InverseWindowReduceNode node) {
        Stage input = context.build(node.input());
        if (!input.partitionedByKey()) {
            throw new IllegalStateException(node.name() + " needs an input partitioned by key");
        }
        String name = node.name();
        OutputSchedule schedule = new OutputSchedule(context.settings().clock(), node.slideMs());
        int producers = input.markerProducers();
        var windowed = input.stream().process(Suppliers.of(
                () -> new InverseWindowReduceProcessor(name, schedule, producers, node.reduce(), node.inverse(),
                        node.windowMs(), node.filter(), context.settings().maxEmptyBatches()),
                OperatorStores.bufferedBatches(name), OperatorStores.keyed(InverseWindowReduceProcessor.windowStoreName(name)),
                OperatorStores.progress(name)), Named.as(name));
        return new Stage(windowed, input.parallelism(), Map.of(name, 1), node.slideMs(), true, true);
    }
}
