package io.streamling.sql;

import io.streamling.api.function.VoidFunction2;
import io.streamling.internal.sql.WriteSpec;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Starts a streaming Dataset as a query, as Spark's {@code df.writeStream()}: output mode
 * (append, update, complete), sink ({@code console}, {@code memory}, {@code kafka}, the file formats
 * {@code json}/{@code csv}/{@code text}, {@code noop}, {@link #foreach}, {@link #foreachBatch},
 * {@link #toTable}), query name, trigger and {@code checkpointLocation}. Settings are validated,
 * with Spark's messages, by {@link #start()}.
 *
 * @param <T> the type of the Dataset's elements: {@link Row}, or what an encoder makes of the rows
 */
public final class DataStreamWriter<T> {

    private final Dataset<T> dataset;
    private final Map<String, String> options = new HashMap<>();
    private String outputMode = "append";
    private String format = "console";
    private String queryName;
    private Trigger trigger = Trigger.ProcessingTime(0);
    private VoidFunction2<Dataset<Row>, Long> batchFunction;
    private ForeachWriter<Row> foreachWriter;
    private List<String> partitionBy = List.of();

    DataStreamWriter(Dataset<T> dataset) {
        this.dataset = dataset;
    }

    /** {@code append} (the default), {@code update} or {@code complete}. */
    public DataStreamWriter<T> outputMode(String mode) {
        String m = mode.toLowerCase(Locale.ROOT);
        if (!m.equals("append") && !m.equals("update") && !m.equals("complete")) {
            throw new IllegalArgumentException("Unknown output mode " + mode
                    + ". Accepted output modes are 'append', 'complete', 'update'");
        }
        this.outputMode = m;
        return this;
    }

    /**
     * The sink: {@code console} (the default here), {@code memory}, {@code kafka}, {@code json},
     * {@code csv}, {@code text} or {@code noop}.
     */
    public DataStreamWriter<T> format(String source) {
        this.format = source.toLowerCase(Locale.ROOT);
        return this;
    }

    /**
     * The sink is {@code function}, called with each micro-batch's rows as a static Dataset and the
     * batch id, as Spark's {@code foreachBatch}.
     */
    public DataStreamWriter<T> foreachBatch(VoidFunction2<Dataset<T>, Long> function) {
        Objects.requireNonNull(function, "foreachBatch function");
        this.batchFunction = (batch, batchId) -> function.call(dataset.typed(batch), batchId);
        this.format = "foreachbatch";
        return this;
    }

    /**
     * The sink is {@code writer}: open, process each row, close, per micro-batch, as Spark's
     * {@code foreach}.
     */
    @SuppressWarnings("unchecked")
    public DataStreamWriter<T> foreach(ForeachWriter<T> writer) {
        this.foreachWriter = (ForeachWriter<Row>) Objects.requireNonNull(writer, "foreach writer");
        this.format = "foreach";
        return this;
    }

    /** The file sink writes each row under Hive-style {@code col=value/} directories of these columns. */
    public DataStreamWriter<T> partitionBy(String... columns) {
        this.partitionBy = List.of(columns);
        return this;
    }

    /** The query name; the memory sink's table name. Must be unique among the session's active queries. */
    public DataStreamWriter<T> queryName(String name) {
        this.queryName = name;
        return this;
    }

    /** When micro-batches run. */
    public DataStreamWriter<T> trigger(Trigger trigger) {
        this.trigger = trigger;
        return this;
    }

    /**
     * A sink option: console takes {@code numRows} (20) and {@code truncate} (true); the file sink
     * {@code path}; kafka {@code topic} and {@code kafka.*}; every sink {@code checkpointLocation}.
     */
    public DataStreamWriter<T> option(String key, String value) {
        options.put(key, value);
        return this;
    }

    /** A sink option. */
    public DataStreamWriter<T> option(String key, long value) {
        return option(key, Long.toString(value));
    }

    /** A sink option. */
    public DataStreamWriter<T> option(String key, boolean value) {
        return option(key, Boolean.toString(value));
    }

    /** A sink option. */
    public DataStreamWriter<T> option(String key, double value) {
        return option(key, Double.toString(value));
    }

    /** Sink options. */
    public DataStreamWriter<T> options(Map<String, String> options) {
        this.options.putAll(options);
        return this;
    }

    /** Internal: the settings, for the planner and the test kit. */
    public WriteSpec spec() {
        return new WriteSpec(dataset.sparkSession(), dataset.schema(), dataset.plan(), outputMode, format, queryName,
                trigger, options, batchFunction, foreachWriter, partitionBy);
    }

    /**
     * Validates the query and starts it.
     *
     * @throws AnalysisException when Spark would reject the query (output mode, sink)
     * @throws IllegalArgumentException when a sink option is missing or another active query has this name
     */
    public StreamingQuery start() {
        return dataset.sparkSession().streams().startQuery(spec());
    }

    /** Starts the query writing to {@code path} (the file sink's directory). */
    public StreamingQuery start(String path) {
        option("path", path);
        return start();
    }

    /**
     * Starts the query writing to table {@code tableName}: a session table that each micro-batch
     * appends to (complete mode replaces it), read with {@code spark.table(name)} or {@code spark.sql}.
     * Streamling has no catalog, so the table lives in memory, as the memory sink's.
     */
    public StreamingQuery toTable(String tableName) {
        this.format = "table";
        option("tableName", Objects.requireNonNull(tableName, "tableName"));
        return start();
    }
}
