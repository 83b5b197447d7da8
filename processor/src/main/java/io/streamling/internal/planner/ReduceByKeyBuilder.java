package io.streamling.internal.planner;

import io.streamling.internal.plan.ReduceByKeyNode;
import io.streamling.internal.runtime.BatchReduceProcessor;
import io.streamling.internal.runtime.OperatorStores;
import org.apache.kafka.streams.kstream.Named;

/**
 * Builds {@code reduceByKey} as combine → shuffle → reduce: each task first reduces its own
 * elements per key and batch, so the repartition topic carries one partial result per key, task
 * and batch instead of every element; the reduce after the shuffle merges the partials.
 */
final class ReduceByKeyBuilder {

    private ReduceByKeyBuilder() {
    }

    static Stage build(PlanningContext context, ReduceByKeyNode node) {
        PlannerSettings settings = context.settings();
        Stage input = context.build(node.input());
        String name = node.name();
        String combine = name + "-combine";
        var combined = input.stream().process(Suppliers.of(
                () -> new BatchReduceProcessor(combine, settings.clock(), input.markerProducers(), node.reduce(),
                        settings.services().lateRecords()),
                OperatorStores.batches(combine), OperatorStores.progress(combine)), Named.as(combine));
        int partitions = node.partitions() > 0 ? node.partitions() : input.parallelism();
        Stage shuffled = context.shuffle(new Stage(combined, input.parallelism(), 1), name, partitions);
        var reduced = shuffled.stream().process(Suppliers.of(
                () -> new BatchReduceProcessor(name, settings.clock(), shuffled.markerProducers(), node.reduce(),
                        settings.services().lateRecords()),
                OperatorStores.batches(name), OperatorStores.progress(name)), Named.as(name));
        return new Stage(reduced, shuffled.parallelism(), 1);
    }
}
