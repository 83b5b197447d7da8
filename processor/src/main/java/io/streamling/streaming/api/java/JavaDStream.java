package io.streamling.streaming.api.java;

import io.streamling.api.function.Function;
import io.streamling.internal.plan.PlanNode;
import io.streamling.streaming.Duration;
import java.util.Objects;

/**
 * A stream of batches of elements, as Spark's {@code JavaDStream}.
 *
 * @param <T> the element type
 */
public class JavaDStream<T> extends JavaDStreamLike<T> {

    JavaDStream(JavaStreamingContext context, PlanNode node, Duration slideDuration) {
        super(context, node, slideDuration);
    }

    /** The elements for which {@code f} returns true. */
    public JavaDStream<T> filter(Function<T, Boolean> f) {
        Objects.requireNonNull(f, "filter function");
        return new JavaDStream<>(context(), keyPreserving("filter", (element, out) -> {
            if (Boolean.TRUE.equals(f.call(cast(element)))) {
                out.accept(element);
            }
        }), slideDuration());
    }

    /** Every batch, the union of the batches of the last {@code windowDuration}. */
    public JavaDStream<T> window(Duration windowDuration) {
        return window(windowDuration, slideDuration());
    }

    /**
     * Every {@code slideDuration}, the union of the batches of the last {@code windowDuration};
     * both must be multiples of this stream's slide duration.
     */
    public JavaDStream<T> window(Duration windowDuration, Duration slideDuration) {
        return new JavaDStream<>(context(), windowNode(windowDuration, slideDuration), slideDuration);
    }
}
