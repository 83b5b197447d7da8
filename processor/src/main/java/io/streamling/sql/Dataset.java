package io.streamling.sql;

import io.streamling.api.function.VoidFunction;
import io.streamling.internal.sql.Aggregation;
import io.streamling.internal.sql.BatchOp;
import io.streamling.internal.sql.Deduplication;
import io.streamling.internal.sql.LimitOp;
import io.streamling.internal.sql.SortOp;
import io.streamling.internal.sql.StaticJoin;
import io.streamling.internal.sql.JoinTimeRange;
import io.streamling.internal.sql.StreamJoin;
import io.streamling.internal.sql.StreamJoinKeys;
import io.streamling.internal.sql.TypedStep;
import io.streamling.internal.sql.UnsupportedStep;
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
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A table of rows, as Spark's {@code Dataset<Row>} (a DataFrame). A static Dataset holds its rows;
 * a streaming one ({@link #isStreaming()}) holds a plan that {@link #writeStream()} compiles into a
 * DStream program when the query starts. Immutable: every operation returns a new Dataset.
 *
 * @param <T> the type of its objects: {@link Row} for a DataFrame, an encoder's type after {@code as},
 *            {@code map} or {@code flatMap}
 */
public final class Dataset<T> {

    private final SparkSession session;
    private final StructType schema;
    private final List<Row> rows;
    private final StreamPlan plan;
    /** How rows become values of T; null for Rows. */
    private final Encoder<T> encoder;

    Dataset(SparkSession session, StructType schema, List<Row> rows, StreamPlan plan) {
        this(session, schema, rows, plan, null);
    }

    Dataset(SparkSession session, StructType schema, List<Row> rows, StreamPlan plan, Encoder<T> encoder) {
        this.session = session;
        this.schema = schema;
        this.rows = rows == null ? null : List.copyOf(rows);
        this.plan = plan;
        this.encoder = encoder;
    }

    /** A static Dataset of {@code batch}'s rows typed as this one (a micro-batch for foreachBatch). */
    Dataset<T> typed(Dataset<Row> batch) {
        return new Dataset<>(session, batch.schema, batch.rows, null, encoder);
    }

    /** This Dataset as rows, as Spark's {@code toDF()} (a typed Dataset's values as one-column rows). */
    public Dataset<Row> toDF() {
        return new Dataset<>(session, schema, rows, plan);
    }

    /**
     * This Dataset as rows with its columns renamed, in order, as Spark's {@code toDF("word", "timestamp")}.
     *
     * @throws AnalysisException if the number of names is not the number of columns
     */
    public Dataset<Row> toDF(String... colNames) {
        String[] names = schema.fieldNames();
        if (colNames.length != names.length) {
            throw new AnalysisException("[UNEXPECTED_NUMBER_OF_COLUMNS] The number of columns doesn't match: old column "
                    + "names (" + names.length + "): " + String.join(", ", names) + "; new column names ("
                    + colNames.length + "): " + String.join(", ", colNames) + ".");
        }
        Column[] renamed = new Column[names.length];
        for (int i = 0; i < names.length; i++) {
            renamed[i] = functions.col(names[i]).alias(colNames[i]);
        }
        return toDF().select(renamed);
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
            } else if (c.expr() instanceof Exprs.ColRef ref && ref.column().endsWith(".*")) {
                exprs.addAll(fieldsOf(ref.column().substring(0, ref.column().length() - 2)));
            } else {
                exprs.add(c.expr());
            }
        }
        return apply(Project.of(exprs, schema));
    }

    /** The fields of struct column {@code struct} ({@code select("j.*")}), each named by its field. */
    private List<Expr> fieldsOf(String struct) {
        if (!(new Exprs.ColRef(struct).type(schema) instanceof StructType type)) {
            throw new AnalysisException("[CANNOT_RESOLVE_STAR_EXPAND] Cannot resolve `" + struct
                    + "`.* given input columns " + String.join(", ", schema.fieldNames()) + ".");
        }
        return Arrays.stream(type.fieldNames()).<Expr>map(field -> new Exprs.ColRef(struct + "." + field)).toList();
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

    /**
     * This Dataset seen as objects of {@code encoder}'s type, as Spark's {@code as(Encoders.STRING())}:
     * the same rows, collected and handed to typed functions as those objects.
     *
     * @throws AnalysisException if the rows do not have the encoder's number of columns
     */
    public <U> Dataset<U> as(Encoder<U> encoder) {
        if (encoder.schema().fields().length != schema.fields().length) {
            throw new AnalysisException("[UNSUPPORTED_DESERIALIZER.FIELD_NUMBER_MISMATCH] The deserializer is not "
                    + "supported: try to map \"" + schema.simpleString() + "\" to Tuple" + encoder.schema().fields().length
                    + ", but failed as the number of fields does not line up.");
        }
        return new Dataset<>(session, schema, rows, plan, encoder);
    }

    /** Each object mapped by {@code func} to one of {@code encoder}'s type, as Spark's typed {@code map}. */
    @SuppressWarnings("unchecked")
    public <U> Dataset<U> map(MapFunction<T, U> func, Encoder<U> encoder) {
        return typed(value -> List.<Object>of(func.call((T) value)).iterator(), encoder, "map");
    }

    /** Each object mapped by {@code func} to none, one or several of {@code encoder}'s type, as Spark's typed {@code flatMap}. */
    @SuppressWarnings("unchecked")
    public <U> Dataset<U> flatMap(io.streamling.api.function.FlatMapFunction<T, U> func, Encoder<U> encoder) {
        return typed(value -> (Iterator<Object>) (Iterator<?>) func.call((T) value), encoder, "flatMap");
    }

    /** The objects for which {@code func} holds, as Spark's typed {@code filter}. */
    @SuppressWarnings("unchecked")
    public Dataset<T> filter(FilterFunction<T> func) {
        Encoder<T> same = encoder != null ? encoder : (Encoder<T>) Encoders.row(schema);
        return typed(value -> func.call((T) value) ? List.<Object>of(value).iterator()
                : Collections.emptyIterator(), same, "filter");
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private <U> Dataset<U> typed(TypedStep.Body body, Encoder<U> out, String name) {
        return apply(new TypedStep((Encoder) encoder, body, (Encoder) out, name), out);
    }

    /** The rows where {@code condition} is true. */
    public Dataset<Row> filter(Column condition) {
        return where(condition);
    }

    /** The rows for which a SQL condition holds ({@code "v BETWEEN 2 AND 7 OR k = 'f'"}), as {@code where(expr(condition))}. */
    public Dataset<Row> where(String condition) {
        return where(functions.expr(condition));
    }

    /** As {@link #where(String)}. */
    public Dataset<Row> filter(String condition) {
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

    /** Aggregates over the whole Dataset, as {@code groupBy().agg(expr, exprs...)}. */
    public Dataset<Row> agg(Column expr, Column... exprs) {
        return groupBy().agg(expr, exprs);
    }

    /** Groups by named columns. */
    public RelationalGroupedDataset groupBy(String col, String... cols) {
        List<Column> all = new ArrayList<>();
        all.add(functions.col(col));
        Arrays.stream(cols).map(functions::col).forEach(all::add);
        return groupBy(all.toArray(Column[]::new));
    }

    /**
     * Groups rows by a key computed from each row, for {@code mapGroupsWithState} or
     * {@code flatMapGroupsWithState}. Keys are compared with {@code equals}.
     */
    @SuppressWarnings("unchecked")
    public <K> KeyValueGroupedDataset<K, T> groupByKey(MapFunction<T, K> func, Encoder<K> encoder) {
        return new KeyValueGroupedDataset<>((Dataset<Row>) this, (MapFunction<Row, K>) (MapFunction<?, K>) func);
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

    /**
     * The rows sorted by columns ({@code col.desc()} for descending). On a stream Spark allows this
     * only after an aggregation in complete mode, which {@code start()} checks.
     */
    public Dataset<Row> orderBy(Column... cols) {
        return apply(new SortOp(Arrays.stream(cols).map(Column::expr).toList(), schema));
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

    /**
     * The first {@code n} rows. On a stream: in append mode the first n rows the query writes, in
     * complete mode the first n of each result; {@code start()} refuses update mode, as Spark.
     */
    public Dataset<Row> limit(int n) {
        if (n < 0) {
            throw new AnalysisException("[INVALID_LIMIT_LIKE_EXPRESSION.IS_NEGATIVE] The limit like expression \"" + n
                    + "\" is invalid. The limit expression must be equal to or greater than 0, but got " + n + ".");
        }
        return apply(new LimitOp(n, schema));
    }

    /** The distinct rows: {@link #dropDuplicates()}, as in Spark (a streaming deduplication on a stream). */
    public Dataset<Row> distinct() {
        return dropDuplicates();
    }

    /** The rows without duplicates over all columns. */
    public Dataset<Row> dropDuplicates() {
        return dropDuplicates(schema.fieldNames());
    }

    /** The rows without duplicates over the named columns; the first row of each key stays. */
    public Dataset<Row> dropDuplicates(String col1, String... cols) {
        String[] all = new String[cols.length + 1];
        all[0] = col1;
        System.arraycopy(cols, 0, all, 1, cols.length);
        return dropDuplicates(all);
    }

    /**
     * The rows without duplicates over the named columns. On a stream every key is remembered for
     * ever, unless the key includes the watermark column: then keys the watermark passed are
     * forgotten; with a watermark, rows older than it are dropped either way.
     */
    public Dataset<Row> dropDuplicates(String[] colNames) {
        return deduplicate(colNames, false);
    }

    /**
     * Drops rows whose key (the named columns; the event time need not be one) was seen within the
     * watermark delay of the first such row. Needs {@code withWatermark} on a stream; on static data
     * this is {@link #dropDuplicates(String[])}.
     */
    public Dataset<Row> dropDuplicatesWithinWatermark(String col1, String... cols) {
        String[] all = new String[cols.length + 1];
        all[0] = col1;
        System.arraycopy(cols, 0, all, 1, cols.length);
        return dropDuplicatesWithinWatermark(all);
    }

    /** {@link #dropDuplicatesWithinWatermark(String, String...)} over all columns. */
    public Dataset<Row> dropDuplicatesWithinWatermark() {
        return dropDuplicatesWithinWatermark(schema.fieldNames());
    }

    /** {@link #dropDuplicatesWithinWatermark(String, String...)} over the named columns. */
    public Dataset<Row> dropDuplicatesWithinWatermark(String[] colNames) {
        return deduplicate(colNames, true);
    }

    private Dataset<Row> deduplicate(String[] colNames, boolean withinWatermark) {
        List<Integer> key = new ArrayList<>();
        for (String name : colNames) {
            int index = -1;
            for (int i = 0; i < schema.fields().length; i++) {
                if (schema.apply(i).name().equalsIgnoreCase(name)) {
                    index = i;
                }
            }
            if (index < 0) {
                throw new AnalysisException("[UNRESOLVED_COLUMN_AMONG_FIELD_NAMES] Cannot resolve column name \"" + name
                        + "\" among (" + String.join(", ", schema.fieldNames()) + ").");
            }
            if (!key.contains(index)) {
                key.add(index);
            }
        }
        if (plan == null) {
            java.util.Set<Row> seen = new java.util.HashSet<>();
            List<Row> out = new ArrayList<>();
            for (Row row : rows) {
                if (seen.add(Row.of(key.stream().map(row::get).toArray()))) {
                    out.add(row);
                }
            }
            return new Dataset<>(session, schema, out, null);
        }
        Deduplication dedup = new Deduplication(schema, List.copyOf(key), eventTimeColumn(), withinWatermark,
                plan.effectiveWatermarkDelayMs());
        return new Dataset<>(session, schema, null, plan.statefully(dedup));
    }

    /**
     * The column whose time the watermark judges, -1 without a watermark: a window column where
     * there is one (Spark carries the watermark onto a window of the event time, and judges rows by
     * the window's end), else the watermark column.
     */
    private int eventTimeColumn() {
        if (plan.effectiveWatermarkColumn() == null) {
            return -1;
        }
        for (int i = 0; i < schema.fields().length; i++) {
            if (schema.apply(i).dataType().equals(Exprs.WINDOW_TYPE)) {
                return i;
            }
        }
        for (int i = 0; i < schema.fields().length; i++) {
            if (schema.apply(i).name().equalsIgnoreCase(plan.effectiveWatermarkColumn())) {
                return i;
            }
        }
        return -1;
    }

    /** The rows of both Datasets (by position; the schemas must have as many columns), as SQL's UNION ALL. */
    public Dataset<Row> union(Dataset<Row> other) {
        if (schema.fields().length != other.schema().fields().length) {
            throw new AnalysisException("[NUM_COLUMNS_MISMATCH] UNION can only be performed on inputs with the same "
                    + "number of columns, but the first input has " + schema.fields().length
                    + " columns and the second input has " + other.schema().fields().length + " columns.");
        }
        if (plan == null && other.plan() == null) {
            List<Row> all = new ArrayList<>(rows);
            other.collectAsList().forEach(r -> all.add(new Row(schema, r.values())));
            return new Dataset<>(session, schema, all, null);
        }
        if (plan != null && other.plan() != null) {
            return new Dataset<>(session, schema, null, StreamPlan.union(plan, other.plan()));
        }
        StreamPlan streaming = plan != null ? plan : other.plan();
        return new Dataset<>(session, schema, null, streaming.then(new UnsupportedStep(
                "Union between streaming and batch DataFrames/Datasets is not supported", schema)));
    }

    /** {@link #union(Dataset)}: Spark's unionAll is the same. */
    public Dataset<Row> unionAll(Dataset<Row> other) {
        return union(other);
    }

    /** The inner join with {@code right} on a condition over both sides' columns (names must differ). */
    public Dataset<Row> join(Dataset<?> right, Column joinExprs) {
        return join(right, joinExprs, "inner");
    }

    /** The join with {@code right} on a condition; {@code joinType} as Spark's ({@code inner}, {@code left_outer}…). */
    public Dataset<Row> join(Dataset<?> right, Column joinExprs, String joinType) {
        return join(right, null, joinExprs.expr(), joinType);
    }

    /** The inner join with {@code right} on a column both have; it appears once in the output. */
    public Dataset<Row> join(Dataset<?> right, String usingColumn) {
        return join(right, new String[] {usingColumn}, "inner");
    }

    /** The join with {@code right} on a column both have. */
    public Dataset<Row> join(Dataset<?> right, String usingColumn, String joinType) {
        return join(right, new String[] {usingColumn}, joinType);
    }

    /** The inner join with {@code right} on columns both have. */
    public Dataset<Row> join(Dataset<?> right, String[] usingColumns) {
        return join(right, usingColumns, "inner");
    }

    /** The join with {@code right} on columns both have; they appear once, first, in the output. */
    public Dataset<Row> join(Dataset<?> right, String[] usingColumns, String joinType) {
        return join(right, List.of(usingColumns), null, joinType);
    }

    /** Every row paired with every row of {@code right}. */
    public Dataset<Row> crossJoin(Dataset<?> right) {
        return join(right, null, null, "cross");
    }

    private Dataset<Row> join(Dataset<?> right, List<String> using, Expr condition, String typeName) {
        String type = StaticJoin.joinType(typeName);
        if (type.equals("cross")) {
            type = "inner";
        }
        StreamPlan rightPlan = right.plan();
        if (plan != null && rightPlan != null) {
            if (type.equals("left_anti")) {
                StreamPlan both = StreamPlan.union(plan, rightPlan);
                return new Dataset<>(session, schema, null, both.then(new UnsupportedStep(
                        "LeftAnti joins with a streaming DataFrame/Dataset on the right are not supported", schema)));
            }
            StaticJoin logic = StaticJoin.of(List.of(), schema, right.schema(), true, using, condition, type);
            String leftTime = plan.effectiveWatermarkColumn();
            String rightTime = rightPlan.effectiveWatermarkColumn();
            int[] keyTime = StreamJoinKeys.eventTimeKey(schema, right.schema(), using, condition, leftTime, rightTime);
            StreamJoin join = new StreamJoin(logic, plan.sourcePlans().size(),
                    StreamJoinKeys.eventTimeColumn(schema, leftTime), StreamJoinKeys.eventTimeColumn(right.schema(), rightTime),
                    keyTime[0], keyTime[1],
                    JoinTimeRange.of(condition, schema, right.schema(), rightTime, true),
                    JoinTimeRange.of(condition, right.schema(), schema, leftTime, false));
            return new Dataset<>(session, logic.outSchema(), null, StreamPlan.union(plan, rightPlan).statefully(join));
        }
        @SuppressWarnings("unchecked")
        List<Row> rightRows = rightPlan == null ? (List<Row>) right.collectAsList() : null;
        if (plan == null && rightPlan == null) {
            if (type.equals("full_outer")) {
                throw new UnsupportedOperationException("Streamling does not support full outer joins yet");
            }
            if (type.equals("right_outer")) {
                StaticJoin join = StaticJoin.of(rows, schema, right.schema(), false, using, condition, type);
                return staticApply(join, rightRows);
            }
            return staticApply(StaticJoin.of(rightRows, schema, right.schema(), true, using, condition, type), rows);
        }
        if (plan != null) {
            StaticJoin join = StaticJoin.of(rightRows, schema, right.schema(), true, using, condition,
                    type.equals("right_outer") || type.equals("full_outer") ? "inner" : type);
            String unsupported = switch (type) {
                case "right_outer" -> "RightOuter join with a streaming DataFrame/Dataset on the left and a static "
                        + "DataFrame/DataSet on the right not supported";
                case "full_outer" -> "FullOuter joins with streaming DataFrames/Datasets on the left and a static "
                        + "DataFrame/Dataset on the right is not supported";
                default -> null;
            };
            return streamJoin(plan, join, unsupported);
        }
        StaticJoin join = StaticJoin.of(rows, schema, right.schema(), false, using, condition,
                type.equals("right_outer") ? type : "inner");
        String unsupported = switch (type) {
            case "left_outer" -> "LeftOuter join with a streaming DataFrame/Dataset on the right and a static "
                    + "DataFrame/Dataset on the left is not supported";
            case "left_semi" -> "LeftSemi join with a streaming DataFrame/Dataset on the right and a static "
                    + "DataFrame/Dataset on the left is not supported";
            case "left_anti" -> "LeftAnti joins with a streaming DataFrame/Dataset on the right are not supported";
            case "full_outer" -> "FullOuter joins with streaming DataFrames/Datasets on the right and a static "
                    + "DataFrame/Dataset on the left is not supported";
            default -> null;
        };
        return streamJoin(rightPlan, join, unsupported);
    }

    private static int indexOf(StructType schema, String column) {
        String[] names = schema.fieldNames();
        for (int i = 0; column != null && i < names.length; i++) {
            if (names[i].equalsIgnoreCase(column)) {
                return i;
            }
        }
        return -1;
    }

    private Dataset<Row> streamJoin(StreamPlan streaming, StaticJoin join, String unsupported) {
        StreamPlan joined = streaming.then(join);
        if (unsupported != null) {
            joined = joined.then(new UnsupportedStep(unsupported, join.outSchema()));
        }
        return new Dataset<>(session, join.outSchema(), null, joined);
    }

    private Dataset<Row> staticApply(RowOp op, List<Row> input) {
        List<Row> out = new ArrayList<>();
        input.forEach(r -> out.addAll(op.apply(r)));
        return new Dataset<>(session, op.outSchema(), out, null);
    }

    /** Runs {@code f} on every row of a static Dataset; a stream needs {@code writeStream().foreach…}. */
    public void foreach(VoidFunction<T> f) throws Exception {
        requireStatic("foreach");
        for (Row row : rows) {
            @SuppressWarnings("unchecked")
            T t = (T) row;
            f.call(t);
        }
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
        return encoder == null ? (List<T>) rows : rows.stream().map(encoder::fromRow).toList();
    }

    /** The first {@code n} rows (or objects) of a static Dataset, fewer if it has fewer, as Spark's {@code takeAsList}. */
    public List<T> takeAsList(int n) {
        List<T> all = collectAsList();
        return all.subList(0, Math.min(Math.max(n, 0), all.size()));
    }

    /**
     * The first row (or object) of a static Dataset.
     *
     * @throws java.util.NoSuchElementException if it is empty, as Spark's {@code head()} ("next on empty iterator")
     */
    public T head() {
        List<T> first = takeAsList(1);
        if (first.isEmpty()) {
            throw new java.util.NoSuchElementException("next on empty iterator");
        }
        return first.get(0);
    }

    /** As {@link #head()}. */
    public T first() {
        return head();
    }

    /** Whether a static Dataset has no rows. */
    public boolean isEmpty() {
        return takeAsList(1).isEmpty();
    }

    /**
     * This Dataset: its rows are computed once already (a static Dataset holds them; a streaming one
     * is a plan), so caching, as Spark's {@code cache()}, {@code persist()} and {@code unpersist()},
     * changes nothing here.
     */
    public Dataset<T> cache() {
        return this;
    }

    /** As {@link #cache()}. */
    public Dataset<T> persist() {
        return this;
    }

    /** As {@link #cache()}. */
    public Dataset<T> unpersist() {
        return this;
    }

    /** Functions for missing values: {@code na().drop()}, {@code na().fill(0)}, as Spark's. */
    public DataFrameNaFunctions na() {
        return new DataFrameNaFunctions(cast());
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
        return apply(op, null);
    }

    /** {@code op} added to the plan, or applied to the rows now; the result's objects are {@code encoder}'s (rows: null). */
    private <U> Dataset<U> apply(RowOp op, Encoder<U> encoder) {
        if (plan != null) {
            return new Dataset<>(session, op.outSchema(), null, plan.then(op), encoder);
        }
        if (op instanceof BatchOp batch) {
            return new Dataset<>(session, op.outSchema(), batch.applyBatch(rows, 0, true), null, encoder);
        }
        List<Row> out = new ArrayList<>();
        rows.forEach(r -> out.addAll(op.apply(r)));
        return new Dataset<>(session, op.outSchema(), out, null, encoder);
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
