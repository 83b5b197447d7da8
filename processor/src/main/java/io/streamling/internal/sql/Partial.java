package io.streamling.internal.sql;

import java.io.Serializable;

/**
 * A key's combined input within one micro-batch: the operator's partial (null when the entry only
 * carries event time) and the largest event time of the rows behind it, as the watermark saw them.
 */
record Partial(Object value, long maxEventTime) implements Serializable {

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
        return new Partial(value, Math.max(maxEventTime, later.maxEventTime));
    }
}
