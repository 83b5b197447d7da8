package io.streamling.internal.runtime;

import io.streamling.StreamlingException;
import io.streamling.api.Tuple2;
import io.streamling.api.function.Function2;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;

/**
 * {@code updateStateByKey}: when a batch closes, every key that has state or new values is
 * updated — state and new values merged in key order, like a cogroup — and the whole state of the
 * partition is emitted, as Spark outputs the full state after every batch.
 */
public final class UpdateStateProcessor extends KeyedStateProcessor {

    private final Function2<List<Object>, Optional<Object>, Optional<Object>> update;

    /**
     * @param name the operator name (its stores are named after it)
     * @param schedule when the stream has batches
     * @param expectedProducers how many upstream producers send markers to this operator
     * @param update the user's update function
     * @param initialState the state before the first batch
     * @param partitions how many partitions the state is spread over
     * @param maxEmptyBatches the most consecutive empty batches run after a gap
     */
    public UpdateStateProcessor(String name, OutputSchedule schedule, int expectedProducers,
                                Function2<List<Object>, Optional<Object>, Optional<Object>> update,
                                List<Tuple2<Object, Object>> initialState, int partitions, long maxEmptyBatches) {
        super(name, schedule, expectedProducers, initialState, partitions, maxEmptyBatches);
        this.update = update;
    }

    @Override
    Object initialStateValue(Object state) {
        return state;
    }

    @Override
    void runBatch(long time, List<BatchStore.Entry> batchValues) {
        List<KeyValue<Bytes, Object>> current = allStates();
        int v = 0;
        int s = 0;
        while (v < batchValues.size() || s < current.size()) {
            BatchStore.Entry newValues = v < batchValues.size() ? batchValues.get(v) : null;
            Bytes stateKey = s < current.size() ? current.get(s).key : null;
            int order = newValues == null ? 1 : stateKey == null ? -1 : newValues.orderedKey().compareTo(stateKey);
            Optional<Object> previous = order >= 0 ? Optional.of(current.get(s++).value) : Optional.empty();
            if (order <= 0) {
                v++;
                updateKey(time, newValues.orderedKey(), newValues.key(), castList(newValues.value()), previous);
            } else {
                updateKey(time, stateKey, keyOf(stateKey), List.of(), previous);
            }
        }
    }

    private void updateKey(long time, Bytes stateKey, Object key, List<Object> newValues, Optional<Object> previous) {
        Optional<Object> updated;
        try {
            updated = update.call(newValues, previous);
        } catch (Exception e) {
            throw new StreamlingException("Update function of " + name + " failed for key " + key + ": " + e, e);
        }
        if (updated == null || updated.isEmpty()) {
            states.delete(stateKey);
            return;
        }
        states.put(stateKey, updated.get());
        emit(time, new Tuple2<>(key, updated.get()));
    }

    @SuppressWarnings("unchecked")
    private static List<Object> castList(Object list) {
        return (List<Object>) list;
    }
}
