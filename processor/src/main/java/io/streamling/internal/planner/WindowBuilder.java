package io.streamling.internal.planner;

import io.streamling.internal.plan.WindowNode;
import io.streamling.internal.runtime.WindowProcessor;
import org.apache.kafka.streams.kstream.Named;

/** Builds {@code window(w, s)}: elements copied into their windows; the stream's slide becomes {@code s}. */
final class WindowBuilder {

    private WindowBuilder() {
    }

    static Stage build(PlanningContext context, WindowNode node) {
        Stage input = context.build(node.input());
        var clock = context.settings().clock();
        var windowed = input.stream().process(
                Suppliers.of(() -> new WindowProcessor(clock, node.windowMs(), node.slideMs())), Named.as(node.name()));
        return new Stage(windowed, input.parallelism(), input.producers(), node.slideMs(), input.keyPartitioned(),
                input.batchResults());
    }
}
