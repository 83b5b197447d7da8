package io.streamling.internal.runtime;

import io.streamling.api.Tuple2;
import io.streamling.internal.serde.ElementSerde;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeMap;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.api.ContextualProcessor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The frame of the per-key state operators ({@code updateStateByKey}, {@code mapWithState}) for
 * the keys of one partition: each new value is stored on its own under its batch, key and arrival
 * position (input partition, offset, sequence), so collecting costs one write per value; once the
 * watermark passes a batch time the values are grouped per key, in arrival order, and the
 * subclass updates the state from them, in key order. States live in a RocksDB store with a changelog; the
 * initial state is loaded on the first run, each task taking the keys routed to its partition.
 */
abstract class KeyedStateProcessor extends ContextualProcessor<Object, Object, Object, Object>
        implements ScheduledOutputs.Runner {

    private static final String INITIALIZED = "initialized";
    /** Input partition, offset and sequence after the key in a value's store key. */
    private static final int POSITION_BYTES = Integer.BYTES + 2 * Long.BYTES;

    protected final String name;
    protected final OutputSchedule schedule;
    private final ScheduledOutputs outputs;
    private final List<Tuple2<Object, Object>> initialState;
    private final int partitions;

    private KeyValueStore<Bytes, Object> values;
    protected KeyValueStore<Bytes, Object> states;
    /** Tells apart values stored while processing one input record (a flatMap emits several). */
    private long sequence;

    KeyedStateProcessor(String name, OutputSchedule schedule, int expectedProducers,
                        List<Tuple2<Object, Object>> initialState, int partitions, long maxEmptyBatches) {
        this.name = name;
        this.schedule = schedule;
        this.outputs = new ScheduledOutputs(name, schedule, expectedProducers, maxEmptyBatches);
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
        states = context.getStateStore(stateStoreName(name));
        outputs.init(context);
        try (KeyValueIterator<Bytes, Object> stored = values.all()) {
            // a restarted task continues the sequence, so it never overwrites a value it stored before
            stored.forEachRemaining(entry -> sequence = Math.max(sequence, sequenceOf(entry.key) + 1));
        }
        if (outputs.progress().get(INITIALIZED) == null) {
            loadInitialState(context.taskId().partition());
            outputs.progress().put(INITIALIZED, Boolean.TRUE);
        }
    }

    private void loadInitialState(int partition) {
        KeyPartitioner partitioner = new KeyPartitioner();
        for (Tuple2<Object, Object> pair : initialState) {
            int owner = partitioner.partitions(name, RoutingKeys.of(pair), pair, partitions).orElseThrow()
                    .iterator().next();
            if (owner == partition) {
                states.put(stateKey(pair._1()), initialStateValue(pair._2()));
            }
        }
    }

    /** How an initial state is stored. */
    abstract Object initialStateValue(Object state);

    @Override
    public void process(Record<Object, Object> record) {
        if (record.value() instanceof Watermark mark) {
            outputs.onMarker(mark, this);
            return;
        }
        Tuple2<?, ?> pair = (Tuple2<?, ?>) record.value();
        byte[] key = ElementSerde.INSTANCE.serializeOrderedKey(pair._1());
        RecordMetadata source = context().recordMetadata().orElse(null);
        byte[] suffix = ByteBuffer.allocate(key.length + POSITION_BYTES).put(key)
                .putInt(source == null ? -1 : source.partition())
                .putLong(source == null ? -1 : source.offset())
                .putLong(sequence++).array();
        values.put(BatchKeys.key(schedule.clock().batchStart(record.timestamp()), suffix), pair._2());
    }

    private static long sequenceOf(Bytes storeKey) {
        byte[] bytes = storeKey.get();
        return ByteBuffer.wrap(bytes, bytes.length - Long.BYTES, Long.BYTES).getLong();
    }

    @Override
    public boolean hasInputBefore(long batchStart) {
        try (KeyValueIterator<Bytes, Object> earlier = values.range(BatchKeys.lowerBound(0),
                BatchKeys.lowerBound(batchStart))) {
            return earlier.hasNext();
        }
    }

    @Override
    public void run(long time) {
        long batch = schedule.batchOf(time);
        List<Bytes> stored = new ArrayList<>();
        TreeMap<Bytes, List<Object>> grouped = new TreeMap<>();
        try (KeyValueIterator<Bytes, Object> range = values.range(BatchKeys.lowerBound(batch),
                BatchKeys.lowerBound(schedule.clock().batchEnd(batch)))) {
            range.forEachRemaining(entry -> {
                stored.add(entry.key);
                byte[] suffix = BatchKeys.suffixOf(entry.key);
                Bytes key = Bytes.wrap(Arrays.copyOf(suffix, suffix.length - POSITION_BYTES));
                grouped.computeIfAbsent(key, k -> new ArrayList<>()).add(entry.value);
            });
        }
        List<KeyValue<Bytes, Object>> byKey = new ArrayList<>();
        grouped.forEach((key, list) -> byKey.add(KeyValue.pair(key, list)));
        runBatch(time, byKey);
        stored.forEach(values::delete);
    }

    /**
     * Updates the state from one batch.
     *
     * @param time the batch time
     * @param batchValues each key's new values (as ordered store keys), in key order
     */
    abstract void runBatch(long time, List<KeyValue<Bytes, Object>> batchValues);

    /** Emits an element into the batch of {@code time}. */
    void emit(long time, Object element) {
        context().forward(new Record<>(RoutingKeys.of(element), element, schedule.batchOf(time)));
    }

    static Bytes stateKey(Object key) {
        return Bytes.wrap(ElementSerde.INSTANCE.serializeOrderedKey(key));
    }

    static Object keyOf(Bytes stateKey) {
        return ElementSerde.INSTANCE.deserializeOrderedKey(stateKey.get());
    }

    /** Every state, in key order. */
    List<KeyValue<Bytes, Object>> allStates() {
        List<KeyValue<Bytes, Object>> all = new ArrayList<>();
        try (KeyValueIterator<Bytes, Object> iterator = states.all()) {
            iterator.forEachRemaining(all::add);
        }
        return all;
    }
}
