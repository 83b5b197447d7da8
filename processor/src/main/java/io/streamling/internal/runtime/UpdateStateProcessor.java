package io.streamling.internal.runtime;

import io.streamling.StreamlingException;
import io.streamling.api.Tuple2;
import io.streamling.api.function.Function2;
import io.streamling.internal.serde.ElementSerde;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.api.ContextualProcessor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * {@code updateStateByKey} for the keys of one partition: new values are collected per key and
 * batch (lists of values, partly combined upstream); when a batch closes, every key that has
 * state or new values is updated — in key order, state and new values merged like a cogroup — and
 * the whole state of the partition is emitted, as Spark outputs the full state after every batch.
 * The state lives in a RocksDB store with a changelog; the initial state is loaded on the first
 * run, each task taking the keys routed to its partition.
 */
public final class UpdateStateProcessor extends ContextualProcessor<Object, Object, Object, Object> {

    private static final String NEXT = "next";
    private static final String INITIALIZED = "initialized";

    private final String name;
    private final OutputSchedule schedule;
    private final int expectedProducers;
    private final Function2<List<Object>, Optional<Object>, Optional<Object>> update;
    private final List<Tuple2<Object, Object>> initialState;
    private final int partitions;

    private KeyValueStore<Bytes, Object> values;
    private KeyValueStore<Bytes, Object> state;
    private KeyValueStore<String, Object> progress;
    private WatermarkTracker tracker;
    private long nextTime = -1;

    /**
     * @param name the operator name (its stores are named after it)
     * @param schedule when the stream has batches
     * @param expectedProducers how many upstream producers send markers to this operator
     * @param update the user's update function
     * @param initialState the state before the first batch
     * @param partitions how many partitions the state is spread over
     */
    public UpdateStateProcessor(String name, OutputSchedule schedule, int expectedProducers,
                                Function2<List<Object>, Optional<Object>, Optional<Object>> update,
                                List<Tuple2<Object, Object>> initialState, int partitions) {
        this.name = name;
        this.schedule = schedule;
        this.expectedProducers = expectedProducers;
        this.update = update;
        this.initialState = initialState;
        this.partitions = partitions;
    }

    /** The name of the store of the states. */
    public static String stateStoreName(String operator) {
        return operator + "-state";
    }

    @Override
    public void init(ProcessorContext<Object, Object> context) {
        super.init(context);
        values = context.getStateStore(OperatorStores.batchesName(name));
        state = context.getStateStore(stateStoreName(name));
        progress = context.getStateStore(OperatorStores.progressName(name));
        tracker = new WatermarkTracker(expectedProducers, progress);
        Object saved = progress.get(NEXT);
        nextTime = saved == null ? -1 : (Long) saved;
        if (progress.get(INITIALIZED) == null) {
            loadInitialState(context.taskId().partition());
            progress.put(INITIALIZED, Boolean.TRUE);
        }
    }

    private void loadInitialState(int partition) {
        KeyPartitioner partitioner = new KeyPartitioner();
        for (Tuple2<Object, Object> pair : initialState) {
            int owner = partitioner.partitions(name, RoutingKeys.of(pair), pair, partitions).orElseThrow()
                    .iterator().next();
            if (owner == partition) {
                state.put(stateKey(pair._1()), pair._2());
            }
        }
    }

    @Override
    public void process(Record<Object, Object> record) {
        if (record.value() instanceof Watermark mark) {
            if (tracker.update(mark)) {
                updateClosedBatches();
            }
            return;
        }
        Tuple2<?, ?> pair = (Tuple2<?, ?>) record.value();
        Bytes key = BatchKeys.key(schedule.clock().batchStart(record.timestamp()),
                ElementSerde.INSTANCE.serializeOrderedKey(pair._1()));
        List<Object> collected = new ArrayList<>();
        Object previous = values.get(key);
        if (previous != null) {
            collected.addAll((List<?>) previous);
        }
        collected.addAll((List<?>) pair._2());
        values.put(key, collected);
    }

    private void updateClosedBatches() {
        OptionalLong watermark = tracker.watermark();
        if (watermark.isEmpty()) {
            return;
        }
        if (nextTime < 0) {
            if (tracker.origin() == Watermark.NO_ORIGIN) {
                return;
            }
            nextTime = schedule.firstTime(tracker.origin());
        }
        boolean ran = false;
        while (schedule.isClosed(nextTime, watermark.getAsLong())) {
            updateBatch(schedule.batchOf(nextTime));
            nextTime = schedule.next(nextTime);
            ran = true;
        }
        if (ran) {
            progress.put(NEXT, nextTime);
            long completeBelow = schedule.batchOf(nextTime);
            Watermark mark = Watermark.of(name, context().taskId().partition(), completeBelow, tracker.origin());
            context().forward(new Record<>(mark, mark, completeBelow));
        }
    }

    /** Cogroups the batch's new values with the state, both in key order, and emits the new state. */
    private void updateBatch(long batch) {
        List<KeyValue<Bytes, Object>> batchValues = new ArrayList<>();
        try (KeyValueIterator<Bytes, Object> range = values.range(BatchKeys.lowerBound(batch),
                BatchKeys.lowerBound(schedule.clock().batchEnd(batch)))) {
            range.forEachRemaining(batchValues::add);
        }
        List<KeyValue<Bytes, Object>> states = new ArrayList<>();
        try (KeyValueIterator<Bytes, Object> all = state.all()) {
            all.forEachRemaining(states::add);
        }
        int v = 0;
        int s = 0;
        while (v < batchValues.size() || s < states.size()) {
            byte[] valueKey = v < batchValues.size() ? BatchKeys.suffixOf(batchValues.get(v).key) : null;
            byte[] stateKey = s < states.size() ? states.get(s).key.get() : null;
            int order = valueKey == null ? 1 : stateKey == null ? -1 : Arrays.compareUnsigned(valueKey, stateKey);
            List<Object> newValues = order <= 0 ? castList(batchValues.get(v++).value) : List.of();
            Optional<Object> previous = order >= 0 ? Optional.of(states.get(s++).value) : Optional.empty();
            byte[] key = order <= 0 ? valueKey : stateKey;
            updateKey(key, newValues, previous, batch);
        }
        batchValues.forEach(entry -> values.delete(entry.key));
    }

    private void updateKey(byte[] keyBytes, List<Object> newValues, Optional<Object> previous, long batch) {
        Object key = ElementSerde.INSTANCE.deserializeOrderedKey(keyBytes);
        Optional<Object> updated;
        try {
            updated = update.call(newValues, previous);
        } catch (Exception e) {
            throw new StreamlingException("Update function of " + name + " failed for key " + key + ": " + e, e);
        }
        if (updated == null || updated.isEmpty()) {
            state.delete(Bytes.wrap(keyBytes));
            return;
        }
        state.put(Bytes.wrap(keyBytes), updated.get());
        Tuple2<Object, Object> pair = new Tuple2<>(key, updated.get());
        context().forward(new Record<>(RoutingKeys.of(pair), pair, batch));
    }

    private static Bytes stateKey(Object key) {
        return Bytes.wrap(ElementSerde.INSTANCE.serializeOrderedKey(key));
    }

    @SuppressWarnings("unchecked")
    private static List<Object> castList(Object list) {
        return (List<Object>) list;
    }
}
