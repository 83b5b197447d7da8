package io.streamling.internal.plan;

import io.streamling.api.function.Function;
import io.streamling.api.function.Function2;
import java.util.List;
import java.util.Optional;

/**
 * A whole-batch reduction to one element: {@code count()} and {@code reduce(f)}. Each element is
 * first turned into a partial ({@code 1L} for count, the element for reduce), partials are
 * combined per task, then gathered into one task.
 *
 * @param id the node id
 * @param operation the API operation name
 * @param input the node read
 * @param toPartial turns an element into a partial result
 * @param combine combines two partial results
 * @param empty the result of an empty batch, or empty when an empty batch yields no element
 *              (Spark: {@code count()} gives 0, {@code reduce()} gives an empty RDD)
 */
public record BatchAggregateNode(int id, String operation, PlanNode input, Function<Object, Object> toPartial,
                                 Function2<Object, Object, Object> combine, Optional<Object> empty)
        implements PlanNode {

    @Override
    public List<PlanNode> inputs() {
        return List.of(input);
    }
}
