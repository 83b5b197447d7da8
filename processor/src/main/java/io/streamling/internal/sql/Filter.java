package io.streamling.internal.sql;

import io.streamling.sql.Row;
import io.streamling.sql.types.StructType;
import java.util.List;

/** {@code where}: keeps rows whose condition is true (null counts as false, as in SQL). */
public record Filter(Expr condition, StructType outSchema) implements RowOp {

    @Override
    public List<Row> apply(Row row) {
        return Boolean.TRUE.equals(condition.eval(row)) ? List.of(row) : List.of();
    }
}
