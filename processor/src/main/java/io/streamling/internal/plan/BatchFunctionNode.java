package io.streamling.internal.plan;

import io.streamling.internal.runtime.BatchFunction;
import java.util.List;

/**
 * A whole-batch operation on a local collection: {@code foreachRDD}, {@code transform},
 * {@code saveAsTextFiles}. The batch is gathered into one task and handed to {@code function}.
 *
 * @param id the node id
 * @param operation the API operation name
 * @param input the node read
 * @param function what to do with each batch; what it returns is the next stream's batch
 */
public record BatchFunctionNode(int id, String operation, PlanNode input, BatchFunction function) implements PlanNode {

    @Override
    public List<PlanNode> inputs() {
        return List.of(input);
    }
}
