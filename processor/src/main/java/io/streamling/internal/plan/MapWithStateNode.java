package io.streamling.internal.plan;

import io.streamling.api.Tuple2;
import io.streamling.api.function.Function4;
import io.streamling.streaming.State;
import io.streamling.streaming.Time;
import java.util.List;
import java.util.Optional;

/**
 * {@code mapWithState}: per key, a state and a mapping function called for every new value (and
 * once more when the key times out). Its output is tagged: mapped elements, and the state
 * snapshots when a {@code stateSnapshots()} stream reads it.
 *
 * @param id the node id
 * @param input the pair stream read
 * @param function the mapping function
 * @param initialState the state before the first batch
 * @param partitions the number of partitions of the state, or 0 for as many as the input has
 * @param timeoutMs the idle timeout, if any
 */
public record MapWithStateNode(int id, PlanNode input,
                               Function4<Time, Object, Optional<Object>, State<Object>, Optional<Object>> function,
                               List<Tuple2<Object, Object>> initialState, int partitions, Optional<Long> timeoutMs)
        implements PlanNode {

    /** Copies the initial state. */
    public MapWithStateNode {
        initialState = List.copyOf(initialState);
    }

    @Override
    public String operation() {
        return "mapWithState";
    }

    @Override
    public List<PlanNode> inputs() {
        return List.of(input);
    }
}
