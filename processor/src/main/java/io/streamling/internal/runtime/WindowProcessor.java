package io.streamling.internal.runtime;

import org.apache.kafka.streams.processor.api.ContextualProcessor;
import org.apache.kafka.streams.processor.api.Record;

/**
 * {@code window(w, s)} without state: each element is copied into every window that holds its
 * batch, stamped into the last batch of that window. Downstream, a window is then an ordinary
 * batch, so per-batch operations (reduceByKey, count, print, ...) work on windows unchanged, and
 * watermarks stay valid: a copy is never stamped earlier than its batch.
 */
public final class WindowProcessor extends ContextualProcessor<Object, Object, Object, Object> {

    private final BatchClock clock;
    private final long windowMs;
    private final long slideMs;

    /**
     * @param clock the batch clock
     * @param windowMs the window length
     * @param slideMs the window slide
     */
    public WindowProcessor(BatchClock clock, long windowMs, long slideMs) {
        this.clock = clock;
        this.windowMs = windowMs;
        this.slideMs = slideMs;
    }

    @Override
    public void process(Record<Object, Object> record) {
        if (record.value() instanceof Watermark) {
            context().forward(record);
            return;
        }
        long batch = clock.batchStart(record.timestamp());
        // windows end at multiples of the slide; the one ending right after this batch comes first
        long firstEnd = batch + clock.intervalMs();
        long remainder = Math.floorMod(firstEnd, slideMs);
        if (remainder != 0) {
            firstEnd += slideMs - remainder;
        }
        for (long end = firstEnd; end - windowMs <= batch; end += slideMs) {
            context().forward(record.withTimestamp(end - clock.intervalMs()));
        }
    }
}
