package io.streamling.internal.runtime;

import io.streamling.internal.plan.ElementFunction;
import io.streamling.StreamlingException;
import java.util.List;
import java.util.function.Consumer;
import org.apache.kafka.streams.processor.api.ContextualProcessor;
import org.apache.kafka.streams.processor.api.Record;

/**
 * A fused chain of stateless steps (map, flatMap, filter, ...). Elements keep their timestamp,
 * so they stay in their batch; watermarks pass through untouched. When a user function throws,
 * the record error policy decides: fail the program, or skip the element (counted), or send it
 * on as a {@link FailedElement} for the dead-letter topic (counted).
 */
public final class StatelessProcessor extends ContextualProcessor<Object, Object, Object, Object> {

    private final String name;
    private final List<ElementFunction> steps;
    private final RecordErrorPolicy errorPolicy;
    private final DropCounter failures;
    private Record<Object, Object> current;

    /** Steps of the runtime's own, whose failures are bugs: they always fail the program. */
    public StatelessProcessor(String name, List<ElementFunction> steps) {
        this(name, steps, RecordErrorPolicy.FAIL, null);
    }

    /**
     * @param name the operator name, used in error messages and counts
     * @param steps the steps, applied in order
     * @param errorPolicy what to do when a step throws
     * @param failures where skipped and dead-lettered elements are counted
     */
    public StatelessProcessor(String name, List<ElementFunction> steps, RecordErrorPolicy errorPolicy,
                              DropCounter failures) {
        this.name = name;
        this.steps = List.copyOf(steps);
        this.errorPolicy = errorPolicy;
        this.failures = failures;
    }

    @Override
    public void process(Record<Object, Object> record) {
        if (record.value() instanceof Watermark) {
            context().forward(record);
            return;
        }
        current = record;
        try {
            apply(0, record.value(), this::forward);
        } catch (DownstreamFailure failure) {
            throw failure.getCause();
        }
    }

    /** Hands an element on; a failure further down is not this operator's user function failing. */
    private void forward(Object element) {
        try {
            context().forward(new Record<>(RoutingKeys.of(element), element, current.timestamp(), current.headers()));
        } catch (RuntimeException e) {
            throw new DownstreamFailure(e);
        }
    }

    private void apply(int step, Object element, Consumer<Object> out) {
        if (step == steps.size()) {
            out.accept(element);
            return;
        }
        try {
            steps.get(step).apply(element, result -> apply(step + 1, result, out));
        } catch (StreamlingException | DownstreamFailure e) {
            throw e;
        } catch (Exception e) {
            onFailure(element, e);
        }
    }

    private void onFailure(Object element, Exception error) {
        if (errorPolicy == RecordErrorPolicy.FAIL) {
            throw new StreamlingException("User function of " + name + " failed on element " + element + ": " + error,
                    error);
        }
        failures.count(name, "latest: " + error);
        if (errorPolicy == RecordErrorPolicy.DEAD_LETTER) {
            FailedElement failed = new FailedElement(name, element, error);
            context().forward(new Record<>(failed, failed, current.timestamp(), current.headers()));
        }
    }

    /** Carries a failure of the operators downstream through the user's functions, untouched. */
    private static final class DownstreamFailure extends RuntimeException {
        DownstreamFailure(RuntimeException cause) {
            super(cause);
        }

        @Override
        public synchronized RuntimeException getCause() {
            return (RuntimeException) super.getCause();
        }
    }
}
