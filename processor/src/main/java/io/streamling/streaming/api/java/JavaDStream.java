package io.streamling.streaming.api.java;

import io.streamling.api.function.Function;
import io.streamling.internal.plan.PlanNode;
import java.util.Objects;

/**
 * A stream of batches of elements, as Spark's {@code JavaDStream}.
 *
 * @param <T> the element type
 */
public class JavaDStream<T> extends JavaDStreamLike<T> {

    JavaDStream(JavaStreamingContext context, PlanNode node) {
        super(context, node);
    }

    /** The elements for which {@code f} returns true. */
    public JavaDStream<T> filter(Function<T, Boolean> f) {
        Objects.requireNonNull(f, "filter function");
        return new JavaDStream<>(context(), stateless("filter", (element, out) -> {
            if (Boolean.TRUE.equals(f.call(cast(element)))) {
                out.accept(element);
            }
        }));
    }
}
