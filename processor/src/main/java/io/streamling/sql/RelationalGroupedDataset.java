package io.streamling.sql;

import io.streamling.internal.sql.AggregateOutputs;
import io.streamling.internal.sql.Aggregation;
import io.streamling.internal.sql.Expr;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** The result of {@code groupBy(...)}: aggregate it with {@link #count()} or {@link #agg(Column, Column...)}. */
public final class RelationalGroupedDataset {

    private final Dataset<?> dataset;
    private final List<Expr> keys;

    RelationalGroupedDataset(Dataset<?> dataset, List<Expr> keys) {
        this.dataset = dataset;
        this.keys = List.copyOf(keys);
    }

    /** The number of rows per group, in a column named {@code count}. */
    public Dataset<Row> count() {
        return agg(functions.count("*").alias("count"));
    }

    /**
     * Aggregates per group: {@code agg(sum("b"), avg("b").as("mean"))}. An expression may wrap
     * aggregates in casts and arithmetic ({@code max("t").cast("string")}, {@code sum("b") / count("b")}):
     * it is evaluated after the aggregation, as by a {@code select} after {@code agg}.
     */
    public Dataset<Row> agg(Column aggregate, Column... more) {
        List<Expr> aggregates = new ArrayList<>();
        aggregates.add(aggregate.expr());
        Arrays.stream(more).map(Column::expr).forEach(aggregates::add);
        AggregateOutputs split = AggregateOutputs.of(aggregates);
        if (split == null) {
            return dataset.aggregate(Aggregation.of(keys, aggregates, dataset.schema()));
        }
        Dataset<Row> aggregated = dataset.aggregate(Aggregation.of(keys, split.aggregates(), dataset.schema()));
        List<Column> columns = new ArrayList<>();
        for (Expr key : keys) {
            columns.add(functions.col(key.name()));
        }
        split.outputs().forEach(output -> columns.add(new Column(output)));
        return aggregated.select(columns.toArray(Column[]::new));
    }

    /** The sum of each named column per group. */
    public Dataset<Row> sum(String... columns) {
        return each(columns, functions::sum);
    }

    /** The mean of each named column per group. */
    public Dataset<Row> avg(String... columns) {
        return each(columns, functions::avg);
    }

    /** The smallest value of each named column per group. */
    public Dataset<Row> min(String... columns) {
        return each(columns, functions::min);
    }

    /** The largest value of each named column per group. */
    public Dataset<Row> max(String... columns) {
        return each(columns, functions::max);
    }

    private Dataset<Row> each(String[] columns, java.util.function.Function<String, Column> f) {
        Column[] aggregates = Arrays.stream(columns).map(f).toArray(Column[]::new);
        return agg(aggregates[0], Arrays.copyOfRange(aggregates, 1, aggregates.length));
    }
}
