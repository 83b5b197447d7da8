package io.streamling.internal.plan;

import io.streamling.api.Tuple2;
import io.streamling.api.function.Function2;
import java.util.List;
import java.util.Optional;

/**
 * {@code updateStateByKey}: a state per key, updated every batch from the key's new values (an
 * empty list when it has none) and its previous state; an empty result removes the key. The
 * stream is the whole state after every batch.
 *
 * @param id the node id
 * @param input the pair stream read
 * @param update the user's update function
 * @param partitions the number of partitions of the state, or 0 for as many as the input has
 * @param initialState the state before the first batch
 */
public record UpdateStateNode(int id, PlanNode input,
                              Function2<List<Object>, Optional<Object>, Optional<Object>> update, int partitions,
                              List<Tuple2<Object, Object>> initialState) implements PlanNode {

    /** Copies the initial state. */
    public UpdateStateNode {
        initialState = List.copyOf(initialState);
    }

    @Override
    public String operation() {
        return "updateStateByKey";
    }

    @Override
    public List<PlanNode> inputs() {
        return List.of(input);
    }
}
