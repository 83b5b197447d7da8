package io.streamling.internal.runtime;

import io.streamling.StreamlingException;
import io.streamling.api.Tuple2;
import io.streamling.internal.plan.Aggregation;
import java.util.OptionalLong;
import org.apache.kafka.streams.processor.api.ContextualProcessor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Folds the values of each key within each batch, and hands a batch's results on once the
 * watermark has passed the batch's end, followed by its own marker.
 *
 * <p>The same operator runs on both sides of the shuffle of a per-key fold ({@code reduceByKey},
 * {@code groupByKey}, ...): before it, it combines each task's elements per key and batch (so one
 * record per key, task and batch crosses the repartition topic); after it, it merges those
 * partial results. Results are keyed by the
 * element key, for the repartition that may follow, and carry the batch start as timestamp; within
 * a batch they come in key order (natural order for strings and numbers), except before a shuffle,
 * whose reader does not keep their order: there they come as their keys first came.
 */
public final class BatchReduceProcessor extends ContextualProcessor<Object, Object, Object, Object> {

    private static final String CLOSED = "closed";

    private final String name;
    private final BatchClock clock;
    private final int expectedProducers;
    private final Aggregation aggregation;
    private final DropCounter lateRecords;
    private final boolean keyOrder;

    private BatchStore batches;
    private KeyValueStore<String, Object> progress;
    private WatermarkTracker tracker;
    private long closedUpTo;

    /**
     * @param name the operator name (its stores are named after it)
     * @param clock the batch clock
     * @param expectedProducers how many upstream producers send markers to this operator
     * @param aggregation the fold: the user's reduce function, or a combiner
     * @param lateRecords where late records are counted
     * @param keyOrder whether a batch's results come in key order; false for a combine before a shuffle
     */
    public BatchReduceProcessor(String name, BatchClock clock, int expectedProducers, Aggregation aggregation,
                                DropCounter lateRecords, boolean keyOrder) {
        this.name = name;
        this.clock = clock;
        this.expectedProducers = expectedProducers;
        this.aggregation = aggregation;
        this.lateRecords = lateRecords;
        this.keyOrder = keyOrder;
    }

    @Override
    public void init(ProcessorContext<Object, Object> context) {
        super.init(context);
        batches = context.getStateStore(OperatorStores.batchesName(name));
        progress = context.getStateStore(OperatorStores.progressName(name));
        tracker = new WatermarkTracker(expectedProducers, progress);
        Object saved = progress.get(CLOSED);
        closedUpTo = saved == null ? 0 : (Long) saved;
    }

    @Override
    public void process(Record<Object, Object> record) {
        if (record.value() instanceof Watermark mark) {
            if (tracker.update(mark)) {
                closeBatches();
            }
            return;
        }
        long batch = clock.batchStart(record.timestamp());
        if (batch < closedUpTo) {
            lateRecords.record(name, record.timestamp(), closedUpTo);
            return;
        }
        Tuple2<?, ?> pair = asPair(record.value());
        batches.update(batch, pair._1(), previous -> fold(previous, pair._2()));
    }

    private void closeBatches() {
        OptionalLong watermark = tracker.watermark();
        if (watermark.isEmpty()) {
            return;
        }
        long closeUpTo = clock.batchStart(watermark.getAsLong());
        if (closeUpTo <= closedUpTo) {
            return;
        }
        var results = keyOrder ? batches.range(closedUpTo, closeUpTo) : batches.entriesAsPut(closedUpTo, closeUpTo);
        for (BatchStore.Entry result : results) {
            Object key = result.key();
            context().forward(new Record<>(key, new Tuple2<>(key, result.value()), result.batch()));
        }
        batches.deleteBatches(closedUpTo, closeUpTo);
        closedUpTo = closeUpTo;
        progress.put(CLOSED, closedUpTo);
        int partition = context().taskId().partition();
        Watermark mark = Watermark.of(name, partition, closedUpTo, tracker.origin());
        context().forward(new Record<>(mark, mark, closedUpTo));
    }

    private Object fold(Object accumulated, Object value) {
        try {
            return accumulated == null ? aggregation.first().call(value) : aggregation.add().call(accumulated, value);
        } catch (Exception e) {
            throw new StreamlingException("Function of " + name + " failed on " + (accumulated == null ? ""
                    : accumulated + " and ") + value + ": " + e, e);
        }
    }

    private Tuple2<?, ?> asPair(Object element) {
        if (element instanceof Tuple2<?, ?> pair) {
            return pair;
        }
        throw new StreamlingException(name + " expects Tuple2 elements (a pair stream) but got "
                + (element == null ? "null" : element.getClass().getName()));
    }
}
