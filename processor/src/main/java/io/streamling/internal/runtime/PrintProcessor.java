package io.streamling.internal.runtime;

import io.streamling.streaming.Time;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.api.ContextualProcessor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code print(num)}: once per batch, from the batch of the first record on and including empty
 * batches, prints Spark's block: a line of 43 dashes, {@code Time: <ms> ms}, dashes, up to
 * {@code num} elements, {@code ...} when the batch had more, and an empty line.
 *
 * <p>It runs in a single task (the planner gathers the stream into one partition) and keeps at
 * most {@code num + 1} elements per open batch, in a store rather than on the heap. After a gap of
 * more than {@code maxEmptyBatches} batches without data it prints only the last ones of them, and
 * logs how many it skipped.
 */
public final class PrintProcessor extends ContextualProcessor<Object, Object, Object, Object> {

    private static final Logger LOG = LoggerFactory.getLogger(PrintProcessor.class);
    private static final String DASHES = "-------------------------------------------";
    private static final String NEXT = "next";

    private final String name;
    private final BatchClock clock;
    private final OutputSchedule schedule;
    private final int expectedProducers;
    private final int num;
    private final long maxEmptyBatches;
    private final RuntimeServices services;

    /** Elements seen per open batch; at most {@code num + 1} of them are kept in the store. */
    private final Map<Long, Integer> buffered = new HashMap<>();
    private KeyValueStore<Bytes, Object> batches;
    private KeyValueStore<String, Object> progress;
    private WatermarkTracker tracker;
    private long nextTime = -1;

    /**
     * @param name the operator name (its stores are named after it)
     * @param schedule when the printed stream has batches
     * @param expectedProducers how many upstream producers send markers to this operator
     * @param num how many elements to print per batch
     * @param maxEmptyBatches the most consecutive empty batches printed after a gap
     * @param services the console and the listeners
     */
    public PrintProcessor(String name, OutputSchedule schedule, int expectedProducers, int num, long maxEmptyBatches,
                          RuntimeServices services) {
        this.name = name;
        this.clock = schedule.clock();
        this.schedule = schedule;
        this.expectedProducers = expectedProducers;
        this.num = num;
        this.maxEmptyBatches = maxEmptyBatches;
        this.services = services;
    }

    @Override
    public void init(ProcessorContext<Object, Object> context) {
        super.init(context);
        batches = context.getStateStore(OperatorStores.batchesName(name));
        progress = context.getStateStore(OperatorStores.progressName(name));
        tracker = new WatermarkTracker(expectedProducers, progress);
        Object saved = progress.get(NEXT);
        nextTime = saved == null ? -1 : (Long) saved;
        try (KeyValueIterator<Bytes, Object> all = batches.all()) {
            all.forEachRemaining(entry -> buffered.merge(BatchKeys.batchOf(entry.key), 1, Integer::sum));
        }
    }

    @Override
    public void process(Record<Object, Object> record) {
        if (record.value() instanceof Watermark mark) {
            if (tracker.update(mark)) {
                printClosedBatches();
            }
            return;
        }
        long batch = clock.batchStart(record.timestamp());
        if (nextTime >= 0 && batch < schedule.batchOf(nextTime)) {
            services.lateRecords().record(name, record.timestamp(), schedule.batchOf(nextTime));
            return;
        }
        int count = buffered.getOrDefault(batch, 0);
        if (count <= num) {
            batches.put(BatchKeys.key(batch, count), record.value());
        }
        buffered.put(batch, count + 1);
    }

    private void printClosedBatches() {
        OptionalLong watermark = tracker.watermark();
        if (watermark.isEmpty()) {
            return;
        }
        if (nextTime < 0) {
            long origin = tracker.origin();
            if (origin == Watermark.NO_ORIGIN) {
                return;
            }
            nextTime = schedule.firstTime(origin);
        }
        long closedUpTo = watermark.getAsLong();
        skipLongGap(closedUpTo);
        while (schedule.isClosed(nextTime, closedUpTo)) {
            printBatch(nextTime);
            nextTime = schedule.next(nextTime);
        }
        progress.put(NEXT, nextTime);
    }

    private void skipLongGap(long closedUpTo) {
        long pending = (closedUpTo - nextTime) / schedule.slideMs() + 1;
        if (pending <= maxEmptyBatches) {
            return;
        }
        long firstPrinted = nextTime + (pending - maxEmptyBatches) * schedule.slideMs();
        boolean gapIsEmpty = buffered.keySet().stream().noneMatch(batch -> batch < schedule.batchOf(firstPrinted));
        if (gapIsEmpty) {
            LOG.info("{}: skipped {} empty batches from {} to {} (more than {} in a row)", name,
                    pending - maxEmptyBatches, new Time(nextTime), new Time(firstPrinted), maxEmptyBatches);
            nextTime = firstPrinted;
        }
    }

    private void printBatch(long outputTime) {
        long batch = schedule.batchOf(outputTime);
        List<KeyValue<Bytes, Object>> elements = new ArrayList<>();
        try (KeyValueIterator<Bytes, Object> range = batches.range(BatchKeys.lowerBound(batch),
                BatchKeys.lowerBound(clock.batchEnd(batch)))) {
            range.forEachRemaining(elements::add);
        }
        Time time = new Time(outputTime);
        StringBuilder block = new StringBuilder()
                .append(DASHES).append('\n')
                .append("Time: ").append(time).append('\n')
                .append(DASHES).append('\n');
        for (int i = 0; i < Math.min(num, elements.size()); i++) {
            block.append(elements.get(i).value).append('\n');
        }
        if (elements.size() > num) {
            block.append("...\n");
        }
        block.append('\n');
        services.console().print(block);
        services.console().flush();
        elements.forEach(element -> batches.delete(element.key));
        Integer count = buffered.remove(batch);
        services.batchCompleted(time, count == null ? 0 : count);
    }
}
