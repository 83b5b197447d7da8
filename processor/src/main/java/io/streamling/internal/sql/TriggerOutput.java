package io.streamling.internal.sql;

import io.streamling.sql.Row;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.TreeMap;

/**
 * What one DStream batch hands the sink: whether the source had new rows, the result rows to
 * write, how many records the source read (-1 when the plan did not count them), the progress's
 * {@code eventTime} entries (watermark, min, max, avg as ISO-8601 UTC; empty without a watermark)
 * and its state operators.
 */
record TriggerOutput(long time, boolean hadInput, ArrayList<Row> rows, long numInputRows,
        TreeMap<String, String> eventTime, ArrayList<StateMetrics> stateOperators) implements Serializable {

    /** An output without event times or state operators. */
    TriggerOutput(long time, boolean hadInput, ArrayList<Row> rows, long numInputRows) {
        this(time, hadInput, rows, numInputRows, new TreeMap<>(), new ArrayList<>());
    }
}
