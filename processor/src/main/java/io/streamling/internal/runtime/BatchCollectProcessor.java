package io.streamling.internal.runtime;

import io.streamling.StreamlingException;
import io.streamling.streaming.Time;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.processor.api.ContextualProcessor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;

/**
 * Whole-batch operations — {@code print}, {@code foreachRDD}, {@code transform}: it runs in a
 * single task (the planner gathers the stream into one partition), keeps each open batch in a
 * {@link BatchStore} (at most {@code limit} elements of it: {@code print(n)} needs {@code n + 1}),
 * and once the watermark passes a batch hands it to the
 * {@link BatchFunction} as a local list, then deletes it. It runs for every batch time of the
 * stream from the batch of the first record on, empty batches included, as Spark runs every
 * batch (after a long gap, only the last {@code maxEmptyBatches}). Elements the function returns
 * go downstream, stamped into the
 * batch, followed by this task's marker.
 */
public final class BatchCollectProcessor extends ContextualProcessor<Object, Object, Object, Object> {


    private final String name;
    private final BatchClock clock;
    private final OutputSchedule schedule;
    private final ScheduledOutputs outputs;
    private final int limit;
    private final BatchFunction function;
    private final RuntimeServices services;

    /** Elements seen per open batch; at most {@code limit} of them are kept in the store. */
    private final Map<Long, Integer> seen = new HashMap<>();
    private BatchStore batches;

    /**
     * @param name the operator name (its stores are named after it)
     * @param schedule when the stream has batches
     * @param expectedProducers how many upstream producers send markers to this operator
     * @param limit how many elements of a batch to keep
     * @param maxEmptyBatches the most consecutive empty batches run after a gap
     * @param function what to do with each batch
     * @param services the listeners and late-record counts
     */
    public BatchCollectProcessor(String name, OutputSchedule schedule, int expectedProducers, int limit,
                                 long maxEmptyBatches, BatchFunction function, RuntimeServices services) {
        this.name = name;
        this.clock = schedule.clock();
        this.schedule = schedule;
        this.outputs = new ScheduledOutputs(name, schedule, expectedProducers, maxEmptyBatches);
        this.limit = limit;
        this.function = function;
        this.services = services;
    }

    @Override
    public void init(ProcessorContext<Object, Object> context) {
        super.init(context);
        batches = context.getStateStore(OperatorStores.batchesName(name));
        outputs.init(context);
        seen.putAll(batches.sizes());
    }

    @Override
    public void process(Record<Object, Object> record) {
        if (record.value() instanceof Watermark mark) {
            outputs.onMarker(mark, new ScheduledOutputs.Runner() {
                @Override
                public void run(long time) {
                    runBatch(time);
                }

                @Override
                public boolean hasInputBefore(long batchStart) {
                    return seen.keySet().stream().anyMatch(batch -> batch < batchStart);
                }
            });
            return;
        }
        long batch = clock.batchStart(record.timestamp());
        if (batch < outputs.firstOpenBatch()) {
            services.lateRecords().record(name, record.timestamp(), outputs.firstOpenBatch());
            return;
        }
        int count = seen.getOrDefault(batch, 0);
        if (count < limit) {
            batches.put(batch, count, record.value());
        }
        seen.put(batch, count + 1);
    }

    private void runBatch(long outputTime) {
        long batch = schedule.batchOf(outputTime);
        List<BatchStore.Entry> entries = batches.range(batch, clock.batchEnd(batch));
        List<Object> elements = new ArrayList<>(entries.size());
        entries.forEach(entry -> elements.add(entry.value()));
        Integer count = seen.remove(batch);
        Time time = new Time(outputTime);
        List<Object> results;
        try {
            results = function.apply(time, elements, count == null ? 0 : count);
        } catch (StreamlingException e) {
            throw e;
        } catch (Exception e) {
            throw new StreamlingException("User function of " + name + " failed on the batch of " + time + ": " + e, e);
        }
        batches.deleteBatches(batch, clock.batchEnd(batch));
        for (Object result : results) {
            context().forward(new Record<>(RoutingKeys.of(result), result, batch));
        }
        services.batchCompleted(time, count == null ? 0 : count);
    }
}
