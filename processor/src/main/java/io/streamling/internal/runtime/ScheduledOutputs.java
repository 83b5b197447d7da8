package io.streamling.internal.runtime;

import io.streamling.streaming.Time;
import java.util.OptionalLong;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The output times of an operator that runs once per batch time of its stream — whole-batch
 * operations, totals, windows, keyed state: it follows the watermark of the operator's producers
 * and runs every output time the watermark has passed, from the batch of the first record on,
 * empty batches included; then it announces the operator's own progress downstream. After a gap
 * of more than {@code maxEmptyBatches} output times without input (the watermark jumps when an
 * idle source follows the wall clock, for example after replaying old data) it runs only the last
 * of them, and logs how many it skipped. The next output time is kept in the operator's progress
 * store, so a restart neither repeats nor skips one.
 */
final class ScheduledOutputs {

    private static final Logger LOG = LoggerFactory.getLogger(ScheduledOutputs.class);
    private static final String NEXT = "next";

    /** What an operator does at its output times. */
    interface Runner {
        /** Runs the output of {@code time}. */
        void run(long time);

        /** Whether the operator holds input of a batch starting before {@code batchStart}: then nothing is skipped. */
        boolean hasInputBefore(long batchStart);
    }

    private final String name;
    private final OutputSchedule schedule;
    private final int expectedProducers;
    private final long maxEmptyBatches;
    private ProcessorContext<Object, Object> context;
    private KeyValueStore<String, Object> progress;
    private WatermarkTracker tracker;
    private long nextTime = -1;

    ScheduledOutputs(String name, OutputSchedule schedule, int expectedProducers, long maxEmptyBatches) {
        this.name = name;
        this.schedule = schedule;
        this.expectedProducers = expectedProducers;
        this.maxEmptyBatches = maxEmptyBatches;
    }

    /** Restores the progress of the operator from its progress store. */
    void init(ProcessorContext<Object, Object> processorContext) {
        context = processorContext;
        progress = processorContext.getStateStore(OperatorStores.progressName(name));
        tracker = new WatermarkTracker(expectedProducers, progress);
        Object saved = progress.get(NEXT);
        nextTime = saved == null ? -1 : (Long) saved;
    }

    /** The operator's progress store, for state of its own. */
    KeyValueStore<String, Object> progress() {
        return progress;
    }

    /** The start of the first batch not yet output (or -1 before the first output): earlier records are late. */
    long firstOpenBatch() {
        return nextTime < 0 ? -1 : schedule.batchOf(nextTime);
    }

    private long skipLongGap(long next, long closedUpTo, Runner runner) {
        long pending = (closedUpTo - next) / schedule.slideMs() + 1;
        if (pending <= maxEmptyBatches) {
            return next;
        }
        long firstRun = next + (pending - maxEmptyBatches) * schedule.slideMs();
        if (runner.hasInputBefore(schedule.batchOf(firstRun))) {
            return next;
        }
        LOG.info("{}: skipped {} empty batches from {} to {} (more than {} in a row)", name,
                pending - maxEmptyBatches, new Time(next), new Time(firstRun), maxEmptyBatches);
        return firstRun;
    }

    /** The earliest record timestamp heard of upstream: the program's first batch holds it. */
    long origin() {
        return tracker.origin();
    }

    /** Takes a producer's marker and runs every output time it closes. */
    void onMarker(Watermark mark, Runner runner) {
        if (!tracker.update(mark)) {
            return;
        }
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
        long closedUpTo = watermark.getAsLong();
        boolean ran = false;
        while (schedule.isClosed(nextTime, closedUpTo)) {
            // checked before each output: a gap may begin after the batches that still hold input
            nextTime = skipLongGap(nextTime, closedUpTo, runner);
            runner.run(nextTime);
            nextTime = schedule.next(nextTime);
            ran = true;
        }
        if (ran) {
            progress.put(NEXT, nextTime);
            long completeBelow = schedule.batchOf(nextTime);
            Watermark own = Watermark.of(name, context.taskId().partition(), completeBelow, tracker.origin());
            context.forward(new Record<>(own, own, completeBelow));
        }
    }
}
