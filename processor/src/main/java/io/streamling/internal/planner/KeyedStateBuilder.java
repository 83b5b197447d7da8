package io.streamling.internal.planner;

import io.streamling.internal.plan.MapWithStateNode;
import io.streamling.internal.plan.PlanNode;
import io.streamling.internal.plan.UpdateStateNode;
import io.streamling.internal.runtime.MapWithStateProcessor;
import io.streamling.internal.runtime.OperatorStores;
import io.streamling.internal.runtime.OutputSchedule;
import io.streamling.internal.runtime.UpdateStateProcessor;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.processor.api.Processor;

/**
 * Builds the per-key state operators ({@code updateStateByKey}, {@code mapWithState}): values go
 * to the task owning their key (through a shuffle unless the stream is partitioned by key
 * already), which updates the key's state when the batch closes. The functions take every value,
 * so there is nothing to combine before the shuffle.
 */
final class KeyedStateBuilder {

    private KeyedStateBuilder() {
    }

    static Stage build(PlanningContext context, UpdateStateNode node) {
        return build(context, node, node.partitions(), (keyed, schedule) -> () -> new UpdateStateProcessor(node.name(),
                schedule, keyed.markerProducers(), node.update(), node.initialState(), keyed.parallelism(),
                context.settings().maxEmptyBatches()));
    }

    static Stage build(PlanningContext context, MapWithStateNode node) {
        boolean snapshots = context.readers(node).stream().anyMatch(reader -> reader.operation().equals("stateSnapshots"));
        return build(context, node, node.partitions(), (keyed, schedule) -> () -> new MapWithStateProcessor(node.name(),
                schedule, keyed.markerProducers(), node.function(), node.initialState(), keyed.parallelism(),
                node.timeoutMs(), snapshots, context.settings().maxEmptyBatches()));
    }

    /** The processor of a state operator, once its keyed input and schedule are known. */
    private interface StateProcessorFactory {
        Supplier<Processor<Object, Object, Object, Object>> create(Stage keyed, OutputSchedule schedule);
    }

    private static Stage build(PlanningContext context, PlanNode node, int requestedPartitions,
                               StateProcessorFactory factory) {
        PlannerSettings settings = context.settings();
        Stage input = context.build(node.inputs().get(0));
        String name = node.name();
        Stage keyed = input.partitionedByKey() && requestedPartitions == 0 ? input
                : context.shuffle(input, name, requestedPartitions > 0 ? requestedPartitions : input.parallelism());
        OutputSchedule schedule = new OutputSchedule(settings.clock(), keyed.slideMs());
        var updated = keyed.stream().process(Suppliers.of(factory.create(keyed, schedule),
                OperatorStores.batches(name), OperatorStores.keyed(UpdateStateProcessor.stateStoreName(name)),
                OperatorStores.progress(name)), Named.as(name));
        return new Stage(updated, keyed.parallelism(), Map.of(name, 1), keyed.slideMs(), true);
    }
}
