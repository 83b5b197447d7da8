package io.streamling.internal.sql;

import io.streamling.sql.Row;
import io.streamling.sql.types.StructType;
import java.io.Serializable;
import java.util.List;

/** A stateless, row-at-a-time step of a query (projection, filter); the same code runs static and streaming. */
public interface RowOp extends Serializable {

    /** The schema of the rows this produces. */
    StructType outSchema();

    /** The output rows for one input row: none, one, or several (a generator). */
    List<Row> apply(Row row);
}
