package io.streamling.sql;

import io.streamling.internal.sql.CompiledQuery;
import io.streamling.internal.sql.QueryPlanner;
import io.streamling.internal.sql.WriteSpec;
import java.util.HashMap;
import java.util.Locale;
import io.streamling.api.function.VoidFunction2;
import java.util.Map;

/**
 * Starts a streaming Dataset as a query, as Spark's {@code df.writeStream()}: output mode
 * (append, update, complete), sink (console, memory, foreachBatch), query name and trigger. Settings are
 * validated, with Spark's messages, by {@link #start()}.
 *
 * @param <T> always {@link Row} in this version
 */
public final class DataStreamWriter<T> {

    private final Dataset<T> dataset;
    private final Map<String, String> options = new HashMap<>();
    private String outputMode = "append";
    private String format = "console";
    private String queryName;
    private Trigger trigger = Trigger.ProcessingTime(0);
    private VoidFunction2<Dataset<Row>, Long> batchFunction;

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

    /** The sink: {@code console} (the default here) or {@code memory}. */
    public DataStreamWriter<T> format(String source) {
        this.format = source.toLowerCase(Locale.ROOT);
        return this;
    }

    /**
     * The sink is {@code function}, called with each micro-batch's rows as a static Dataset and the
     * batch id, as Spark's {@code foreachBatch}.
     */
    public DataStreamWriter<T> foreachBatch(VoidFunction2<Dataset<Row>, Long> function) {
        this.batchFunction = java.util.Objects.requireNonNull(function, "foreachBatch function");
        this.format = "foreachbatch";
        return this;
    }

    /** The query name; the memory sink's table name. */
    public DataStreamWriter<T> queryName(String name) {
        this.queryName = name;
        return this;
    }

    /** When micro-batches run. */
    public DataStreamWriter<T> trigger(Trigger trigger) {
        this.trigger = trigger;
        return this;
    }

    /** A sink option: console takes {@code numRows} (20) and {@code truncate} (true). */
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

    /** Internal: the settings, for the planner and the test kit. */
    public WriteSpec spec() {
        return new WriteSpec(dataset.sparkSession(), dataset.schema(), dataset.plan(), outputMode, format, queryName,
                trigger.intervalMs(), options, batchFunction);
    }

    /**
     * Validates the query and starts it.
     *
     * @throws AnalysisException when Spark would reject the query (output mode, sink)
     */
    public StreamingQuery start() {
        CompiledQuery compiled = QueryPlanner.compile(spec(), dataset.sparkSession().console());
        compiled.ssc().start();
        return new StreamingQuery(queryName, compiled.ssc());
    }
}
