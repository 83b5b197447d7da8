package io.streamling.internal.sql;

import io.streamling.sql.Row;
import java.io.Serializable;
import java.util.ArrayList;

/**
 * What one DStream batch hands the sink: whether the source had new rows, the result rows to
 * write, and how many records the source read (-1 when the plan did not count them).
 */
record TriggerOutput(long time, boolean hadInput, ArrayList<Row> rows, long numInputRows) implements Serializable {

    /** An output whose input count is unknown. */
    TriggerOutput(long time, boolean hadInput, ArrayList<Row> rows) {
        this(time, hadInput, rows, -1);
    }
}
