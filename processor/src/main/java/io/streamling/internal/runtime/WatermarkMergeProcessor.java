package io.streamling.internal.runtime;

import java.util.OptionalLong;
import org.apache.kafka.streams.processor.api.ContextualProcessor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;

/**
 * Passes elements on and replaces the markers of several producers (the inputs of a union) by
 * this task's own marker: their minimum, Spark's default policy for several inputs. The planner
 * puts one before a shuffle of such a stream: relaying the inputs' markers as they are would let
 * a downstream task take one task's word for another's progress.
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
        tracker = new WatermarkTracker(expectedProducers, context.getStateStore(OperatorStores.progressName(name)));
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
            Watermark merged = Watermark.of(name, context().taskId().partition(), announced, tracker.origin());
            context().forward(new Record<>(merged, merged, announced));
        }
    }
}
