package io.streamling.internal.sql;

import io.streamling.sql.AnalysisException;
import io.streamling.sql.Row;
import io.streamling.sql.types.StructField;
import io.streamling.sql.types.StructType;
import java.util.ArrayList;
import java.util.List;

/** {@code select}: evaluates expressions; at most one generator (explode, sliding window) multiplies rows. */
public record Project(List<Expr> exprs, StructType outSchema) implements RowOp {

    /** A projection of {@code exprs} over rows of {@code in}; the output schema is derived now, so bad columns fail early. */
    public static Project of(List<Expr> exprs, StructType in) {
        if (exprs.stream().filter(Expr::isGenerator).count() > 1) {
            throw new AnalysisException("Only one generator allowed per select clause but found "
                    + exprs.stream().filter(Expr::isGenerator).count());
        }
        if (exprs.stream().anyMatch(Expr::isAggregate)) {
            throw new AnalysisException("Aggregate functions are supported in groupBy(...).agg(...) only in this version");
        }
        List<StructField> fields = new ArrayList<>();
        for (Expr e : exprs) {
            fields.add(new StructField(e.name(), e.type(in), true));
        }
        return new Project(List.copyOf(exprs), new StructType(fields));
    }

    @Override
    public List<Row> apply(Row row) {
        int generator = -1;
        Object[] values = new Object[exprs.size()];
        for (int i = 0; i < values.length; i++) {
            if (exprs.get(i).isGenerator()) {
                generator = i;
            } else {
                values[i] = exprs.get(i).eval(row);
            }
        }
        if (generator < 0) {
            return List.of(new Row(outSchema, values));
        }
        List<Row> rows = new ArrayList<>();
        for (Object value : exprs.get(generator).generate(row)) {
            values[generator] = value;
            rows.add(new Row(outSchema, values));
        }
        return rows;
    }
}
