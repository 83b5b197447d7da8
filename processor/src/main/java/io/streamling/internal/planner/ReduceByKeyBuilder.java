package io.streamling.internal.planner;

import io.streamling.internal.plan.ReduceByKeyNode;
import io.streamling.internal.runtime.BatchReduceProcessor;
import io.streamling.internal.runtime.OperatorStores;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;

/**
 * Builds {@code reduceByKey} as combine → shuffle → reduce: each task first reduces its own
 * elements per key and batch, so the repartition topic carries one partial result per key, task
 * and batch instead of every element; the reduce after the shuffle merges the partials. When the
 * input is already partitioned by key (it comes out of another per-key operation, maybe through
 * a window), one reduce in place does it, with no shuffle.
 */
final class ReduceByKeyBuilder {

    private ReduceByKeyBuilder() {
    }

    static Stage build(PlanningContext context, ReduceByKeyNode node) {
        Stage input = context.build(node.input());
        String name = node.name();
        if (input.partitionedByKey() && node.partitions() == 0) {
            return input.with(reduce(context, node, input, name), 1);
        }
        Stage combined = input.with(reduce(context, node, input, name + "-combine"), 1);
        int partitions = node.partitions() > 0 ? node.partitions() : input.parallelism();
        Stage shuffled = context.shuffle(combined, name, partitions);
        return shuffled.with(reduce(context, node, shuffled, name), 1);
    }

    private static KStream<Object, Object> reduce(PlanningContext context, ReduceByKeyNode node, Stage input,
                                                  String name) {
        PlannerSettings settings = context.settings();
        int producers = input.markerProducers();
        return input.stream().process(Suppliers.of(
                () -> new BatchReduceProcessor(name, settings.clock(), producers, node.reduce(),
                        settings.services().lateRecords()),
                OperatorStores.batches(name), OperatorStores.progress(name)), Named.as(name));
    }
}
