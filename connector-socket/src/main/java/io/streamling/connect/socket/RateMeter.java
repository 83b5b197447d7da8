package io.streamling.connect.socket;

import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * A per-second rate of a monotonically growing counter, averaged over about the last
 * {@value #WINDOW_SECONDS} seconds.
 *
 * <p>Why sampling on read instead of counting per event: the reader's hot path then pays nothing
 * beyond the counter it increments anyway. Each {@link #perSecond()} call records a sample and
 * measures against the oldest sample still inside the window (or the newest one before it, so a
 * reader that asks only every 15 s still gets the average since its previous question).
 */
final class RateMeter {

    static final int WINDOW_SECONDS = 10;
    private static final long WINDOW_NANOS = TimeUnit.SECONDS.toNanos(WINDOW_SECONDS);

    private record Sample(long nanos, long count) {
    }

    private final LongSupplier counter;
    private final LongSupplier nanoClock;
    private final ArrayDeque<Sample> samples = new ArrayDeque<>(); // guarded by this

    /**
     * @param counter   the counter to measure
     * @param nanoClock a monotonic clock, e.g. System::nanoTime
     */
    RateMeter(LongSupplier counter, LongSupplier nanoClock) {
        this.counter = counter;
        this.nanoClock = nanoClock;
        samples.add(new Sample(nanoClock.getAsLong(), counter.getAsLong()));
    }

    /** @return events per second over the window; 0 before any time has passed */
    synchronized double perSecond() {
        Sample now = new Sample(nanoClock.getAsLong(), counter.getAsLong());
        // drop samples older than the window, but keep one as the baseline
        while (samples.size() > 1 && now.nanos - second().nanos >= WINDOW_NANOS) {
            samples.removeFirst();
        }
        Sample base = samples.getFirst();
        samples.addLast(now);
        long elapsed = now.nanos - base.nanos;
        return elapsed <= 0 ? 0.0 : (now.count - base.count) * 1e9 / elapsed;
    }

    private Sample second() {
        Iterator<Sample> it = samples.iterator();
        it.next();
        return it.next();
    }
}
