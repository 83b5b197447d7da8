package io.streamling.internal.runtime;

import io.streamling.StreamlingException;
import io.streamling.api.Tuple2;
import io.streamling.api.function.Function2;
import java.util.Optional;
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
public final class BatchTotalProcessor extends ContextualProcessor<Object, Object, Object, Object>
        implements ScheduledOutputs.Runner {

    private final String name;
    private final OutputSchedule schedule;
    private final ScheduledOutputs outputs;
    private final Function2<Object, Object, Object> combine;
    private final Optional<Object> empty;

    private KeyValueStore<Bytes, Object> totals;

    /**
     * @param name the operator name (its stores are named after it)
     * @param schedule when the stream has batches
     * @param expectedProducers how many upstream producers send markers to this operator
     * @param combine combines two partial results
     * @param empty the result of an empty batch, if it has one
     * @param maxEmptyBatches the most consecutive empty batches run after a gap
     */
    public BatchTotalProcessor(String name, OutputSchedule schedule, int expectedProducers,
                               Function2<Object, Object, Object> combine, Optional<Object> empty, long maxEmptyBatches) {
        this.name = name;
        this.schedule = schedule;
        this.outputs = new ScheduledOutputs(name, schedule, expectedProducers, maxEmptyBatches);
        this.combine = combine;
        this.empty = empty;
    }

    @Override
    public void init(ProcessorContext<Object, Object> context) {
        super.init(context);
        totals = context.getStateStore(OperatorStores.batchesName(name));
        outputs.init(context);
    }

    @Override
    public void process(Record<Object, Object> record) {
        if (record.value() instanceof Watermark mark) {
            outputs.onMarker(mark, this);
            return;
        }
        var key = BatchKeys.lowerBound(schedule.clock().batchStart(record.timestamp()));
        Object partial = ((Tuple2<?, ?>) record.value())._2();
        Object total = totals.get(key);
        totals.put(key, total == null ? partial : combine(total, partial));
    }

    @Override
    public boolean hasInputBefore(long batchStart) {
        try (var earlier = totals.range(BatchKeys.lowerBound(0), BatchKeys.lowerBound(batchStart))) {
            return earlier.hasNext();
        }
    }

    @Override
    public void run(long time) {
        long batch = schedule.batchOf(time);
        Optional<Object> total = Optional.ofNullable(totals.delete(BatchKeys.lowerBound(batch))).or(() -> empty);
        total.ifPresent(value -> context().forward(new Record<>(RoutingKeys.of(value), value, batch)));
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
