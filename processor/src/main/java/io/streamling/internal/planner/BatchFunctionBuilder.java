package io.streamling.internal.planner;

import io.streamling.internal.plan.BatchFunctionNode;
import io.streamling.internal.plan.PlanNode;
import io.streamling.internal.plan.PrintNode;
import io.streamling.internal.runtime.BatchCollectProcessor;
import io.streamling.internal.runtime.BatchFunction;
import io.streamling.internal.runtime.OperatorStores;
import io.streamling.internal.runtime.OutputSchedule;
import io.streamling.internal.runtime.PrintFunction;
import java.util.Map;
import org.apache.kafka.streams.kstream.Named;

/**
 * Builds whole-batch operations — {@code foreachRDD}, {@code transform}, {@code print}: the stream
 * gathered into one partition, then each batch collected and handed to a {@link BatchFunction}.
 */
final class BatchFunctionBuilder {

    private BatchFunctionBuilder() {
    }

    static Stage build(PlanningContext context, BatchFunctionNode node) {
        return collect(context, node.input(), node.name(), Integer.MAX_VALUE, node.function());
    }

    static Stage buildPrint(PlanningContext context, PrintNode node) {
        PrintFunction print = new PrintFunction(node.num(), context.settings().services());
        return collect(context, node.input(), node.name(), print.limit(), print);
    }

    private static Stage collect(PlanningContext context, PlanNode input, String name, int limit, BatchFunction function) {
        PlannerSettings settings = context.settings();
        Stage gathered = context.gather(input, name);
        OutputSchedule schedule = new OutputSchedule(settings.clock(), gathered.slideMs());
        var collected = gathered.stream().process(Suppliers.of(
                () -> new BatchCollectProcessor(name, schedule, gathered.markerProducers(), limit,
                        settings.maxEmptyBatches(), function, settings.services()),
                OperatorStores.bufferedBatches(name), OperatorStores.progress(name)), Named.as(name));
        return new Stage(collected, 1, Map.of(name, 1), gathered.slideMs(), false, true);
    }
}
