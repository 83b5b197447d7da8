package io.streamling.internal.sql;

import java.io.Serializable;

/**
 * The event times a micro-batch saw at its first watermark, as Spark's {@code EventTimeStats}:
 * min, max, and the average kept incrementally as Spark keeps it (so that its value, reported
 * truncated to a millisecond, is Spark's when rows are folded in the same order).
 */
record EventTimeStats(long min, long max, double avg, long count) implements Serializable {

    /** One event time. */
    static EventTimeStats of(long time) {
        return new EventTimeStats(time, time, time, 1);
    }

    /** Both combined, {@code a} the earlier; null is "no event time". */
    static EventTimeStats merge(EventTimeStats a, EventTimeStats b) {
        if (a == null || b == null) {
            return a == null ? b : a;
        }
        long count = a.count + b.count;
        // Spark's EventTimeStats.merge: avg += (that.avg - avg) * that.count / count
        double avg = a.avg + (b.avg - a.avg) * b.count / count;
        return new EventTimeStats(Math.min(a.min, b.min), Math.max(a.max, b.max), avg, count);
    }

    /** The average, truncated as Spark's {@code avg.toLong}. */
    long avgMs() {
        return (long) avg;
    }
}
