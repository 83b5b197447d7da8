package io.streamling.internal.planner;

import io.streamling.api.Tuple2;
import io.streamling.internal.plan.Aggregation;
import io.streamling.internal.plan.ElementFunction;
import io.streamling.internal.plan.MapWithStateNode;
import io.streamling.internal.plan.PlanNode;
import io.streamling.internal.plan.UpdateStateNode;
import io.streamling.internal.runtime.BatchReduceProcessor;
import io.streamling.internal.runtime.MapWithStateProcessor;
import io.streamling.internal.runtime.OperatorStores;
import io.streamling.internal.runtime.OutputSchedule;
import io.streamling.internal.runtime.StatelessProcessor;
import io.streamling.internal.runtime.UpdateStateProcessor;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.processor.api.Processor;

/**
 * Builds the per-key state operators ({@code updateStateByKey}, {@code mapWithState}): each value
 * becomes a one-element list, each task concatenates the lists of a key per batch (so one record
 * per key, task and batch crosses the shuffle), and the task owning the key updates its state when
 * the batch closes.
 */
final class KeyedStateBuilder {

    /** Concatenates lists of values, appending to a list of its own (the store holds live objects). */
    private static final Aggregation CONCAT = new Aggregation(first -> new ArrayList<>((List<?>) first), (a, b) -> {
        KeyedStateBuilder.<Object>cast(a).addAll((List<?>) b);
        return a;
    });

    @SuppressWarnings("unchecked")
    private static <T> List<T> cast(Object list) {
        return (List<T>) list;
    }

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
        String toList = name + "-values";
        ElementFunction singleton = (element, out) -> {
            Tuple2<?, ?> pair = (Tuple2<?, ?>) element;
            out.accept(new Tuple2<>(pair._1(), List.of(pair._2())));
        };
        Stage lists = input.relaying(input.stream().process(
                Suppliers.of(() -> new StatelessProcessor(toList, List.of(singleton))), Named.as(toList)));
        Stage keyed;
        if (input.partitionedByKey() && requestedPartitions == 0) {
            keyed = lists;
        } else {
            String combine = name + "-combine";
            int producers = lists.markerProducers();
            Stage combined = lists.emitting(lists.stream().process(Suppliers.of(
                    () -> new BatchReduceProcessor(combine, settings.clock(), producers, CONCAT,
                            settings.services().lateRecords(), false), // a shuffle follows: no sort
                    OperatorStores.bufferedBatches(combine), OperatorStores.progress(combine)), Named.as(combine)), combine);
            keyed = context.shuffle(combined, name, requestedPartitions > 0 ? requestedPartitions : input.parallelism());
        }
        OutputSchedule schedule = new OutputSchedule(settings.clock(), keyed.slideMs());
        var updated = keyed.stream().process(Suppliers.of(factory.create(keyed, schedule),
                OperatorStores.bufferedBatches(name), OperatorStores.keyed(UpdateStateProcessor.stateStoreName(name)),
                OperatorStores.progress(name)), Named.as(name));
        return new Stage(updated, keyed.parallelism(), Map.of(name, 1), keyed.slideMs(), true, true);
    }
}
