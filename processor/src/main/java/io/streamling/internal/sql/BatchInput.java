package io.streamling.internal.sql;

import io.streamling.sql.Row;
import java.io.Serializable;
import java.util.ArrayList;

/**
 * One DStream batch gathered for the stateful step: its time, whether the source had new input,
 * and the partials combined per key.
 */
record BatchInput(long time, boolean hadInput, ArrayList<Keyed> partials) implements Serializable {

    /** One key's partial (Tuple2 is not Serializable). */
    record Keyed(Row key, Partial partial) implements Serializable {
    }
}
