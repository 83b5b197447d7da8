package io.streamling.internal.plan;

import io.streamling.api.Tuple2;
import io.streamling.api.function.Function;
import io.streamling.api.function.Function2;
import java.util.List;
import java.util.Optional;

/**
 * {@code reduceByKeyAndWindow(f, invF, w, s)}: each window computed from the previous one, adding
 * the batches that entered and inverse-reducing those that left, as Spark's
 * {@code ReducedWindowedDStream}. Its input is already reduced per key and batch.
 *
 * @param id the node id
 * @param input the per-batch reduced pair stream
 * @param reduce the reduce function
 * @param inverse its inverse: {@code inverse(reduce(x, y), x) = y}
 * @param windowMs the window length
 * @param slideMs the window slide
 * @param filter which pairs to keep; without one every key ever seen is kept
 */
public record InverseWindowReduceNode(int id, PlanNode input, Function2<Object, Object, Object> reduce,
                                      Function2<Object, Object, Object> inverse, long windowMs, long slideMs,
                                      Optional<Function<Tuple2<Object, Object>, Boolean>> filter) implements PlanNode {

    @Override
    public String operation() {
        return "reduceByKeyAndWindow";
    }

    @Override
    public List<PlanNode> inputs() {
        return List.of(input);
    }
}
