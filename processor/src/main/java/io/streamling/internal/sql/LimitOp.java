package io.streamling.internal.sql;

import io.streamling.sql.Row;
import io.streamling.sql.types.StructType;
import java.util.List;

/**
 * {@code limit(n)}: in complete mode (and on static data) the first n rows of each result; in
 * append mode the first n rows the query ever writes, as Spark's StreamingGlobalLimitExec.
 */
public record LimitOp(int n, StructType outSchema) implements BatchOp {

    @Override
    public List<Row> applyBatch(List<Row> rows, long alreadyWritten, boolean complete) {
        long left = complete ? n : Math.max(0, n - alreadyWritten);
        return rows.subList(0, (int) Math.min(left, rows.size()));
    }
}
