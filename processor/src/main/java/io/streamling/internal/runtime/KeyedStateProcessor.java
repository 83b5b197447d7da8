package io.streamling.internal.runtime;

import io.streamling.api.Tuple2;
import io.streamling.internal.serde.ElementSerde;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.api.ContextualProcessor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;

/**
 * The frame of the per-key state operators ({@code updateStateByKey}, {@code mapWithState}) for
 * the keys of one partition: new values are collected per key and batch (lists of values, partly
 * combined upstream), and once the watermark passes a batch time the subclass updates the state
 * from that batch's values, in key order. States live in a RocksDB store with a changelog; the
 * initial state is loaded on the first run, each task taking the keys routed to its partition.
 */
abstract class KeyedStateProcessor extends ContextualProcessor<Object, Object, Object, Object>
        implements ScheduledOutputs.Runner {

    private static final String INITIALIZED = "initialized";

    protected final String name;
    protected final OutputSchedule schedule;
    private final ScheduledOutputs outputs;
    private final List<Tuple2<Object, Object>> initialState;
    private final int partitions;

    private boolean initialized;
    private BatchStore values;
    protected BufferedStore states;

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
        initialized = outputs.progress().get(INITIALIZED) != null;
    }

    /**
     * Loads the initial state with the first record rather than in {@link #init}: state written
     * outside of processing has no record context to log its changelog record with.
     */
    private void ensureInitialized() {
        if (!initialized) {
            loadInitialState(context().taskId().partition());
            outputs.progress().put(INITIALIZED, Boolean.TRUE);
            initialized = true;
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
        ensureInitialized();
        if (record.value() instanceof Watermark mark) {
            outputs.onMarker(mark, this);
            return;
        }
        Tuple2<?, ?> pair = (Tuple2<?, ?>) record.value();
        long batch = schedule.clock().batchStart(record.timestamp());
        values.update(batch, pair._1(), collected -> {
            @SuppressWarnings("unchecked")
            List<Object> list = collected == null ? new ArrayList<>() : (List<Object>) collected;
            list.addAll((List<?>) pair._2()); // in place: the buffered list is this operator's own
            return list;
        });
    }

    @Override
    public boolean hasInputBefore(long batchStart) {
        return values.hasAny(0, batchStart);
    }

    @Override
    public void run(long time) {
        long batch = schedule.batchOf(time);
        long batchEnd = schedule.clock().batchEnd(batch);
        runBatch(time, values.range(batch, batchEnd));
        values.deleteBatches(batch, batchEnd);
    }

    /**
     * Updates the state from one batch.
     *
     * @param time the batch time
     * @param batchValues each key's list of new values, in the order of the keys' ordered store keys;
     *                    {@link BatchStore.Entry#key()} is the live key, not decoded again
     */
    abstract void runBatch(long time, List<BatchStore.Entry> batchValues);

    /** The start of the program's first batch, Spark's "zero time" of the stream. */
    long firstBatchStart() {
        return schedule.clock().batchStart(outputs.origin());
    }

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
        return states.all();
    }
}
