package io.streamling.internal.plan;

import io.streamling.api.function.Function2;
import java.util.List;

/**
 * {@code reduceByKey}: per batch, per key, the values reduced with an associative and commutative
 * function.
 *
 * @param id the node id
 * @param input the pair stream read
 * @param reduce the reduce function
 * @param partitions the number of partitions of the shuffle, or 0 for as many as the input has
 */
public record ReduceByKeyNode(int id, PlanNode input, Function2<Object, Object, Object> reduce, int partitions)
        implements PlanNode {

    @Override
    public String operation() {
        return "reduceByKey";
    }

    @Override
    public List<PlanNode> inputs() {
        return List.of(input);
    }
}
