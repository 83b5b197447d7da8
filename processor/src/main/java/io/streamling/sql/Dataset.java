package io.streamling.sql;

import io.streamling.internal.sql.Aggregation;
import io.streamling.internal.sql.Expr;
import io.streamling.internal.sql.Exprs;
import io.streamling.internal.sql.Filter;
import io.streamling.internal.sql.IntervalParser;
import io.streamling.internal.sql.Project;
import io.streamling.internal.sql.RowOp;
import io.streamling.internal.sql.ShowString;
import io.streamling.internal.sql.StreamPlan;
import io.streamling.sql.types.DataTypes;
import io.streamling.sql.types.StructField;
import io.streamling.sql.types.StructType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A table of rows, as Spark's {@code Dataset<Row>} (a DataFrame). A static Dataset holds its rows;
 * a streaming one ({@link #isStreaming()}) holds a plan that {@link #writeStream()} compiles into a
 * DStream program when the query starts. Immutable: every operation returns a new Dataset.
 *
 * @param <T> always {@link Row} in this version
 */
public final class Dataset<T> {

    private final SparkSession session;
    private final StructType schema;
    private final List<Row> rows;
    private final StreamPlan plan;

    Dataset(SparkSession session, StructType schema, List<Row> rows, StreamPlan plan) {
        this.session = session;
        this.schema = schema;
        this.rows = rows == null ? null : List.copyOf(rows);
        this.plan = plan;
    }

    /** The schema. */
    public StructType schema() {
        return schema;
    }

    /** The column names. */
    public String[] columns() {
        return schema.fieldNames();
    }

    /** Whether this is a streaming Dataset, to be run with {@link #writeStream()}. */
    public boolean isStreaming() {
        return plan != null;
    }

    /** The session. */
    public SparkSession sparkSession() {
        return session;
    }

    /** Internal: the streaming plan (null for a static Dataset). */
    public StreamPlan plan() {
        return plan;
    }

    /** The column {@code name} of this Dataset, as {@code df.col("value")} / PySpark's {@code df['value']}. */
    public Column col(String name) {
        schema.fieldIndex(name.split("\\.")[0]);
        return functions.col(name);
    }

    /** The columns {@code cols}; one of them may be a generator (explode, a sliding window). */
    public Dataset<Row> select(Column... cols) {
        List<Expr> exprs = new ArrayList<>();
        for (Column c : cols) {
            if (c.expr() instanceof Exprs.ColRef ref && ref.column().equals("*")) {
                Arrays.stream(schema.fieldNames()).forEach(n -> exprs.add(new Exprs.ColRef(n)));
            } else {
                exprs.add(c.expr());
            }
        }
        return apply(Project.of(exprs, schema));
    }

    /** Columns from SQL expressions, as Spark's {@code selectExpr("CAST(value AS STRING)", "length(value) AS n")}. */
    public Dataset<Row> selectExpr(String... exprs) {
        return select(Arrays.stream(exprs).map(functions::expr).toArray(Column[]::new));
    }

    /** The named columns. */
    public Dataset<Row> select(String col, String... cols) {
        List<Column> all = new ArrayList<>();
        all.add(functions.col(col));
        Arrays.stream(cols).map(functions::col).forEach(all::add);
        return select(all.toArray(Column[]::new));
    }

    /** The rows where {@code condition} is true. */
    public Dataset<Row> where(Column condition) {
        if (!condition.expr().type(schema).equals(DataTypes.BooleanType)) {
            throw new AnalysisException("filter expression '" + condition + "' of type "
                    + condition.expr().type(schema).simpleString() + " is not a boolean.");
        }
        return apply(new Filter(condition.expr(), schema));
    }

    /** The rows where {@code condition} is true. */
    public Dataset<Row> filter(Column condition) {
        return where(condition);
    }

    /** This Dataset with a column added, or replaced if one has the same name. */
    public Dataset<Row> withColumn(String name, Column col) {
        List<Column> cols = new ArrayList<>();
        boolean replaced = false;
        for (String existing : schema.fieldNames()) {
            if (existing.equalsIgnoreCase(name)) {
                cols.add(col.alias(name));
                replaced = true;
            } else {
                cols.add(functions.col(existing));
            }
        }
        if (!replaced) {
            cols.add(col.alias(name));
        }
        return select(cols.toArray(Column[]::new));
    }

    /** This Dataset with a column renamed; a missing column is ignored, as in Spark. */
    public Dataset<Row> withColumnRenamed(String existing, String newName) {
        return select(Arrays.stream(schema.fieldNames())
                .map(n -> n.equalsIgnoreCase(existing) ? functions.col(n).alias(newName) : functions.col(n))
                .toArray(Column[]::new));
    }

    /** This Dataset without the named columns; missing names are ignored, as in Spark. */
    public Dataset<Row> drop(String... names) {
        List<String> dropped = Arrays.stream(names).map(String::toLowerCase).toList();
        return select(Arrays.stream(schema.fieldNames()).filter(n -> !dropped.contains(n.toLowerCase()))
                .map(functions::col).toArray(Column[]::new));
    }

    /** Groups by columns, for {@link RelationalGroupedDataset#count()} or {@code agg(...)}. */
    public RelationalGroupedDataset groupBy(Column... cols) {
        return new RelationalGroupedDataset(this, Arrays.stream(cols).map(Column::expr).toList());
    }

    /** Groups by named columns. */
    public RelationalGroupedDataset groupBy(String col, String... cols) {
        List<Column> all = new ArrayList<>();
        all.add(functions.col(col));
        Arrays.stream(cols).map(functions::col).forEach(all::add);
        return groupBy(all.toArray(Column[]::new));
    }

    /**
     * Declares the event-time column and how late its data may be ({@code "10 minutes"}); a no-op
     * on a static Dataset, as in Spark.
     */
    public Dataset<Row> withWatermark(String eventTime, String delayThreshold) {
        long delay = IntervalParser.toMillis(delayThreshold);
        if (delay < 0) {
            throw new AnalysisException("Watermark delay threshold (" + delayThreshold + ") should not be negative.");
        }
        if (!schema.apply(schema.fieldIndex(eventTime)).dataType().equals(DataTypes.TimestampType)) {
            throw new AnalysisException("Event time must be defined on a window or a timestamp, but " + eventTime
                    + " is of type " + schema.apply(schema.fieldIndex(eventTime)).dataType().simpleString());
        }
        return plan == null ? cast() : new Dataset<>(session, schema, null, plan.watermark(eventTime, delay));
    }

    /** The rows sorted by columns ({@code col.desc()} for descending); static Datasets only in this version. */
    public Dataset<Row> orderBy(Column... cols) {
        if (plan != null) {
            throw new AnalysisException("Sorting is not supported on streaming DataFrames/Datasets, unless it is on "
                    + "aggregated DataFrame/Dataset in Complete output mode");
        }
        Comparator<Row> order = (a, b) -> 0;
        for (Column c : cols) {
            boolean descending = c.expr() instanceof Exprs.Sort s && !s.ascending();
            Expr key = c.expr();
            Comparator<Row> by = (a, b) -> Row.of(key.eval(a)).compareTo(Row.of(key.eval(b)));
            order = order.thenComparing(descending ? by.reversed() : by);
        }
        List<Row> sorted = new ArrayList<>(rows);
        sorted.sort(order);
        return new Dataset<>(session, schema, sorted, null);
    }

    /** The rows sorted by named columns, ascending. */
    public Dataset<Row> orderBy(String col, String... cols) {
        List<Column> all = new ArrayList<>();
        all.add(functions.col(col));
        Arrays.stream(cols).map(functions::col).forEach(all::add);
        return orderBy(all.toArray(Column[]::new));
    }

    /** Same as {@link #orderBy(Column...)}. */
    public Dataset<Row> sort(Column... cols) {
        return orderBy(cols);
    }

    /** Registers this static Dataset as a table for {@link SparkSession#sql(String)} and {@link SparkSession#table(String)}. */
    public void createOrReplaceTempView(String viewName) {
        requireStatic("createOrReplaceTempView");
        session.registerTable(viewName, cast());
    }

    /** The rows of a static Dataset. */
    @SuppressWarnings("unchecked")
    public List<T> collectAsList() {
        requireStatic("collect");
        return (List<T>) rows;
    }

    /** The number of rows of a static Dataset. */
    public long count() {
        requireStatic("count");
        return rows.size();
    }

    /** Prints the first 20 rows as a table, cells truncated to 20 characters. */
    public void show() {
        show(20, true);
    }

    /** Prints the first {@code numRows} rows as a table. */
    public void show(int numRows) {
        show(numRows, true);
    }

    /** Prints the first 20 rows, truncated or not. */
    public void show(boolean truncate) {
        show(20, truncate);
    }

    /** Prints the first {@code numRows} rows, truncating cells to 20 characters or not. */
    public void show(int numRows, boolean truncate) {
        requireStatic("show");
        session.console().println(ShowString.format(schema, rows, numRows, truncate ? 20 : 0, session.timeZone()));
    }

    /** Prints the schema as a tree, as Spark does. */
    public void printSchema() {
        StringBuilder out = new StringBuilder("root\n");
        for (StructField f : schema.fields()) {
            out.append(" |-- ").append(f.name()).append(": ").append(f.dataType().simpleString())
                    .append(" (nullable = ").append(f.nullable()).append(")\n");
        }
        session.console().println(out);
    }

    /** The writer that starts this streaming Dataset as a query. */
    public DataStreamWriter<T> writeStream() {
        if (plan == null) {
            throw new AnalysisException("'writeStream' can be called only on streaming Dataset/DataFrame");
        }
        return new DataStreamWriter<>(this);
    }

    @Override
    public String toString() {
        return Arrays.stream(schema.fields()).map(f -> f.name() + ": " + f.dataType().simpleString())
                .collect(Collectors.joining(", ", "[", "]"));
    }

    Dataset<Row> aggregate(Aggregation aggregation) {
        if (plan == null) {
            return new Dataset<>(session, aggregation.outSchema(), aggregation.aggregate(rows), null);
        }
        return new Dataset<>(session, aggregation.outSchema(), null, plan.aggregate(aggregation));
    }

    private Dataset<Row> apply(RowOp op) {
        if (plan != null) {
            return new Dataset<>(session, op.outSchema(), null, plan.then(op));
        }
        List<Row> out = new ArrayList<>();
        rows.forEach(r -> out.addAll(op.apply(r)));
        return new Dataset<>(session, op.outSchema(), out, null);
    }

    private void requireStatic(String operation) {
        if (plan != null) {
            throw new AnalysisException("Queries with streaming sources must be executed with writeStream.start(); ("
                    + operation + ")");
        }
    }

    @SuppressWarnings("unchecked")
    private Dataset<Row> cast() {
        return (Dataset<Row>) this;
    }
}
