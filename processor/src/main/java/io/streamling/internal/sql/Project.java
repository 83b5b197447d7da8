package io.streamling.internal.sql;

import io.streamling.sql.AnalysisException;
import io.streamling.sql.Row;
import io.streamling.sql.types.StructField;
import io.streamling.sql.types.StructType;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

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
        return apply(row, outSchema, UnaryOperator.identity());
    }

    /**
     * The output rows for one input row, each value passed through {@code each} and the rows given
     * {@code schema} (null for bare rows, as group keys are).
     */
    List<Row> apply(Row row, StructType schema, UnaryOperator<Object> each) {
        int generator = -1;
        Object[] values = new Object[exprs.size()];
        for (int i = 0; i < values.length; i++) {
            if (exprs.get(i).isGenerator()) {
                generator = i;
            } else {
                values[i] = each.apply(exprs.get(i).eval(row));
            }
        }
        if (generator < 0) {
            return List.of(new Row(schema, values));
        }
        List<Object> generated = exprs.get(generator).generate(row);
        List<Row> rows = new ArrayList<>(generated.size());
        for (Object value : generated) {
            values[generator] = each.apply(value);
            rows.add(new Row(schema, values));
        }
        return rows;
    }
}
