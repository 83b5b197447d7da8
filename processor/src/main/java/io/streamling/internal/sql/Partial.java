package io.streamling.internal.sql;

import java.io.Serializable;

/**
 * A key's combined input within one micro-batch: the operator's partial (null when the entry only
 * carries event times) and, per watermark of the query, the largest event time of the rows behind
 * it ({@link Long#MIN_VALUE}: none), or null when it carries none; and the event times at the first
 * watermark, for the progress (null: none).
 */
record Partial(Object value, long[] maxEventTimes, EventTimeStats stats) implements Serializable {

    /** Both partials combined, {@code this} being the earlier. */
    Partial merge(Partial later, StatefulOp op) {
        Object value;
        if (this.value == null) {
            value = later.value;
        } else if (later.value == null) {
            value = this.value;
        } else {
            value = op.merge(this.value, later.value);
        }
        return new Partial(value, max(maxEventTimes, later.maxEventTimes), EventTimeStats.merge(stats, later.stats));
    }

    /** Element-wise maximum; null is "no event time". */
    static long[] max(long[] a, long[] b) {
        if (a == null || b == null) {
            return a == null ? b : a;
        }
        long[] out = a.clone();
        for (int i = 0; i < out.length; i++) {
            out[i] = Math.max(out[i], b[i]);
        }
        return out;
    }
}
