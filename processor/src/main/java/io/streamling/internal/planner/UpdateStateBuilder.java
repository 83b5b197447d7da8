package io.streamling.internal.planner;

import io.streamling.api.Tuple2;
import io.streamling.api.function.Function2;
import io.streamling.internal.plan.Aggregation;
import io.streamling.internal.plan.ElementFunction;
import io.streamling.internal.plan.UpdateStateNode;
import io.streamling.internal.runtime.BatchReduceProcessor;
import io.streamling.internal.runtime.OperatorStores;
import io.streamling.internal.runtime.OutputSchedule;
import io.streamling.internal.runtime.StatelessProcessor;
import io.streamling.internal.runtime.UpdateStateProcessor;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.streams.kstream.Named;

/**
 * Builds {@code updateStateByKey}: each value becomes a one-element list, each task concatenates
 * the lists of a key per batch (so one record per key, task and batch crosses the shuffle), and the
 * task owning the key updates its state when the batch closes.
 */
final class UpdateStateBuilder {

    private static final Function2<Object, Object, Object> CONCAT = (a, b) -> {
        List<Object> joined = new ArrayList<>((List<?>) a);
        joined.addAll((List<?>) b);
        return joined;
    };

    private UpdateStateBuilder() {
    }

    static Stage build(PlanningContext context, UpdateStateNode node) {
        PlannerSettings settings = context.settings();
        Stage input = context.build(node.input());
        String name = node.name();
        String toList = name + "-values";
        ElementFunction singleton = (element, out) -> {
            Tuple2<?, ?> pair = (Tuple2<?, ?>) element;
            out.accept(new Tuple2<>(pair._1(), List.of(pair._2())));
        };
        Stage lists = input.with(input.stream().process(
                Suppliers.of(() -> new StatelessProcessor(toList, List.of(singleton))), Named.as(toList)),
                input.markerProducers());
        Stage keyed;
        if (input.partitionedByKey() && node.partitions() == 0) {
            keyed = lists;
        } else {
            String combine = name + "-combine";
            int producers = lists.markerProducers();
            Stage combined = lists.with(lists.stream().process(Suppliers.of(
                    () -> new BatchReduceProcessor(combine, settings.clock(), producers, Aggregation.reducing(CONCAT),
                            settings.services().lateRecords()),
                    OperatorStores.batches(combine), OperatorStores.progress(combine)), Named.as(combine)), 1);
            keyed = context.shuffle(combined, name, node.partitions() > 0 ? node.partitions() : input.parallelism());
        }
        OutputSchedule schedule = new OutputSchedule(settings.clock(), keyed.slideMs());
        int producers = keyed.markerProducers();
        int partitions = keyed.parallelism();
        var updated = keyed.stream().process(Suppliers.of(
                () -> new UpdateStateProcessor(name, schedule, producers, node.update(), node.initialState(), partitions),
                OperatorStores.batches(name), OperatorStores.keyed(UpdateStateProcessor.stateStoreName(name)),
                OperatorStores.progress(name)), Named.as(name));
        return new Stage(updated, keyed.parallelism(), 1, keyed.slideMs(), true);
    }
}
