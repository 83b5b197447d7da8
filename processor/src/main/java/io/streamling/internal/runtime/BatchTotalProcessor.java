package io.streamling.internal.runtime;

import io.streamling.StreamlingException;
import io.streamling.api.Tuple2;
import io.streamling.api.function.Function2;
import java.util.Optional;
import java.util.OptionalLong;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.processor.api.ContextualProcessor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The last step of a whole-batch reduction ({@code count()}, {@code reduce(f)}), in one task: it
 * combines the partial results of every upstream task and emits one element per output time of
 * the stream, from the batch of the first record on — for an empty batch the {@code empty}
 * value when there is one ({@code 0} for count), nothing otherwise, as Spark does.
 */
public final class BatchTotalProcessor extends ContextualProcessor<Object, Object, Object, Object> {

    private static final String NEXT = "next";

    private final String name;
    private final OutputSchedule schedule;
    private final int expectedProducers;
    private final Function2<Object, Object, Object> combine;
    private final Optional<Object> empty;

    private KeyValueStore<Bytes, Object> totals;
    private KeyValueStore<String, Object> progress;
    private WatermarkTracker tracker;
    private long nextTime = -1;

    /**
     * @param name the operator name (its stores are named after it)
     * @param schedule when the stream has batches
     * @param expectedProducers how many upstream producers send markers to this operator
     * @param combine combines two partial results
     * @param empty the result of an empty batch, if it has one
     */
    public BatchTotalProcessor(String name, OutputSchedule schedule, int expectedProducers,
                               Function2<Object, Object, Object> combine, Optional<Object> empty) {
        this.name = name;
        this.schedule = schedule;
        this.expectedProducers = expectedProducers;
        this.combine = combine;
        this.empty = empty;
    }

    @Override
    public void init(ProcessorContext<Object, Object> context) {
        super.init(context);
        totals = context.getStateStore(OperatorStores.batchesName(name));
        progress = context.getStateStore(OperatorStores.progressName(name));
        tracker = new WatermarkTracker(expectedProducers, progress);
        Object saved = progress.get(NEXT);
        nextTime = saved == null ? -1 : (Long) saved;
    }

    @Override
    public void process(Record<Object, Object> record) {
        if (record.value() instanceof Watermark mark) {
            if (tracker.update(mark)) {
                emitClosedBatches();
            }
            return;
        }
        var key = BatchKeys.lowerBound(schedule.clock().batchStart(record.timestamp()));
        Object partial = ((Tuple2<?, ?>) record.value())._2();
        Object total = totals.get(key);
        totals.put(key, total == null ? partial : combine(total, partial));
    }

    private void emitClosedBatches() {
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
        boolean emitted = false;
        while (schedule.isClosed(nextTime, watermark.getAsLong())) {
            long batch = schedule.batchOf(nextTime);
            var key = BatchKeys.lowerBound(batch);
            Optional<Object> total = Optional.ofNullable(totals.delete(key)).or(() -> empty);
            total.ifPresent(value -> context().forward(new Record<>(RoutingKeys.of(value), value, batch)));
            nextTime = schedule.next(nextTime);
            emitted = true;
        }
        if (emitted) {
            progress.put(NEXT, nextTime);
            long completeBelow = schedule.batchOf(nextTime);
            Watermark mark = Watermark.of(name, context().taskId().partition(), completeBelow, tracker.origin());
            context().forward(new Record<>(mark, mark, completeBelow));
        }
    }

    private Object combine(Object total, Object partial) {
        try {
            return combine.call(total, partial);
        } catch (Exception e) {
            throw new StreamlingException("Reduce function of " + name + " failed on " + total + " and " + partial
                    + ": " + e, e);
        }
    }
}
