package io.streamling.internal.runtime;

import java.util.OptionalLong;
import org.apache.kafka.streams.processor.api.ContextualProcessor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Passes elements on and replaces the markers of several upstream producers by this task's own
 * marker, their minimum. The planner puts one before a repartition whose input still carries
 * other tasks' markers: relaying those as they are would let a downstream task take one task's
 * word for another's progress.
 */
public final class WatermarkMergeProcessor extends ContextualProcessor<Object, Object, Object, Object> {

    private final String name;
    private final int expectedProducers;
    private WatermarkTracker tracker;
    private long announced = Long.MIN_VALUE;

    /**
     * @param name the operator name (its progress store is named after it)
     * @param expectedProducers how many upstream producers send markers to this operator
     */
    public WatermarkMergeProcessor(String name, int expectedProducers) {
        this.name = name;
        this.expectedProducers = expectedProducers;
    }

    @Override
    public void init(ProcessorContext<Object, Object> context) {
        super.init(context);
        KeyValueStore<String, Object> progress = context.getStateStore(OperatorStores.progressName(name));
        tracker = new WatermarkTracker(expectedProducers, progress);
    }

    @Override
    public void process(Record<Object, Object> record) {
        if (!(record.value() instanceof Watermark mark)) {
            context().forward(record);
            return;
        }
        OptionalLong watermark = tracker.update(mark) ? tracker.watermark() : OptionalLong.empty();
        if (watermark.isPresent() && watermark.getAsLong() > announced) {
            announced = watermark.getAsLong();
            Watermark merged = new Watermark(context().taskId().partition(), announced, tracker.origin());
            context().forward(new Record<>(merged, merged, announced));
        }
    }
}
