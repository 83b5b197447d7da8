package io.streamling.internal.sql;

import io.streamling.sql.Row;
import java.util.List;

/**
 * A step over a micro-batch's whole output rather than row by row ({@code orderBy}, {@code limit}):
 * the sink runs it on the rows it writes.
 */
public interface BatchOp extends RowOp {

    /**
     * The rows to write.
     *
     * @param alreadyWritten how many rows this step let through in earlier micro-batches
     * @param complete whether each micro-batch writes the whole result table (complete mode)
     */
    List<Row> applyBatch(List<Row> rows, long alreadyWritten, boolean complete);

    @Override
    default List<Row> apply(Row row) {
        throw new IllegalStateException(getClass().getSimpleName() + " runs over whole batches");
    }
}
