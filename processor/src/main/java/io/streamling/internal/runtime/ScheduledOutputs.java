package io.streamling.internal.runtime;

import java.util.OptionalLong;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The output times of an operator that runs once per batch time of its stream — whole-batch
 * operations, totals, windows, keyed state: it follows the watermark of the operator's producers
 * and runs every output time the watermark has passed, from the batch of the first record on,
 * empty batches included; then it announces the operator's own progress downstream. The next
 * output time is kept in the operator's progress store, so a restart neither repeats nor skips one.
 */
final class ScheduledOutputs {

    private static final String NEXT = "next";

    /** What an operator does at its output times. */
    interface Runner {
        /** Runs the output of {@code time}. */
        void run(long time);

        /**
         * The first output time to run when the watermark reaches {@code closedUpTo}, given that
         * {@code next} is due: {@code next} unless the operator skips part of a long gap.
         */
        default long firstToRun(long next, long closedUpTo) {
            return next;
        }
    }

    private final String name;
    private final OutputSchedule schedule;
    private final int expectedProducers;
    private ProcessorContext<Object, Object> context;
    private KeyValueStore<String, Object> progress;
    private WatermarkTracker tracker;
    private long nextTime = -1;

    ScheduledOutputs(String name, OutputSchedule schedule, int expectedProducers) {
        this.name = name;
        this.schedule = schedule;
        this.expectedProducers = expectedProducers;
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
        nextTime = runner.firstToRun(nextTime, closedUpTo);
        boolean ran = false;
        while (schedule.isClosed(nextTime, closedUpTo)) {
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
