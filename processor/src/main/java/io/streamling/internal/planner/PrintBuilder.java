package io.streamling.internal.planner;

import io.streamling.internal.plan.PrintNode;
import io.streamling.internal.runtime.OperatorStores;
import io.streamling.internal.runtime.OutputSchedule;
import io.streamling.internal.runtime.PrintProcessor;
import org.apache.kafka.streams.kstream.Named;

/** Builds {@code print(num)}: the stream gathered into one partition, then printed per batch. */
final class PrintBuilder {

    private PrintBuilder() {
    }

    static Stage build(PlanningContext context, PrintNode node) {
        PlannerSettings settings = context.settings();
        String name = node.name();
        Stage gathered = context.shuffle(context.build(node.input()), name, 1);
        var printed = gathered.stream().process(Suppliers.of(
                () -> new PrintProcessor(name, new OutputSchedule(settings.clock(), gathered.slideMs()),
                        gathered.markerProducers(), node.num(),
                        settings.maxEmptyBatches(), settings.services()),
                OperatorStores.batches(name), OperatorStores.progress(name)), Named.as(name));
        return gathered.with(printed, 1);
    }
}
