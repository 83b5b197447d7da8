package io.streamling.internal.runtime;

import io.streamling.internal.plan.ElementFunction;
import io.streamling.StreamlingException;
import java.util.List;
import java.util.function.Consumer;
import org.apache.kafka.streams.processor.api.ContextualProcessor;
import org.apache.kafka.streams.processor.api.Record;

/**
 * A fused chain of stateless steps (map, flatMap, filter, ...). Elements keep their timestamp,
 * so they stay in their batch; watermarks pass through untouched.
 */
public final class StatelessProcessor extends ContextualProcessor<Object, Object, Object, Object> {

    private final String name;
    private final List<ElementFunction> steps;

    /**
     * @param name the operator name, used in error messages
     * @param steps the steps, applied in order
     */
    public StatelessProcessor(String name, List<ElementFunction> steps) {
        this.name = name;
        this.steps = List.copyOf(steps);
    }

    @Override
    public void process(Record<Object, Object> record) {
        if (record.value() instanceof Watermark) {
            context().forward(record);
            return;
        }
        apply(0, record.value(), element -> context().forward(record.withKey(RoutingKeys.of(element)).withValue(element)));
    }

    private void apply(int step, Object element, Consumer<Object> out) {
        if (step == steps.size()) {
            out.accept(element);
            return;
        }
        try {
            steps.get(step).apply(element, result -> apply(step + 1, result, out));
        } catch (StreamlingException e) {
            throw e;
        } catch (Exception e) {
            throw new StreamlingException("User function of " + name + " failed on element " + element + ": " + e, e);
        }
    }
}
