package io.streamling.internal.runtime;

/**
 * When a stream's per-batch outputs run: at every multiple of its slide (the batch interval, or
 * a window's slide), from the batch of the first record on. The output of time {@code T} covers
 * the elements stamped in {@code [T - batchInterval, T)}: a windowed stream stamps each window's
 * elements into the last batch of the window.
 *
 * @param clock the batch clock
 * @param slideMs the stream's slide, a multiple of the batch interval
 */
public record OutputSchedule(BatchClock clock, long slideMs) {

    /** The first output time at or after the end of the batch holding {@code origin}. */
    public long firstTime(long origin) {
        long firstBatchEnd = clock.batchEnd(clock.batchStart(origin));
        return ceilToSlide(firstBatchEnd);
    }

    /** The output time after {@code time}. */
    public long next(long time) {
        return time + slideMs;
    }

    /** The start of the batch whose elements the output of {@code time} covers. */
    public long batchOf(long time) {
        return time - clock.intervalMs();
    }

    /** Whether the output of {@code time} may run once every producer is complete below {@code watermark}. */
    public boolean isClosed(long time, long watermark) {
        return time <= watermark;
    }

    private long ceilToSlide(long time) {
        long remainder = Math.floorMod(time, slideMs);
        return remainder == 0 ? time : time - remainder + slideMs;
    }
}
