package io.streamling.internal.planner;

import io.streamling.api.Tuple2;
import io.streamling.internal.plan.Aggregation;
import io.streamling.internal.plan.BatchAggregateNode;
import io.streamling.internal.plan.ElementFunction;
import io.streamling.internal.runtime.BatchReduceProcessor;
import io.streamling.internal.runtime.BatchTotalProcessor;
import io.streamling.internal.runtime.OperatorStores;
import io.streamling.internal.runtime.OutputSchedule;
import io.streamling.internal.runtime.StatelessProcessor;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.kstream.Named;

/**
 * Builds {@code count()} and {@code reduce(f)}: each element becomes a partial under one shared
 * key, each task combines its partials per batch, and one task totals them per batch.
 */
final class BatchAggregateBuilder {

    /** The one key all partials share: the whole batch is one group. */
    private static final String BATCH_KEY = "";

    private BatchAggregateBuilder() {
    }

    static Stage build(PlanningContext context, BatchAggregateNode node) {
        PlannerSettings settings = context.settings();
        Stage input = context.build(node.input());
        String name = node.name();
        String partials = name + "-partials";
        String combine = name + "-combine";
        ElementFunction toPartial = (element, out) -> out.accept(new Tuple2<>(BATCH_KEY, node.toPartial().call(element)));
        var keyed = input.stream().process(Suppliers.of(() -> new StatelessProcessor(partials, List.of(toPartial))),
                Named.as(partials));
        int producers = input.markerProducers();
        var combined = keyed.process(Suppliers.of(
                () -> new BatchReduceProcessor(combine, settings.clock(), producers, Aggregation.reducing(node.combine()),
                        settings.services().lateRecords(), false), // one key, gathered next
                OperatorStores.bufferedBatches(combine), OperatorStores.progress(combine)), Named.as(combine));
        Stage gathered = context.shuffle(input.emitting(combined, combine), name, 1);
        OutputSchedule schedule = new OutputSchedule(settings.clock(), gathered.slideMs());
        var totals = gathered.stream().process(Suppliers.of(
                () -> new BatchTotalProcessor(name, schedule, gathered.markerProducers(), node.combine(), node.empty(),
                        settings.maxEmptyBatches()),
                OperatorStores.batches(name), OperatorStores.progress(name)), Named.as(name));
        return new Stage(totals, 1, Map.of(name, 1), gathered.slideMs(), false, true);
    }
}
