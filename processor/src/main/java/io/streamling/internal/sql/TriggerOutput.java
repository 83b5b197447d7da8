package io.streamling.internal.sql;

import io.streamling.sql.Row;
import java.io.Serializable;
import java.util.ArrayList;

/** What one DStream batch hands the sink: whether the source had new rows, and the result rows to write. */
record TriggerOutput(long time, boolean hadInput, ArrayList<Row> rows) implements Serializable {
}
