package io.streamling.internal.planner;

import io.streamling.internal.plan.AggregateByKeyNode;
import io.streamling.internal.plan.Aggregation;
import io.streamling.internal.runtime.BatchReduceProcessor;
import io.streamling.internal.runtime.OperatorStores;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;

/**
 * Builds a per-key fold ({@code reduceByKey}, {@code groupByKey}, ...) as combine → shuffle →
 * merge: each task first folds its own values per key and batch, so the repartition topic carries
 * one accumulator per key, task and batch instead of every element; the merge after the shuffle
 * folds the accumulators. When the input is already partitioned by key (it comes out of another
 * per-key operation, maybe through a window, or from a single task), one fold in place does it.
 */
final class AggregateByKeyBuilder {

    private AggregateByKeyBuilder() {
    }

    static Stage build(PlanningContext context, AggregateByKeyNode node) {
        Stage input = context.build(node.input());
        String name = node.name();
        boolean keyOrder = !context.readersSortByKeyThemselves(node);
        if (input.partitionedByKey() && node.partitions() == 0) {
            return input.emitting(fold(context, input, name, node.combine(), keyOrder), name);
        }
        // the combine's results cross a shuffle, which does not keep their order: no sort
        Stage combined = input.emitting(fold(context, input, name + "-combine", node.combine(), false),
                name + "-combine");
        int partitions = node.partitions() > 0 ? node.partitions() : input.parallelism();
        Stage shuffled = context.shuffle(combined, name, partitions);
        return shuffled.emitting(fold(context, shuffled, name, node.merge(), keyOrder), name);
    }

    private static KStream<Object, Object> fold(PlanningContext context, Stage input, String name,
                                                Aggregation aggregation, boolean keyOrder) {
        PlannerSettings settings = context.settings();
        int producers = input.markerProducers();
        return input.stream().process(Suppliers.of(
                () -> new BatchReduceProcessor(name, settings.clock(), producers, aggregation,
                        settings.services().lateRecords(), keyOrder),
                OperatorStores.bufferedBatches(name), OperatorStores.progress(name)), Named.as(name));
    }
}
