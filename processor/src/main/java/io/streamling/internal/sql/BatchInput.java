package io.streamling.internal.sql;

import io.streamling.sql.Row;
import java.io.Serializable;
import java.util.ArrayList;

/**
 * One DStream batch gathered for the stateful step: its time, how many records the sources had
 * (none: no new input), and the partials combined per key.
 */
record BatchInput(long time, long numInputRows, ArrayList<Keyed> partials) implements Serializable {

    /** Whether the sources had new input. */
    boolean hadInput() {
        return numInputRows > 0;
    }

    /** One key's partial (Tuple2 is not Serializable). */
    record Keyed(Row key, Partial partial) implements Serializable {
    }
}
