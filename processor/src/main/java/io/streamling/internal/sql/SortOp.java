package io.streamling.internal.sql;

import io.streamling.sql.Row;
import io.streamling.sql.types.StructType;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** {@code orderBy}: sorts a batch; {@link Exprs.Sort} marks a descending column. Nulls first ascending, last descending. */
public record SortOp(List<Expr> order, StructType outSchema) implements BatchOp {

    @Override
    public List<Row> applyBatch(List<Row> rows, long alreadyWritten, boolean complete) {
        Comparator<Row> comparator = (a, b) -> 0;
        for (Expr e : order) {
            boolean descending = e instanceof Exprs.Sort s && !s.ascending();
            Comparator<Row> by = (a, b) -> Row.of(e.eval(a)).compareTo(Row.of(e.eval(b)));
            comparator = comparator.thenComparing(descending ? by.reversed() : by);
        }
        List<Row> sorted = new ArrayList<>(rows);
        sorted.sort(comparator);
        return sorted;
    }
}
